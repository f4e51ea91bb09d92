import { grantOperator, NoSuchMembership, type OperatorMembership } from "@lotbridge/auth/grant-operator";
import { operatorGrant } from "@lotbridge/auth/operator-grant-table";
import type { Logger } from "@lotbridge/http/logger";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";

/**
 * At start: grants the operator role to each membership `OPERATORS` names (email in that organization), if it exists.
 * Never creates an account, and never revokes: a grant made by the command stays when OPERATORS does not name it.
 * Resolves the number of operators the portal has afterwards.
 */
export async function applyConfiguredOperators(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  named: readonly OperatorMembership[],
  logger: Logger,
): Promise<number> {
  for (const one of named) {
    try {
      if (await grantOperator(db, one, "OPERATORS")) {
        logger.info({ email: one.email, organization: one.organizationSlug }, "Operator granted from OPERATORS");
      }
    } catch (error) {
      if (!(error instanceof NoSuchMembership)) throw error;
      logger.warn(
        `OPERATORS names ${one.email}:${one.organizationSlug}, but ${error.message} No operator was granted for it; OPERATORS never creates accounts (npm run add-user … --operator does).`,
      );
    }
  }
  return db.$count(operatorGrant);
}
