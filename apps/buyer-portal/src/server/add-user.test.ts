import { join } from "node:path";
import { account, member, organization, user } from "@lotbridge/auth/tables";
import { runProcess } from "@lotbridge/http/run-process";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { runAddUser } from "@lotbridge/runtime/run-add-user";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { GET as me } from "@/app/api/me/route";
import { portal } from "./portal";

const BASE = "http://localhost:3000";
const APP = join(import.meta.dirname, "..", "..");
const TSX = join(APP, "..", "..", "node_modules", ".bin", "tsx");

async function addUser(...argv: string[]) {
  const lines: string[] = [];
  const code = await runAddUser(portal().db, argv, (line) => lines.push(line));
  return { code, lines, password: lines.find((l) => l.startsWith("Password"))?.split(": ")[1] };
}
const counts = async () => [
  await portal().db.$count(organization),
  await portal().db.$count(user),
  await portal().db.$count(member),
];

describe("npm run add-user", () => {
  it("creates the organization with its first admin, who signs in with the password printed once", async () => {
    const added = await addUser(
      "--organization",
      "Harbour Maltings",
      "--name",
      "Hana Ito",
      "--email",
      "Hana@Harbour.example",
      "--role",
      "admin",
    );
    expect(added.code).toBe(0);
    expect(added.lines.slice(0, 2)).toEqual([
      'Created organization "Harbour Maltings".',
      'Added hana@harbour.example to "Harbour Maltings" as admin.',
    ]);
    expect(added.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const cookie = await signIn(auth, BASE, "hana@harbour.example", added.password as string);
    const whoAmI = await (await call(me, `${BASE}/api/me`, { cookie })).json();
    expect(whoAmI).toMatchObject({
      user: { email: "hana@harbour.example", role: "admin" },
      organization: { name: "Harbour Maltings" },
    });

    // A second person joins the same organization as a member (the default role).
    const colleague = await addUser(
      "--organization",
      "Harbour Maltings",
      "--name",
      "Ivo",
      "--email",
      "ivo@harbour.example",
    );
    expect(colleague.lines[0]).toBe('Added ivo@harbour.example to "Harbour Maltings" as member.');
    const [org] = await portal().db.select().from(organization).where(eq(organization.slug, "harbour-maltings"));
    expect(await portal().db.$count(member, eq(member.organizationId, org.id))).toBe(2);
  });

  it("refuses a taken email, a bad email, a missing name, an unknown role or flag, naming it; nothing stored", async () => {
    await addUser("--organization", "Quay Mill", "--name", "Q", "--email", "q@quay.example");
    const before = await counts();
    for (const [argv, message] of [
      [
        ["--organization", "Other Mill", "--name", "Q2", "--email", "Q@quay.example"],
        "q@quay.example already has an account.",
      ],
      [["--organization", "Quay Mill", "--name", "R", "--email", "not-an-email"], "--email must be"],
      [["--organization", "Quay Mill", "--email", "r@quay.example"], "--name is required"],
      [
        ["--organization", "Quay Mill", "--name", "R", "--email", "r@quay.example", "--role", "owner"],
        "--role must be admin or member",
      ],
      [
        ["--organization", "Quay Mill", "--name", "R", "--email", "r@quay.example", "--admin"],
        "Unknown option '--admin'",
      ],
      [["--organization", "!!!", "--name", "R", "--email", "r@quay.example"], "has no letters or digits"],
    ] as const) {
      const refused = await addUser(...argv);
      expect(refused.code).toBe(1);
      expect(refused.lines[0]).toContain("Cannot add the user: ");
      expect(refused.lines[0]).toContain(message);
      expect(refused.password).toBeUndefined();
    }
    expect(await counts()).toEqual(before);
  });

  it("runs as a command against the configured database", async () => {
    const { code, output } = await runProcess(
      TSX,
      ["src/server/cli.ts", "add-user", "--organization", "Cli Mill", "--name", "Cleo", "--email", "cleo@cli.example"],
      { cwd: APP, env: { LOG_LEVEL: "warn" } },
    );
    expect(output).toContain('Added cleo@cli.example to "Cli Mill" as member.');
    expect(code).toBe(0);
    const password = /Password \(shown once; hand it over securely\): (\S+)/.exec(output)?.[1] as string;
    expect(await signIn(auth, BASE, "cleo@cli.example", password)).toContain("session");
  });

  it("gives an admin who lost their password (membership taken away by the operator) a new one, replacing the old", async () => {
    const first = await addUser(
      "--organization",
      "Lone Mill",
      "--name",
      "Lou",
      "--email",
      "lou@lone.example",
      "--role",
      "admin",
    );
    const [lou] = await portal().db.select().from(user).where(eq(user.email, "lou@lone.example"));
    await portal().db.delete(member).where(eq(member.userId, lou.id));
    const again = await addUser(
      "--organization",
      "Lone Mill",
      "--name",
      "Lou",
      "--email",
      "lou@lone.example",
      "--role",
      "admin",
    );
    expect(again.lines[0]).toBe('Added lou@lone.example to "Lone Mill" as admin.');
    await expect(signIn(auth, BASE, "lou@lone.example", first.password as string)).rejects.toThrow("failed with 401");
    const cookie = await signIn(auth, BASE, "lou@lone.example", again.password as string);
    expect((await (await call(me, `${BASE}/api/me`, { cookie })).json()).user.role).toBe("admin");
    expect(await portal().db.$count(account, eq(account.userId, lou.id))).toBe(1);
  });
});
