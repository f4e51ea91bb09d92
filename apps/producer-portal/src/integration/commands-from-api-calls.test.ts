import { resolve } from "node:path";
import { databaseBeforeMigration } from "@lotbridge/db/testing/database-before-migration";
import { describe, expect, it } from "vitest";
import { BUYER_COMMAND } from "./commands-out";

// Migration 0011: calls to the buyer portal still waiting in the outbox when a portal is upgraded (the old
// "api-call" messages) become the commands they were, so they are sent after the upgrade, with the same key.

const ORG = "org_coop";

/** The old message shapes, as the previous version queued them. */
const oldCalls: Record<string, unknown> = {
  msg_submit: { method: "POST", path: "/api/bids", body: { lotId: "lot_1", volume: "5" }, idempotencyKey: "pbid_1" },
  msg_revise: {
    method: "PATCH",
    path: "/api/bids/bid_1",
    body: { pricePerUnit: "210" },
    headers: { "X-Producer-Organization": ORG },
    idempotencyKey: "revision_1",
  },
  msg_withdraw: {
    method: "POST",
    path: "/api/bids/bid_1/withdraw",
    headers: { "X-Producer-Organization": ORG },
    idempotencyKey: "withdrawal_1",
  },
  msg_accept: {
    method: "POST",
    path: "/api/bids/bid_1/counter-offers/off_2/accept",
    headers: { "X-Producer-Organization": ORG },
    idempotencyKey: "answer_1",
  },
  msg_reject: {
    method: "POST",
    path: "/api/bids/bid_1/counter-offers/off_2/reject",
    body: { reason: "too low" },
    headers: { "X-Producer-Organization": ORG },
    idempotencyKey: "answer_2",
  },
  msg_counter: {
    method: "POST",
    path: "/api/bids/bid_1/counter-offers",
    body: { pricePerUnit: "205" },
    headers: { "X-Producer-Organization": ORG },
    idempotencyKey: "answer_3",
  },
  msg_sign: {
    method: "POST",
    path: "/api/contracts/ctr_1/signatures",
    body: { documentHash: "ab" },
    headers: { "X-Producer-Organization": ORG },
    idempotencyKey: "signature_1",
  },
  msg_pong: {
    method: "POST",
    path: "/api/integration/pongs",
    body: { pingEventId: "evt_1" },
    idempotencyKey: "pong-evt_1",
  },
};

describe("producer-portal migration 0011_commands-from-api-calls", () => {
  it("turns every waiting API call into its command with the same id and Idempotency-Key; sent ones stay as they were", async () => {
    const database = await databaseBeforeMigration(
      resolve("apps/producer-portal/drizzle"),
      "0011_commands-from-api-calls",
    );
    const sql = (text: string, values: unknown[] = []) => database.client.query(text, values);
    try {
      for (const [id, payload] of Object.entries(oldCalls)) {
        await sql(
          `insert into outbox_message (id, kind, destination, payload) values ($1, 'api-call', 'buyer-portal', $2)`,
          [id, JSON.stringify(payload)],
        );
      }
      await sql(
        `insert into outbox_message (id, kind, destination, payload, status) values
        ('msg_sent', 'api-call', 'buyer-portal', $1, 'delivered')`,
        [JSON.stringify(oldCalls.msg_submit)],
      );
      await database.upgrade();
      const { rows } = await sql(
        "select id, kind, event_type, event_id, payload, status from outbox_message order by id",
      );
      const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
      const command = (kind: string, eventId: string, payload: unknown) => ({
        kind: BUYER_COMMAND,
        event_type: kind,
        event_id: eventId,
        payload,
        status: "pending",
      });
      expect(byId.msg_submit).toMatchObject(command("bid.submit", "pbid_1", { lotId: "lot_1", volume: "5" }));
      expect(byId.msg_revise).toMatchObject(
        command("bid.revise", "revision_1", { bidId: "bid_1", organizationId: ORG, revision: { pricePerUnit: "210" } }),
      );
      expect(byId.msg_withdraw).toMatchObject(
        command("bid.withdraw", "withdrawal_1", { bidId: "bid_1", organizationId: ORG }),
      );
      expect(byId.msg_accept).toMatchObject(
        command("offer.accept", "answer_1", { bidId: "bid_1", offerId: "off_2", organizationId: ORG }),
      );
      expect(byId.msg_reject).toMatchObject(
        command("offer.reject", "answer_2", {
          bidId: "bid_1",
          offerId: "off_2",
          organizationId: ORG,
          rejection: { reason: "too low" },
        }),
      );
      expect(byId.msg_counter).toMatchObject(
        command("offer.counter", "answer_3", { bidId: "bid_1", organizationId: ORG, counter: { pricePerUnit: "205" } }),
      );
      expect(byId.msg_sign).toMatchObject(
        command("contract.sign", "signature_1", {
          contractId: "ctr_1",
          organizationId: ORG,
          signature: { documentHash: "ab" },
        }),
      );
      expect(byId.msg_pong).toMatchObject(command("ping.answer", "pong-evt_1", { pingEventId: "evt_1" }));
      expect(byId.msg_sent).toMatchObject({ kind: "api-call", status: "delivered", event_type: null });
    } finally {
      await database.close();
    }
  });
});
