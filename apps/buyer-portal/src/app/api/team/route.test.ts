import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { member, user } from "@lotbridge/auth/tables";
import { call, signIn } from "@lotbridge/http/test-client";
import { beforeAll, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { portal } from "@/server/portal";
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
