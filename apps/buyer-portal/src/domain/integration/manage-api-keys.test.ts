import { call } from "@lotbridge/http/test-client";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { route } from "@/server/route";
import { apiKeys } from "./integration-tables";
import { issueApiKey } from "./issue-api-key";
import { revokeApiKey, rotateApiKey } from "./manage-api-keys";

const HOUR = 3_600_000;
const issue = (name: string) => issueApiKey(portal().db, { name, platform: "producer-portal", scopes: ["lots:read"] });
const stored = async (id: string) => (await portal().db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0];
/** The rotation as the admin route answers it: a refusal becomes problem+json. */
const rotateOverHttp = (id: string, overlapHours: number) =>
  call(
    route(async () => Response.json(await rotateApiKey(portal().db, id, overlapHours), { status: 201 })),
    `http://localhost:3000/api/admin/api-keys/${id}/rotate`,
    { body: { overlapHours } },
  );

describe("rotating an API key", () => {
  it("refuses an expired key with 409 and a sentence, issuing nothing and leaving its expiry as it was", async () => {
    const { id } = await issue("Expired producer key");
    await portal()
      .db.update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(apiKeys.id, id));
    const before = [await stored(id), await portal().db.$count(apiKeys)];
    const refused = await rotateOverHttp(id, 24);
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({
      status: 409,
      type: "urn:lotbridge:problem:key-not-active",
      detail: "This API key has expired; issue a new key instead of rotating it.",
    });
    expect([await stored(id), await portal().db.$count(apiKeys)]).toEqual(before);
  });

  it("refuses a revoked key with 409 and a sentence, issuing nothing", async () => {
    const { id } = await issue("Revoked producer key");
    await revokeApiKey(portal().db, id);
    const before = [await stored(id), await portal().db.$count(apiKeys)];
    const refused = await rotateOverHttp(id, 24);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      status: 409,
      detail: "This API key is revoked; issue a new key instead of rotating it.",
    });
    expect([await stored(id), await portal().db.$count(apiKeys)]).toEqual(before);
  });

  it("of an active key issues a successor and ends the old key after the overlap", async () => {
    const { id } = await issue("Active producer key");
    const now = new Date();
    const successor = await rotateApiKey(portal().db, id, 2, undefined, now);
    expect(await stored(successor.id)).toMatchObject({ expiresAt: null, revokedAt: null });
    expect((await stored(id))?.expiresAt).toEqual(new Date(now.getTime() + 2 * HOUR));
  });

  it("again during the overlap does not push the old key's end later", async () => {
    const { id } = await issue("Twice rotated key");
    const now = new Date();
    await rotateApiKey(portal().db, id, 1, undefined, now);
    await rotateApiKey(portal().db, id, 48, undefined, new Date(now.getTime() + 60_000));
    expect((await stored(id))?.expiresAt).toEqual(new Date(now.getTime() + HOUR));
  });
});
