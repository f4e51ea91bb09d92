import { createServer, type Server } from "node:net";
import type { Database } from "@lotbridge/db/database";
import { freePort } from "@lotbridge/db/free-port";
import { newId } from "@lotbridge/db/new-id";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { createDispatcher, type Dispatcher } from "@lotbridge/webhooks/create-dispatcher";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import { deliveryAttempt, type OutboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../testing/test-smtp-server";
import type { EmailPayload } from "./email-payload";
import { emailTransport } from "./email-transport";
import { listDevMailbox } from "./list-dev-mailbox";
import { renderEmail } from "./render-email";

let database: TestDatabase;
let db: Database;
const servers: TestSmtpServer[] = [];
const dispatchers: Dispatcher[] = [];

beforeAll(async () => {
  database = await openTestDatabase("notifications");
  db = database.db;
});
afterAll(() => database.close());
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function smtpServer(options: Parameters<typeof startTestSmtpServer>[0] = {}) {
  const server = await startTestSmtpServer(options);
  servers.push(server);
  return server;
}

const FROM = '"Lotbridge" <notifications@lotbridge.test>';

function bidEmail(address = "ana@mill.test", memberId = "mem_ana"): EmailPayload {
  return {
    to: { name: "Ana Silva", address },
    memberId,
    subject: "New bid on lot L-104",
    ...renderEmail({
      title: "A new bid arrived",
      facts: [
        ["Lot", "L-104"],
        ["Volume", "25 t"],
        ["Price", "212 EUR/t"],
      ],
      link: "https://buyer.test/lots/lot_104",
    }),
  };
}

function outboxRow(payload: unknown): OutboxMessage {
  const now = new Date();
  return {
    id: newId("msg"),
    kind: "email",
    destination: "smtp",
    eventId: null,
    eventType: null,
    payload,
    status: "pending",
    attempts: 1,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    lastStatus: null,
    createdAt: now,
    deliveredAt: null,
  };
}

const never = new AbortController().signal;

describe("emailTransport", () => {
  it("delivers to the SMTP server: the recipient, the subject and the facts arrive", async () => {
    const server = await smtpServer();
    const transport = emailTransport({ smtpUrl: server.url, from: FROM, db });

    const result = await transport.send(outboxRow(bidEmail()), never);

    expect(result).toMatchObject({ outcome: "delivered" });
    expect(server.mails).toHaveLength(1);
    const [mail] = server.mails;
    expect(mail.from).toBe("notifications@lotbridge.test");
    expect(mail.recipients).toEqual(["ana@mill.test"]);
    expect(mail.headers.to).toBe("Ana Silva <ana@mill.test>");
    expect(mail.headers.subject).toBe("New bid on lot L-104");
    expect(mail.text).toContain("Volume: 25 t");
    expect(mail.text).toContain("Price: 212 EUR/t");
    expect(mail.html).toContain("212 EUR/t");
    // The membership the mail belongs to is the portal's business, not the mail's.
    expect(JSON.stringify(mail)).not.toContain("mem_ana");
  });

  it("retries while the SMTP server is down and delivers once it is up", async () => {
    const port = await freePort();
    const dispatcher = createDispatcher({
      db,
      databaseUrl: database.databaseUrl,
      transports: { email: emailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, db }) },
      scheduleScale: 0.001,
      pollIntervalMs: 20,
    });
    dispatchers.push(dispatcher);
    await dispatcher.start();
    const id = await db.transaction((tx) =>
      enqueueMessage(tx, { kind: "email", destination: "smtp", payload: bidEmail() }),
    );
    const attempts = () =>
      db
        .select()
        .from(deliveryAttempt)
        .where(eq(deliveryAttempt.messageId, id))
        .orderBy(asc(deliveryAttempt.attemptNumber));

    await vi.waitFor(async () => expect((await attempts()).length).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
      interval: 10,
    });
    const server = await smtpServer({ port });
    await vi.waitFor(
      async () => {
        const [message] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, id));
        expect(message.status).toBe("delivered");
      },
      { timeout: 10_000, interval: 10 },
    );

    const log = await attempts();
    expect(log.at(-1)?.outcome).toBe("delivered");
    for (const failed of log.slice(0, -1)) {
      expect(failed).toMatchObject({ outcome: "failed", error: expect.stringContaining("ECONNREFUSED") });
    }
    expect(server.mails.map((m) => m.recipients)).toEqual([["ana@mill.test"]]);
  });

  it("retries a server that accepts the connection but never greets", async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const transport = emailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, db, timeoutMs: 200 });

    const result = await transport.send(outboxRow(bidEmail()), never);

    expect(result).toMatchObject({ outcome: "retry", error: expect.stringContaining("did not answer in time") });
    silent.close();
  });

  it("gives up on a recipient the server refuses for good", async () => {
    const server = await smtpServer({ unknownRecipients: ["gone@mill.test"] });
    const transport = emailTransport({ smtpUrl: server.url, from: FROM, db });

    const result = await transport.send(outboxRow(bidEmail("gone@mill.test")), never);

    expect(result).toMatchObject({ outcome: "refused", status: 550, error: expect.stringContaining("RCPT TO") });
    expect(server.mails).toEqual([]);
  });

  it("refuses a payload that is not an email", async () => {
    const transport = emailTransport({ smtpUrl: "smtp://127.0.0.1:1", from: FROM, db });

    const result = await transport.send(outboxRow({ to: "ana@mill.test\r\nBcc: all@mill.test", subject: "x" }), never);

    expect(result.outcome).toBe("refused");
  });

  it("never reports the SMTP password, even when the server repeats it", async () => {
    const server = await smtpServer({ refuseLogins: true });
    const password = "s3cret-p@ss";
    const smtpUrl = `smtp://mailer:${encodeURIComponent(password)}@127.0.0.1:${server.port}`;
    const transport = emailTransport({ smtpUrl, from: FROM, db });

    const result = await transport.send(outboxRow(bidEmail()), never);

    expect(result.outcome).toBe("retry");
    expect(result.error).toContain("Wrong password [redacted]");
    expect(JSON.stringify(result)).not.toContain(password);
    expect(JSON.stringify(result)).not.toContain(encodeURIComponent(password));
  });

  it("without an SMTP server keeps the mail in the development mailbox", async () => {
    const transport = emailTransport({ from: FROM, db });

    const result = await transport.send(outboxRow(bidEmail()), never);

    expect(result.outcome).toBe("delivered");
    const [kept] = await listDevMailbox(db, { memberId: "mem_ana", email: "ANA@mill.test" }, 10);
    expect(kept).toMatchObject({
      to: "Ana Silva <ana@mill.test>",
      address: "ana@mill.test",
      memberId: "mem_ana",
      subject: "New bid on lot L-104",
    });
    expect(kept.text).toContain("Volume: 25 t");
    expect(kept.html).toContain("<table");
    // Someone else looking at their mailbox does not see Ana's mail.
    expect(await listDevMailbox(db, { memberId: "mem_bob", email: "bob@mill.test" }, 10)).toEqual([]);
  });

  it("shows a mailbox the mail sent to exactly its address: `_` and `%` in an address are not wildcards", async () => {
    const transport = emailTransport({ from: FROM, db });
    await transport.send(outboxRow(bidEmail("anna@northfield.example", "mem_anna")), never);

    for (const email of ["____@northfield.example", "%@northfield.example", "_nna@northfield.example"]) {
      expect(await listDevMailbox(db, { memberId: "mem_wildcard", email }, 10)).toEqual([]);
      // Even named with Anna's membership, an address that only matches hers as a pattern reads nothing.
      expect(await listDevMailbox(db, { memberId: "mem_anna", email }, 10)).toEqual([]);
    }
    const annas = await listDevMailbox(db, { memberId: "mem_anna", email: "anna@northfield.example" }, 10);
    expect(annas.map((mail) => mail.address)).toEqual(["anna@northfield.example"]);
  });

  it("keeps the mail of a membership for it alone: the same address in a later membership reads none of it", async () => {
    const transport = emailTransport({ from: FROM, db });
    await transport.send(outboxRow(bidEmail("cleo@mill.test", "mem_cleo_at_the_mill")), never);

    expect(await listDevMailbox(db, { memberId: "mem_cleo_at_the_bakery", email: "cleo@mill.test" }, 10)).toEqual([]);
    expect(await listDevMailbox(db, { memberId: "mem_cleo_at_the_mill", email: "cleo@mill.test" }, 10)).toHaveLength(1);
  });
});
