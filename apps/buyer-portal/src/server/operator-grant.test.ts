import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { operatorGrant } from "@lotbridge/auth/operator-grant-table";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { applyConfiguredOperators } from "@lotbridge/runtime/apply-configured-operators";
import { runAddUser } from "@lotbridge/runtime/run-add-user";
import { runOperatorGrant } from "@lotbridge/runtime/run-operator-grant";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overview } from "@/app/api/admin/integration/route";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { PASSWORD } from "@/test/lots";
import { loadConfig } from "./config";
import { logger } from "./logger";
import { portal } from "./portal";

const BASE = "http://localhost:3000";

async function operatorCommand(command: "grant-operator" | "revoke-operator", ...argv: string[]) {
  const lines: string[] = [];
  const code = await runOperatorGrant(portal().db, command, argv, (line) => lines.push(line));
  return { code, lines };
}
const grantHolders = async () =>
  (await portal().db.select({ memberId: operatorGrant.memberId }).from(operatorGrant)).map((g) => g.memberId).sort();
async function membershipOf(email: string) {
  const cookie = await signIn(auth, BASE, email, PASSWORD);
  const me = await currentMember(portal().auth, portal().db, new Headers({ cookie }));
  return { cookie, memberId: me?.memberId as string };
}
const integrationStatus = async (cookie: string) =>
  (await call(overview, `${BASE}/api/admin/integration`, { cookie })).status;

let anna: { cookie: string; memberId: string };
let carla: { cookie: string; memberId: string };

beforeAll(async () => {
  const { db } = portal();
  await createOrganizationWithUsers(db, { name: "Northfield Mills", slug: "northfield-mills" }, [
    { name: "Anna Keller", email: "anna@northfield.example", password: PASSWORD, role: "member" },
  ]);
  await createOrganizationWithUsers(db, { name: "Riverside Grain", slug: "riverside-grain" }, [
    { name: "Carla Nowak", email: "carla@riverside.example", password: PASSWORD, role: "admin" },
  ]);
  anna = await membershipOf("anna@northfield.example");
  carla = await membershipOf("carla@riverside.example");
});

describe("granting the operator role", () => {
  it("grant-operator and revoke-operator change the membership named by email and organization, and only it", async () => {
    const granted = await operatorCommand(
      "grant-operator",
      "--email",
      "Anna@Northfield.example",
      "--organization",
      "Northfield Mills",
    );
    expect(granted).toEqual({
      code: 0,
      lines: ['anna@northfield.example at "Northfield Mills" is now an operator.'],
    });
    expect(await grantHolders()).toEqual([anna.memberId]);
    expect(await integrationStatus(anna.cookie)).toBe(200); // a plain member of her organization, yet the operator
    expect(await integrationStatus(carla.cookie)).toBe(403); // an organization's admin is not an operator

    const revoked = await operatorCommand(
      "revoke-operator",
      "--email",
      "anna@northfield.example",
      "--organization",
      "northfield-mills",
    );
    expect(revoked).toEqual({
      code: 0,
      lines: ['anna@northfield.example at "northfield-mills" is no longer an operator.'],
    });
    expect(await grantHolders()).toEqual([]);
    expect(await integrationStatus(anna.cookie)).toBe(403);
  });

  it("refuses an email that is not a member of the named organization, and grants nothing", async () => {
    const refused = await operatorCommand(
      "grant-operator",
      "--email",
      "carla@riverside.example",
      "--organization",
      "Northfield Mills",
    );
    expect(refused).toEqual({
      code: 1,
      lines: [
        'Cannot change the operator role: carla@riverside.example is not a member of the organization "northfield-mills".',
      ],
    });
    expect(await grantHolders()).toEqual([]);
  });

  it("add-user --operator creates the account as an operator in one go", async () => {
    const lines: string[] = [];
    const code = await runAddUser(
      portal().db,
      ["--organization", "Riverside Grain", "--name", "Otto", "--email", "otto@riverside.example", "--operator"],
      (line) => lines.push(line),
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe('Added otto@riverside.example to "Riverside Grain" as member, and operator of the portal.');
    const otto = await signIn(auth, BASE, "otto@riverside.example", lines[1].split(": ")[1]);
    expect(await integrationStatus(otto)).toBe(200);
    await operatorCommand("revoke-operator", "--email", "otto@riverside.example", "--organization", "Riverside Grain");
  });

  it("OPERATORS grants the exact membership at start, skips one that does not exist, and never creates an account", async () => {
    const { db } = portal();
    const config = loadConfig({
      OPERATORS: "anna@northfield.example:northfield-mills, carla@riverside.example:northfield-mills, new@x.example:x",
    });
    expect(config.OPERATORS).toEqual([
      { email: "anna@northfield.example", organizationSlug: "northfield-mills" },
      { email: "carla@riverside.example", organizationSlug: "northfield-mills" },
      { email: "new@x.example", organizationSlug: "x" },
    ]);
    const users = await db.$count((await import("@lotbridge/auth/tables")).user);
    expect(await applyConfiguredOperators(db, config.OPERATORS, logger)).toBe(1);
    expect(await grantHolders()).toEqual([anna.memberId]);
    expect(await applyConfiguredOperators(db, config.OPERATORS, logger)).toBe(1); // a restart changes nothing
    expect(await db.$count((await import("@lotbridge/auth/tables")).user)).toBe(users);
  });
});
