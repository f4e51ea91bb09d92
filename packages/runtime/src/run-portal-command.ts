import type { Logger } from "@lotbridge/http/logger";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";

/** What a portal's commands need of it; loaded only after its `.env` files are read. */
export interface CommandParts {
  boot: (options?: { backgroundWork?: boolean }) => Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  portal: () => { db: NodePgDatabase<any> };
  closePortal: () => Promise<void>;
  stopBackgroundWork: () => Promise<void>;
  logger: Logger;
}

const COMMANDS = ["migrate", "worker", "add-user", "grant-operator", "revoke-operator"] as const;
const USAGE = `Use one of: ${COMMANDS.join(", ")} (see the README).`;

/**
 * A portal's operator commands, run as `src/server/cli.ts <command>` by `npm run migrate | worker | add-user`:
 * - migrate: checks the configuration and brings the database up to date, as the server does when it starts;
 * - worker: outbox delivery and scheduled jobs in a process of their own (see runWorker);
 * - add-user: gives a person an account (see runAddUser);
 * - grant-operator, revoke-operator: gives or takes the operator role of one membership (see runOperatorGrant).
 * `envFiles` are the `.env` files already read, logged for the operator.
 */
export async function runPortalCommand(
  argv: string[],
  envFiles: string[],
  load: () => Promise<CommandParts>,
): Promise<void> {
  const [command, ...args] = argv;
  const known = COMMANDS.find((name) => name === command);
  // The operator reads the answer, not the start-up log.
  if (known !== "migrate" && known !== "worker") process.env.LOG_LEVEL ??= "warn";
  if (!known) {
    console.error(`Unknown command "${command ?? ""}". ${USAGE}`);
    process.exit(2);
  }
  const parts = await load();
  if (envFiles.length > 0) parts.logger.info({ envFiles }, "Configuration files read");
  if (known === "worker") {
    const { runWorker } = await import("./run-worker");
    await runWorker(parts);
    return;
  }
  await parts.boot({ backgroundWork: false });
  let code = 0;
  if (known === "add-user") {
    const { runAddUser } = await import("./run-add-user");
    code = await runAddUser(parts.portal().db, args);
  }
  if (known === "grant-operator" || known === "revoke-operator") {
    const { runOperatorGrant } = await import("./run-operator-grant");
    code = await runOperatorGrant(parts.portal().db, known, args);
  }
  await parts.closePortal();
  process.exit(code);
}
