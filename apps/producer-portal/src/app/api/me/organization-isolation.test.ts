import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { session } from "@lotbridge/auth/tables";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { POST as auth, GET as authGet } from "../auth/[...all]/route";
import { GET as me } from "./route";

const BASE = "http://localhost:3001";
const PASSWORD = "correct-horse-battery";
let farmA: string;
let farmBId: string;

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Farm A", slug: "farm-a" }, [
    { name: "Ada", email: "ada@farm-a.example", password: PASSWORD, role: "member" },
  ]);
  farmBId = (
    await createOrganizationWithUsers(db, { name: "Farm B", slug: "farm-b" }, [
      { name: "Bea", email: "bea@farm-b.example", password: PASSWORD, role: "admin" },
    ])
  ).organizationId;
  farmA = await signIn(auth, BASE, "ada@farm-a.example", PASSWORD);
});

describe("the producer portal", () => {
  it("shows a signed-in producer their own user and organization", async () => {
    const response = await call(me, `${BASE}/api/me`, { cookie: farmA });
    expect(await response.json()).toMatchObject({
      user: { email: "ada@farm-a.example", role: "member" },
      organization: { name: "Farm A" },
    });
  });

  it("refuses a wrong password with 401 and no session", async () => {
    const before = await portal().db.$count(session);
    const response = await call(auth, `${BASE}/api/auth/sign-in/email`, {
      body: { email: "ada@farm-a.example", password: "not-the-password" },
      headers: { "x-forwarded-for": "192.0.2.50" },
    });
    expect(response.status).toBe(401);
    expect(await portal().db.$count(session)).toBe(before);
  });

  it("does not let a producer of Farm A read, enter or change Farm B", async () => {
    const read = await call(authGet, `${BASE}/api/auth/organization/get-full-organization?organizationId=${farmBId}`, {
      cookie: farmA,
    });
    expect(read.status).toBeGreaterThanOrEqual(400);
    const enter = await call(auth, `${BASE}/api/auth/organization/set-active`, {
      cookie: farmA,
      body: { organizationId: farmBId },
    });
    expect(enter.status).toBeGreaterThanOrEqual(400);
    const invite = await call(auth, `${BASE}/api/auth/organization/invite-member`, {
      cookie: farmA,
      body: { organizationId: farmBId, email: "mallory@example.com", role: "admin" },
    });
    expect(invite.status).toBeGreaterThanOrEqual(400);
    const farmB = await portal().db.query.organization.findFirst({ where: (o, { eq }) => eq(o.id, farmBId) });
    expect(farmB?.name).toBe("Farm B");
    expect(await portal().db.query.invitation.findMany()).toHaveLength(0);
    // Still Farm A afterwards.
    expect(await (await call(me, `${BASE}/api/me`, { cookie: farmA })).json()).toMatchObject({
      organization: { name: "Farm A" },
    });
  });

  it("answers API calls without a session with 401", async () => {
    expect((await call(me, `${BASE}/api/me`)).status).toBe(401);
  });
});
