import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret } from "./new-webhook-secret";
import { type Receipt, type ReceivedWebhook, receiveWebhook } from "./receive-webhook";

const secret = newWebhookSecret();

function signed(body: string, options: { id?: string; secret?: string; at?: Date } = {}) {
  const id = options.id ?? "evt_1";
  const at = options.at ?? new Date();
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(options.secret ?? secret).sign(id, at, body),
  };
}

const body = JSON.stringify({ id: "evt_1", type: "lot.published", data: { id: "lot_1", version: 1 } });

/** An apply step that answers `receipt` and remembers what reached it. */
function recording(receipt: Receipt = { acknowledge: { received: true } }) {
  const seen: ReceivedWebhook[] = [];
  const apply = async (event: ReceivedWebhook) => {
    seen.push(event);
    return receipt;
  };
  return { seen, apply };
}

describe("receiveWebhook", () => {
  it("hands a correctly signed event to the apply step and answers its acknowledgement with 200", async () => {
    const { seen, apply } = recording({ acknowledge: { duplicate: true } });
    const result = await receiveWebhook({ secrets: [secret], headers: signed(body), rawBody: body, apply });
    expect(result).toEqual({ status: 200, body: { duplicate: true } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: "evt_1", type: "lot.published", payload: JSON.parse(body) });
  });

  it.each([
    ["a tampered body", () => ({ headers: signed(body), rawBody: body.replace("lot_1", "lot_2") }), "signature"],
    ["a wrong secret", () => ({ headers: signed(body, { secret: newWebhookSecret() }), rawBody: body }), "signature"],
    [
      "a timestamp 6 minutes old",
      () => ({ headers: signed(body, { at: new Date(Date.now() - 6 * 60_000) }), rawBody: body }),
      "timestamp",
    ],
    ["missing headers", () => ({ headers: { "content-type": "application/json" }, rawBody: body }), "unsigned"],
  ])("refuses %s with 401 and applies nothing", async (_case, request, problem) => {
    const { seen, apply } = recording();
    const result = await receiveWebhook({ secrets: [secret], apply, ...request() });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ status: 401, type: expect.stringContaining(problem) });
    expect(seen).toHaveLength(0);
  });

  it("accepts any of several secrets during a rotation", async () => {
    const old = newWebhookSecret();
    const { seen, apply } = recording();
    const result = await receiveWebhook({
      secrets: [secret, old],
      headers: signed(body, { secret: old }),
      rawBody: body,
      apply,
    });
    expect(result.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("answers 500 when the apply step asks for a retry", async () => {
    const { seen, apply } = recording({ retry: true });
    const result = await receiveWebhook({ secrets: [secret], headers: signed(body), rawBody: body, apply });
    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({ status: 500, type: "urn:lotbridge:problem:webhook-not-applied" });
    expect(seen).toHaveLength(1);
  });

  it("answers 500 when the apply step throws, tells onError and does not show the error to the sender", async () => {
    const errors: unknown[] = [];
    const result = await receiveWebhook({
      secrets: [secret],
      headers: signed(body),
      rawBody: body,
      apply: async () => {
        throw new Error("lot store unavailable");
      },
      onError: (error) => errors.push(error),
    });
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain("lot store unavailable");
    expect(errors).toHaveLength(1);
  });

  it("refuses a signed body that is not a JSON event with 400 and applies nothing", async () => {
    const { seen, apply } = recording();
    const text = "[1, 2, 3]";
    const result = await receiveWebhook({ secrets: [secret], headers: signed(text), rawBody: text, apply });
    expect(result.status).toBe(400);
    expect(seen).toHaveLength(0);
  });
});
