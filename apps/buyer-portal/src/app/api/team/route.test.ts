import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { account, member, session, user } from "@lotbridge/auth/tables";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { GET as me } from "@/app/api/me/route";
import { portal } from "@/server/portal";
import { POST as resetPassword } from "./[userId]/password/route";
import { DELETE } from "./[userId]/route";
import { GET, POST } from "./route";

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";
let admin: string;
let colleague: string;
let stranger: string;

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Team Mill", slug: "team-mill" }, [
    { name: "Tara", email: "tara@team.example", password: PASSWORD, role: "admin" },
    { name: "Tom", email: "tom@team.example", password: PASSWORD, role: "member" },
  ]);
  await createOrganizationWithUsers(db, { name: "Other Mill", slug: "other-mill" }, [
    { name: "Olaf", email: "olaf@other.example", password: PASSWORD, role: "admin" },
  ]);
  admin = await signIn(auth, BASE, "tara@team.example", PASSWORD);
  colleague = await signIn(auth, BASE, "tom@team.example", PASSWORD);
  stranger = await signIn(auth, BASE, "olaf@other.example", PASSWORD);
});

const add = (cookie: string | undefined, body: unknown) => call(POST, `${BASE}/api/team`, { cookie, body });
const emailsOf = async (cookie: string) =>
  ((await (await call(GET, `${BASE}/api/team`, { cookie })).json()).data as { email: string }[]).map((p) => p.email);
const stored = async () => [await portal().db.$count(user), await portal().db.$count(member)];
const fields = async (response: Response) =>
  [...new Set(((await response.json()).errors ?? []).map((e: { field: string }) => e.field))].sort();

it("lists only the caller's own organization", async () => {
  expect(await emailsOf(colleague)).toEqual(["tara@team.example", "tom@team.example"]);
  expect(await emailsOf(stranger)).toEqual(["olaf@other.example"]);
  expect((await call(GET, `${BASE}/api/team`)).status).toBe(401);
});

it("an admin adds a colleague, whose password is answered once and signs in to the admin's organization", async () => {
  const response = await add(admin, { name: "Ute Berg", email: "Ute@Team.example", role: "member" });
  expect(response.status).toBe(201);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const { member: added, password } = await response.json();
  expect(added).toMatchObject({ name: "Ute Berg", email: "ute@team.example", role: "member" });
  expect(await emailsOf(admin)).toContain("ute@team.example");
  const ute = await signIn(auth, BASE, "ute@team.example", password);
  expect(await emailsOf(ute)).toEqual(expect.arrayContaining(["tara@team.example", "ute@team.example"]));
  expect(await emailsOf(stranger)).not.toContain("ute@team.example");
});

it("refuses members, anonymous callers, a taken email and bad fields, naming them; nothing stored", async () => {
  const before = await stored();
  expect((await add(colleague, { name: "X", email: "x@team.example" })).status).toBe(403);
  expect((await add(undefined, { name: "X", email: "x@team.example" })).status).toBe(401);
  const taken = await add(admin, { name: "Olaf again", email: "OLAF@other.example" });
  expect(taken.status).toBe(409);
  expect(await fields(taken)).toEqual(["email"]);
  const bad = await add(admin, { name: " ", email: "not-an-email", role: "owner" });
  expect(bad.status).toBe(422);
  expect(bad.headers.get("content-type")).toContain("application/problem+json");
  expect(await fields(bad)).toEqual(["email", "name", "role"]);
  expect((await add(admin, ["not", "an", "object"])).status).toBe(422);
  expect(await stored()).toEqual(before);
});

const remove = (cookie: string | undefined, userId: string) =>
  call(DELETE, `${BASE}/api/team/${userId}`, { method: "DELETE", cookie, params: { userId } });
const idOf = async (email: string) => (await portal().db.select().from(user).where(eq(user.email, email)))[0].id;
const access = async () => [
  await portal().db.$count(member),
  await portal().db.$count(session),
  await portal().db.$count(account),
];

it("an admin removes a colleague: signed out at once, the password stops working, and the email can come back", async () => {
  const added = await (await add(admin, { name: "Leo Park", email: "leo@team.example" })).json();
  const leo = await signIn(auth, BASE, "leo@team.example", added.password);
  const leoId = await idOf("leo@team.example");

  const before = await access();
  expect((await remove(colleague, leoId)).status).toBe(403);
  expect((await remove(stranger, leoId)).status).toBe(404);
  const self = await remove(admin, await idOf("tara@team.example"));
  expect(self.status).toBe(409);
  expect((await self.json()).detail).toBe("You cannot remove yourself; another admin can.");
  expect((await remove(admin, "usr_nobody")).status).toBe(404);
  expect(await access()).toEqual(before);

  expect((await remove(admin, leoId)).status).toBe(204);
  expect((await call(me, `${BASE}/api/me`, { cookie: leo })).status).toBe(401);
  await expect(signIn(auth, BASE, "leo@team.example", added.password)).rejects.toThrow("failed with 401");
  expect(await emailsOf(admin)).not.toContain("leo@team.example");

  // Leo returns, this time to the other organization, with a new password.
  const back = await add(stranger, { name: "Leo Park", email: "leo@team.example", role: "admin" });
  expect(back.status).toBe(201);
  const again = await signIn(auth, BASE, "leo@team.example", (await back.json()).password);
  expect((await (await call(me, `${BASE}/api/me`, { cookie: again })).json()).organization.name).toBe("Other Mill");
});

it("an admin gives a colleague who forgot their password a new one, answered once; their sessions end", async () => {
  const added = await (await add(admin, { name: "Nora Vik", email: "nora@team.example" })).json();
  const nora = await signIn(auth, BASE, "nora@team.example", added.password);
  const noraId = await idOf("nora@team.example");
  const reset = (cookie: string, userId: string) =>
    call(resetPassword, `${BASE}/api/team/${userId}/password`, { cookie, params: { userId } });

  const before = await access();
  const hashes = await portal().db.select({ password: account.password }).from(account).orderBy(account.id);
  expect((await reset(colleague, noraId)).status).toBe(403);
  expect((await reset(stranger, noraId)).status).toBe(404);
  expect((await reset(admin, await idOf("tara@team.example"))).status).toBe(409);
  expect(await access()).toEqual(before);
  expect(await portal().db.select({ password: account.password }).from(account).orderBy(account.id)).toEqual(hashes);

  const response = await reset(admin, noraId);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const { password } = await response.json();
  expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  expect((await call(me, `${BASE}/api/me`, { cookie: nora })).status).toBe(401);
  await expect(signIn(auth, BASE, "nora@team.example", added.password)).rejects.toThrow("failed with 401");
  expect(await signIn(auth, BASE, "nora@team.example", password)).toContain("session");
});
