import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { account } from "@lotbridge/auth/tables";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { asc } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { GET as me } from "@/app/api/me/route";
import { portal } from "@/server/portal";
import { POST as changePassword } from "./route";

const BASE = "http://localhost:3000";
const FIRST = "handed-over-Pa55";

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Pass Mill", slug: "pass-mill" }, [
    { name: "Pia", email: "pia@pass.example", password: FIRST, role: "member" },
    { name: "Pol", email: "pol@pass.example", password: FIRST, role: "member" },
  ]);
});

const change = (cookie: string | undefined, body: unknown) =>
  call(changePassword, `${BASE}/api/account/password`, { cookie, body });
const storedHashes = async () =>
  (await portal().db.select({ password: account.password }).from(account).orderBy(asc(account.id))).map(
    (row) => row.password,
  );
const problemFields = async (response: Response) => {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return ((await response.json()).errors ?? []).map((e: { field: string }) => e.field);
};

it("refuses a wrong current password, a short, long or unchanged new one, and no session; nothing stored", async () => {
  const cookie = await signIn(auth, BASE, "pia@pass.example", FIRST);
  const before = await storedHashes();
  const wrong = await change(cookie, { currentPassword: "not-my-password", newPassword: "a-new-password-1" });
  expect(wrong.status).toBe(422);
  expect(await problemFields(wrong)).toEqual(["currentPassword"]);
  for (const newPassword of ["short", "x".repeat(129), FIRST]) {
    const refused = await change(cookie, { currentPassword: FIRST, newPassword });
    expect(refused.status).toBe(422);
    expect(await problemFields(refused)).toEqual(["newPassword"]);
  }
  const mistyped = await change(cookie, { currentPassword: 42, newPassword: ["a"] });
  expect(new Set(await problemFields(mistyped))).toEqual(new Set(["currentPassword", "newPassword"]));
  expect((await change(undefined, { currentPassword: FIRST, newPassword: "a-new-password-1" })).status).toBe(401);
  expect(await storedHashes()).toEqual(before);
});

it("replaces the password: the new one signs in, the old one no longer does, other sessions end", async () => {
  const here = await signIn(auth, BASE, "pia@pass.example", FIRST);
  const elsewhere = await signIn(auth, BASE, "pia@pass.example", FIRST);
  const changed = await change(here, { currentPassword: FIRST, newPassword: "my-own-passphrase" });
  expect(changed.status).toBe(200);
  const fresh = changed.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  expect((await call(me, `${BASE}/api/me`, { cookie: fresh })).status).toBe(200);
  expect((await call(me, `${BASE}/api/me`, { cookie: elsewhere })).status).toBe(401);
  await expect(signIn(auth, BASE, "pia@pass.example", FIRST)).rejects.toThrow("failed with 401");
  expect(await signIn(auth, BASE, "pia@pass.example", "my-own-passphrase")).toContain("session");
});

it("better-auth's own change-password answers 404 and changes nothing, so no one changes a password and keeps other sessions", async () => {
  const here = await signIn(auth, BASE, "pol@pass.example", FIRST);
  const elsewhere = await signIn(auth, BASE, "pol@pass.example", FIRST);
  const before = await storedHashes();
  for (const path of ["/api/auth/change-password", "/api/auth/change-password/"]) {
    const answer = await call(auth, `${BASE}${path}`, {
      cookie: here,
      body: { currentPassword: FIRST, newPassword: "kept-my-sessions-1", revokeOtherSessions: false },
    });
    expect(answer.status).toBe(404);
  }
  expect(await storedHashes()).toEqual(before);
  expect((await call(me, `${BASE}/api/me`, { cookie: elsewhere })).status).toBe(200);
  await expect(signIn(auth, BASE, "pol@pass.example", "kept-my-sessions-1")).rejects.toThrow("failed with 401");
});
