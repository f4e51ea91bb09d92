import { type OutboxMessage, outboxMessage } from "@lotbridge/webhooks/tables";
import { type Answer, startTestReceiver, type TestReceiver } from "@lotbridge/webhooks/testing/test-receiver";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { buyerClient } from "./buyer-client";
import { BUYER_COMMAND, type CommandBodies, type CommandKind, enqueueCommand } from "./commands-out";
import { commandTransport, describeCommand } from "./commands-out-transport";

const API_KEY = "lbk_commands_secret";
let buyer: TestReceiver;
let answer: Answer = { status: 200 };

const ORG = "org_greenacre";
const submission: CommandBodies["bid.submit"] = {
  lotId: "lot_1",
  externalBidId: "pbid_1",
  bidder: { organizationId: ORG, organizationName: "Greenacre", name: "Piet", email: "piet@greenacre.example" },
  volume: "100",
  pricePerUnit: "240.50",
  currency: "EUR",
  deliveryTerms: "DAP",
  message: "",
  validUntil: "2030-01-01T00:00:00.000Z",
};

/** Each kind of command, and the request the buyer portal must receive for it. */
const cases: { [K in CommandKind]: [CommandBodies[K], string, string, unknown, string | undefined] } = {
  "bid.submit": [submission, "POST", "/api/bids", submission, undefined],
  "bid.revise": [
    { bidId: "bid_1", organizationId: ORG, revision: { pricePerUnit: "236.00" } },
    "PATCH",
    "/api/bids/bid_1",
    { pricePerUnit: "236.00" },
    ORG,
  ],
  "bid.withdraw": [{ bidId: "bid_1", organizationId: ORG }, "POST", "/api/bids/bid_1/withdraw", undefined, ORG],
  "offer.accept": [
    { bidId: "bid_1", offerId: "ofr_2", organizationId: ORG },
    "POST",
    "/api/bids/bid_1/counter-offers/ofr_2/accept",
    undefined,
    ORG,
  ],
  "offer.reject": [
    { bidId: "bid_1", offerId: "ofr_2", organizationId: ORG, rejection: { reason: "Too low." } },
    "POST",
    "/api/bids/bid_1/counter-offers/ofr_2/reject",
    { reason: "Too low." },
    ORG,
  ],
  "offer.counter": [
    {
      bidId: "bid_1",
      organizationId: ORG,
      counter: {
        volume: "90",
        pricePerUnit: "238.00",
        deliveryTerms: "",
        message: "",
        expiresAt: "2030-01-01T00:00:00Z",
      },
    },
    "POST",
    "/api/bids/bid_1/counter-offers",
    { volume: "90", pricePerUnit: "238.00", deliveryTerms: "", message: "", expiresAt: "2030-01-01T00:00:00Z" },
    ORG,
  ],
  "contract.sign": [
    {
      contractId: "ct_1",
      organizationId: ORG,
      signature: { signerName: "Piet", signerEmail: "piet@greenacre.example", documentHash: "a".repeat(64) },
    },
    "POST",
    "/api/contracts/ct_1/signatures",
    { signerName: "Piet", signerEmail: "piet@greenacre.example", documentHash: "a".repeat(64) },
    ORG,
  ],
  "dispatch.announce": [
    {
      contractId: "ct_1",
      organizationId: ORG,
      dispatch: { plannedDate: "2027-09-03", vehicleReference: "HH-GA 1042", estimatedWeight: "24", note: "" },
    },
    "POST",
    "/api/contracts/ct_1/dispatches",
    { plannedDate: "2027-09-03", vehicleReference: "HH-GA 1042", estimatedWeight: "24", note: "" },
    ORG,
  ],
  "ping.answer": [{ pingEventId: "evt_1" }, "POST", "/api/integration/pongs", { pingEventId: "evt_1" }, undefined],
};

async function queue<K extends CommandKind>(kind: K, body: CommandBodies[K], key?: string): Promise<OutboxMessage> {
  const id = await portal().db.transaction((tx) => enqueueCommand(tx, kind, body, key));
  return (await portal().db.select().from(outboxMessage).where(eq(outboxMessage.id, id)))[0];
}

const send = (message: OutboxMessage, options: { allowLoopback?: boolean } = { allowLoopback: true }) =>
  commandTransport({ baseUrl: buyer.url, apiKey: API_KEY, ...options }).send(message, new AbortController().signal);

beforeAll(async () => {
  buyer = await startTestReceiver(() => answer);
});

afterAll(() => buyer.close());

