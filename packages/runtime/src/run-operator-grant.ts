import { parseArgs } from "node:util";
import { organizationSlug } from "@lotbridge/auth/add-user";
import { grantOperator, NoSuchMembership, revokeOperator } from "@lotbridge/auth/grant-operator";
import { ConfigError, parseConfig } from "@lotbridge/http/parse-config";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { z } from "zod";

export const OPERATOR_USAGE =
  'npm run grant-operator -w <portal> -- --email anna@northfield.example --organization "Northfield Mills" (or revoke-operator)';

const flags = z.object({
  email: z.email({ error: "--email must be the person's sign-in email, like anna@northfield.example" }),
  organization: z
    .string({ error: "--organization is required: the name (or slug) of the organization the person belongs to" })
    .trim()
    .min(1, { error: "--organization is required: the name (or slug) of the organization the person belongs to" }),
});

/**
 * `npm run grant-operator | revoke-operator`: gives or takes the operator role of one membership, named by email AND
 * organization, so that the same email in another organization is never meant. Returns the exit code.
 */
export async function runOperatorGrant(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  command: "grant-operator" | "revoke-operator",
  argv: string[],
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { email: { type: "string" }, organization: { type: "string" } },
      strict: true,
    });
    const input = parseConfig(flags, values);
    const named = { email: input.email.toLowerCase(), organizationSlug: organizationSlug(input.organization) };
    if (command === "grant-operator") {
      const granted = await grantOperator(db, named, command);
      print(`${named.email} at "${input.organization}" ${granted ? "is now" : "was already"} an operator.`);
    } else {
      const revoked = await revokeOperator(db, named);
      print(`${named.email} at "${input.organization}" ${revoked ? "is no longer" : "was not"} an operator.`);
    }
    return 0;
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof NoSuchMembership || error instanceof TypeError;
    print(`Cannot change the operator role: ${known ? error.message : "the database refused the change."}`);
    if (!(error instanceof NoSuchMembership)) print(`Usage: ${OPERATOR_USAGE}`);
    return 1;
  }
}
