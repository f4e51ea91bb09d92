import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call } from "@lotbridge/http/testing/test-client";
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

describe("the operators' key actions", () => {
  it("find no buyer organization's key: revoking or rotating one is 404 and leaves it working", async () => {
    const { db } = portal();
    const { organizationId } = await createOrganizationWithUsers(db, { name: "Key Mills", slug: "key-mills" }, [
      { name: "Kim Admin", email: "kim@key-mills.example", password: "a long enough password", role: "admin" },
    ]);
    const { id } = await issueApiKey(db, { name: "ERP", platform: null, organizationId, scopes: ["lots:write"] });
    await expect(revokeApiKey(db, id)).rejects.toMatchObject({ status: 404 });
    expect((await rotateOverHttp(id, 24)).status).toBe(404);
    expect(await stored(id)).toMatchObject({ revokedAt: null, expiresAt: null });
    expect(await db.$count(apiKeys, eq(apiKeys.organizationId, organizationId))).toBe(1);
  });
});
