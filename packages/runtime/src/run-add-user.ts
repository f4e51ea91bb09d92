import { parseArgs } from "node:util";
import { AccountRefused, addUser, generatePassword } from "@lotbridge/auth/add-user";
import { ConfigError, parseConfig } from "@lotbridge/http/parse-config";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { z } from "zod";

export const ADD_USER_USAGE =
  'npm run add-user -w <portal> -- --organization "Northfield Mills" --name "Anna Keller" --email anna@northfield.example [--role admin|member] [--operator]';

const flags = z.object({
  organization: z.string({ error: "--organization is required: the organization's name" }).trim().min(1, {
    error: "--organization is required: the organization's name",
  }),
  name: z
    .string({ error: "--name is required: the person's full name" })
    .trim()
    .min(1, { error: "--name is required: the person's full name" }),
  email: z.email({ error: "--email must be the person's sign-in email, like anna@northfield.example" }),
  role: z.enum(["admin", "member"], { error: "--role must be admin or member" }).default("member"),
});

/**
 * `npm run add-user`: the operator's way to give someone an account (there is no self sign-up). Creates the
 * organization with its first user; prints a generated password once, to hand over securely. Returns the exit code.
 */
export async function runAddUser(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  argv: string[],
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        organization: { type: "string" },
        name: { type: "string" },
        email: { type: "string" },
        role: { type: "string" },
        operator: { type: "boolean" },
      },
      strict: true,
    });
    const { operator = false, ...named } = values;
    const input = parseConfig(flags, named);
    const password = generatePassword();
    const added = await addUser(db, { ...input, password, operator });
    if (added.organizationCreated) print(`Created organization "${input.organization}".`);
    print(
      `Added ${input.email.toLowerCase()} to "${input.organization}" as ${input.role}${operator ? ", and operator of the portal" : ""}.`,
    );
    print(`Password (shown once; hand it over securely): ${password}`);
    return 0;
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof AccountRefused || error instanceof TypeError;
    print(`Cannot add the user: ${known ? error.message : "the database refused the change."}`);
    if (!(error instanceof AccountRefused)) print(`Usage: ${ADD_USER_USAGE}`);
    return 1;
  }
}
