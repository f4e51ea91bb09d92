import { call } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendPing } from "@/integration/answer-ping";
import { idempotencyRecords, pongs } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { POST as answer } from "./route";

const URL_PONGS = "http://localhost:3000/api/integration/pongs";
let key: string;

beforeAll(async () => {
  key = (await issueApiKey(portal().db, { name: "producer", platform: "producer-portal", scopes: ["lots:read"] })).key;
});

const post = (body: unknown, idempotencyKey?: string, apiKey = key) =>
  call(answer, URL_PONGS, {
    body,
    headers: { "x-api-key": apiKey, ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
  });

describe("POST /api/integration/pongs", () => {
  it("records the answer to a ping once; a replay with the same Idempotency-Key returns the first answer", async () => {
    const { db } = portal();
    const ping = await sendPing(db, "Anna");
    const first = await post({ pingEventId: ping.id }, "pong-1");
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const again = await post({ pingEventId: ping.id }, "pong-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);
    expect(await db.$count(pongs)).toBe(1);
  });

  it("refuses to reuse an Idempotency-Key for a different request, and changes nothing", async () => {
    const { db } = portal();
    const [a, b] = [await sendPing(db, "Anna"), await sendPing(db, "Anna")];
    expect((await post({ pingEventId: a.id }, "pong-2")).status).toBe(201);
    const before = [await db.$count(pongs), await db.$count(idempotencyRecords)];
    const reused = await post({ pingEventId: b.id }, "pong-2");
    expect(reused.status).toBe(409);
    expect((await reused.json()).detail).toContain("Idempotency-Key");
    expect([await db.$count(pongs), await db.$count(idempotencyRecords)]).toEqual(before);
  });

  it("needs an Idempotency-Key, a known ping and a valid key; a refusal stores nothing", async () => {
    const { db } = portal();
    const ping = await sendPing(db, "Anna");
    const before = [await db.$count(pongs), await db.$count(idempotencyRecords)];
    expect((await post({ pingEventId: ping.id })).status).toBe(400);
    expect((await post({ pingEventId: "evt_doesnotexist" }, "pong-3")).status).toBe(404);
    expect((await post({ pingEventId: 42 }, "pong-4")).status).toBe(422);
    expect((await post({ pingEventId: ping.id }, "pong-5", "lbk_wrong-wrong-wrong-wrong")).status).toBe(401);
    expect([await db.$count(pongs), await db.$count(idempotencyRecords)]).toEqual(before);
  });

  it("performs a request once even when two copies arrive at the same moment", async () => {
    const { db } = portal();
    const ping = await sendPing(db, "Anna");
    const answers = await Promise.all(Array.from({ length: 5 }, () => post({ pingEventId: ping.id }, "pong-race")));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(await db.$count(pongs, eq(pongs.pingEventId, ping.id))).toBe(1);
  });
});