describe("the command table", () => {
  for (const [kind, [body, method, path, sentBody, organization]] of Object.entries(cases)) {
    it(`${kind} is sent as ${method} ${path} with the key, its Idempotency-Key and its organization`, async () => {
      answer = { status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' };
      const message = await queue(kind as CommandKind, body as never);
      expect(message).toMatchObject({ kind: BUYER_COMMAND, destination: "buyer-portal", eventType: kind });
      const before = buyer.requests.length;
      const first = await send(message);
      await send(message);
      const [request, retry] = buyer.requests.slice(before);
      expect(first).toMatchObject({ outcome: "delivered", status: 200, body: { ok: true } });
      expect(request).toMatchObject({ method, path });
      expect(request.headers["x-api-key"]).toBe(API_KEY);
      expect(request.headers["idempotency-key"]).toBe(message.eventId);
      expect(retry.headers["idempotency-key"]).toBe(message.eventId);
      expect(request.headers["x-producer-organization"]).toBe(organization);
      expect(request.body === "" ? undefined : JSON.parse(request.body)).toEqual(sentBody);
      expect(describeCommand(message)).toBe(
        `${method} ${path.replace(/bid_1|ct_1/, "{id}").replace("ofr_2", "{offerId}")}`,
      );
    });
  }

  it("keeps the caller's Idempotency-Key, or gives each command its own", async () => {
    const keyed = await queue("bid.submit", submission, "pbid_1");
    const a = await queue("ping.answer", { pingEventId: "evt_2" });
    const b = await queue("ping.answer", { pingEventId: "evt_2" });
    expect(keyed.eventId).toBe("pbid_1");
    expect(a.eventId).toMatch(/^cmd_/);
    expect(a.eventId).not.toBe(b.eventId);
  });

  it("refuses a message of a kind it does not know, without sending it", async () => {
    const message = { ...(await queue("ping.answer", { pingEventId: "evt_3" })), eventType: "bid.teleport" };
    const before = buyer.requests.length;
    expect(await send(message)).toMatchObject({ outcome: "refused", error: "Unknown command kind bid.teleport." });
    expect(buyer.requests).toHaveLength(before);
  });
});

describe("the command transport's outcomes", () => {
  it("a problem the buyer portal will repeat is refused, with its body for the answer handler", async () => {
    const problem = { type: "urn:lotbridge:problem:bid-not-open", title: "Conflict", status: 409, detail: "No." };
    answer = { status: 409, headers: { "content-type": "application/problem+json" }, body: JSON.stringify(problem) };
    const result = await send(await queue("bid.withdraw", { bidId: "bid_1", organizationId: ORG }));
    expect(result).toMatchObject({ outcome: "refused", status: 409, body: problem });
    expect(result.error).toBe("POST /api/bids/{id}/withdraw was refused with 409.");
  });

  it("a rate limit, a redirect and a server error are retried, honouring Retry-After", async () => {
    const message = await queue("bid.withdraw", { bidId: "bid_1", organizationId: ORG });
    answer = { status: 429, headers: { "retry-after": "7" }, body: "" };
    expect(await send(message)).toMatchObject({ outcome: "retry", status: 429, retryAfterMs: 7000 });
    answer = { status: 302, headers: { location: "http://169.254.169.254/" } };
    expect(await send(message)).toMatchObject({ outcome: "retry", status: 302 });
    answer = { status: 503, body: `upstream said ${API_KEY}` };
    const failed = await send(message);
    expect(failed).toMatchObject({ outcome: "retry", status: 503 });
    expect(failed.responseExcerpt).not.toContain(API_KEY);
  });

  it("a key the buyer portal does not take (401) is retried until the operator fixes it", async () => {
    answer = { status: 401, headers: { "content-type": "application/problem+json" }, body: '{"status":401}' };
    const result = await send(await queue("ping.answer", { pingEventId: "evt_401" }));
    expect(result).toMatchObject({ outcome: "retry", status: 401 });
  });

  it("an answer that does not come within the timeout is abandoned and retried", async () => {
    const silent = await startTestReceiver(() => new Promise<Answer>(() => {}));
    try {
      const transport = commandTransport({ baseUrl: silent.url, apiKey: API_KEY, allowLoopback: true, timeoutMs: 500 });
      const started = Date.now();
      const message = await queue("ping.answer", { pingEventId: "evt_slow" });
      const result = await transport.send(message, new AbortController().signal);
      expect(result).toMatchObject({ outcome: "retry", error: "No answer within 0.5 s." });
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await silent.close();
    }
  });

  it("a destination this portal may not call is refused for good, and nothing is sent", async () => {
    const before = buyer.requests.length;
    const result = await send(await queue("ping.answer", { pingEventId: "evt_4" }), { allowLoopback: false });
    expect(result.outcome).toBe("refused");
    expect(buyer.requests).toHaveLength(before);
  });

  it("an answer larger than the limit is a failure, not a truncated success", async () => {
    answer = { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify("x".repeat(2000)) };
    const client = buyerClient({ baseUrl: buyer.url, apiKey: API_KEY, allowLoopback: true, bodyLimit: 1000 });
    await expect(
      client.POST("/api/integration/pongs", {
        params: { header: { "Idempotency-Key": "k" } },
        body: { pingEventId: "evt_5" },
      }),
    ).rejects.toThrow("larger than 1000 characters");
  });
});

describe("the generated client's types", () => {
  it("refuse an operation, path parameter or header the document does not have (checked by tsc)", () => {
    const client = buyerClient({ baseUrl: "http://127.0.0.1:9", apiKey: API_KEY });
    const typeChecksOnly = () => {
      // @ts-expect-error: no such operation in docs/openapi.json
      void client.POST("/api/bids/{id}/teleport", { params: { path: { id: "bid_1" } } });
      // @ts-expect-error: withdrawing needs X-Producer-Organization
      void client.POST("/api/bids/{id}/withdraw", { params: { path: { id: "bid_1" }, header: {} } });
      // @ts-expect-error: submitting needs its Idempotency-Key
      void client.POST("/api/bids", { params: { header: {} }, body: submission });
      // @ts-expect-error: accepting names the offer too
      void client.POST("/api/bids/{id}/counter-offers/{offerId}/accept", { params: { path: { id: "bid_1" } } });
    };
    expect(typeof typeChecksOnly).toBe("function");
  });
});
