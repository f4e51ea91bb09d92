import { call, signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { GET as listLots } from "@/app/api/lots/route";
import { apiKeys } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { listApiKeys } from "@/integration/manage-api-keys";
import { portal } from "@/server/portal";
import { buyerOrganization, PASSWORD } from "@/test/lots";
import { POST as revoke } from "./[id]/revoke/route";
import { POST as issue, GET as list } from "./route";

const ORIGIN = "http://localhost:3000";
const BASE = `${ORIGIN}/api/organization/api-keys`;
type Buyer = Awaited<ReturnType<typeof buyerOrganization>>;
let mill: Buyer;
const cookies = {} as Record<"admin" | "member" | "neighbourAdmin", string>;

beforeAll(async () => {
  mill = await buyerOrganization("Keyed Mill");
  const neighbour = await buyerOrganization("Keyed Neighbour");
  cookies.admin = await signIn(auth, ORIGIN, `admin@${mill.slug}.example`, PASSWORD);
  cookies.member = await signIn(auth, ORIGIN, `member@${mill.slug}.example`, PASSWORD);
  cookies.neighbourAdmin = await signIn(auth, ORIGIN, `admin@${neighbour.slug}.example`, PASSWORD);
});

const keyCount = () => portal().db.$count(apiKeys);
const issueAs = (cookie: string, body: unknown) => call(issue, BASE, { cookie, body });
const lotsWith = (key: string) => call(listLots, `${ORIGIN}/api/lots`, { headers: { "x-api-key": key } });

describe("an organization's admins manage its keys", () => {
  it("issues a key shown once, owned by the organization, that works at once", async () => {
    const response = await issueAs(cookies.admin, { name: "SAP", scopes: ["lots:write", "bids:read", "lots:write"] });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const issued = await response.json();
    expect(issued).toMatchObject({ name: "SAP", scopes: ["lots:write", "bids:read"], revokedAt: null });
    expect(issued.key).toMatch(/^lbk_/);
    expect(issued.key.startsWith(issued.prefix)).toBe(true);
    const [row] = await portal().db.select().from(apiKeys).where(eq(apiKeys.id, issued.id));
    expect(row).toMatchObject({ organizationId: mill.organizationId, platform: null, createdBy: mill.userId });
    expect(row.hash).not.toContain(issued.key);
    expect((await lotsWith(issued.key)).status).toBe(200);

    const listed = await (await call(list, BASE, { cookie: cookies.admin })).json();
    const entry = listed.data.find((k: { id: string }) => k.id === issued.id);
    expect(entry).toMatchObject({ name: "SAP", prefix: issued.prefix, lastUsedAt: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(issued.key);
    expect(JSON.stringify(listed)).not.toContain(row.hash);
  });

  it("never lists another organization's keys, nor lists them among the platforms' keys", async () => {
    const theirs = await (await issueAs(cookies.neighbourAdmin, { name: "Theirs", scopes: ["bids:read"] })).json();
    const mine = await (await call(list, BASE, { cookie: cookies.admin })).json();
    expect(mine.data.map((k: { id: string }) => k.id)).not.toContain(theirs.id);
    const platformKeys = await listApiKeys(portal().db);
    expect(platformKeys.map((k) => k.id)).not.toContain(theirs.id);
    expect(platformKeys.every((k) => k.platform !== null)).toBe(true);
  });

  it("revokes a key, which is refused with 401 from that moment", async () => {
    const issued = await (await issueAs(cookies.admin, { name: "Old ERP", scopes: ["lots:write"] })).json();
    expect((await lotsWith(issued.key)).status).toBe(200);
    const response = await call(revoke, `${BASE}/${issued.id}/revoke`, {
      method: "POST",
      cookie: cookies.admin,
      params: { id: issued.id },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).revokedAt).toEqual(expect.any(String));
    expect((await lotsWith(issued.key)).status).toBe(401);
  });

  it.each([
    ["a platform's scope", { name: "ERP", scopes: ["bids:write"] }, "scopes"],
    ["no scope", { name: "ERP", scopes: [] }, "scopes"],
    ["no name", { name: " ", scopes: ["lots:write"] }, "name"],
  ])("refuses %s with 422 naming the field, and stores nothing", async (_, body, field) => {
    const before = await keyCount();
    const response = await issueAs(cookies.admin, body);
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field.split(".")[0])).toContain(field);
    expect(await keyCount()).toBe(before);
  });
});

describe("nobody else manages them", () => {
  it("a member who is not an admin is refused with 403, and nothing is issued or revoked", async () => {
    const issued = await (await issueAs(cookies.admin, { name: "Kept", scopes: ["lots:write"] })).json();
    const before = await keyCount();
    expect((await call(list, BASE, { cookie: cookies.member })).status).toBe(403);
    expect((await issueAs(cookies.member, { name: "Mine", scopes: ["lots:write"] })).status).toBe(403);
    const revoking = await call(revoke, `${BASE}/${issued.id}/revoke`, {
      method: "POST",
      cookie: cookies.member,
      params: { id: issued.id },
    });
    expect(revoking.status).toBe(403);
    expect(await keyCount()).toBe(before);
    expect((await lotsWith(issued.key)).status).toBe(200);
  });

  it("a neighbour's admin finds the key nowhere (404), and it keeps working", async () => {
    const issued = await (await issueAs(cookies.admin, { name: "Guarded", scopes: ["lots:write"] })).json();
    const response = await call(revoke, `${BASE}/${issued.id}/revoke`, {
      method: "POST",
      cookie: cookies.neighbourAdmin,
      params: { id: issued.id },
    });
    expect(response.status).toBe(404);
    const [row] = await portal().db.select().from(apiKeys).where(eq(apiKeys.id, issued.id));
    expect(row.revokedAt).toBeNull();
    expect((await lotsWith(issued.key)).status).toBe(200);
  });

  it("a platform's key cannot be revoked here, even by id", async () => {
    const platformKey = await issueApiKey(portal().db, {
      name: "p",
      platform: "producer-portal",
      scopes: ["lots:read"],
    });
    const response = await call(revoke, `${BASE}/${platformKey.id}/revoke`, {
      method: "POST",
      cookie: cookies.admin,
      params: { id: platformKey.id },
    });
    expect(response.status).toBe(404);
    const [row] = await portal().db.select().from(apiKeys).where(eq(apiKeys.id, platformKey.id));
    expect(row.revokedAt).toBeNull();
  });

  it("without a session: 401", async () => {
    expect((await call(list, BASE)).status).toBe(401);
  });
});
