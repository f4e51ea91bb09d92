import { eq } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { operatorGrant } from "./operator-grant-table";

/** Whether this membership (CurrentMember.memberId) holds the operator grant: read on every request, never cached. */
export async function isOperator(
  // biome-ignore lint/suspicious/noExplicitAny: schema-agnostic
  db: NodePgDatabase<any>,
  memberId: string,
): Promise<boolean> {
  return (await db.$count(operatorGrant, eq(operatorGrant.memberId, memberId))) > 0;
}
