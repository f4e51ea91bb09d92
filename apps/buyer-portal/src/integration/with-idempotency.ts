import { createHash } from "node:crypto";
import { DomainError } from "@lotbridge/contract/problem";
import { and, eq, sql } from "drizzle-orm";
import type { BuyerDb, BuyerTx } from "../db/database";
import { idempotencyRecords } from "./integration-tables";

export interface IdempotentAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs `operation` once per (API key, Idempotency-Key): a repeat of the same request gets the first answer, a
 * different request under a used key is refused. The answer is stored in the operation's own transaction, and the
 * key row is locked while it runs, so two concurrent repeats cannot both perform it.
 */
export async function withIdempotency(
  db: BuyerDb,
  scope: { apiKeyId: string; key: string | null; request: unknown },
  operation: (tx: BuyerTx) => Promise<{ status: number; body: unknown }>,
): Promise<IdempotentAnswer> {
  const { apiKeyId, key } = scope;
  if (!key) {
    throw new DomainError("validation", 400, "Send an Idempotency-Key header so a retry cannot act twice.", [
      { field: "Idempotency-Key", message: "is required" },
    ]);
  }
  if (key.length > 255) {
    throw new DomainError("validation", 400, "Idempotency-Key: must be at most 255 characters.", [
      { field: "Idempotency-Key", message: "must be at most 255 characters" },
    ]);
  }
  const requestHash = createHash("sha256").update(JSON.stringify(scope.request)).digest("hex");
  return db.transaction(async (tx) => {
    // Serialises concurrent requests with the same key; released at commit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${apiKeyId}:${key}`}, 0))`);
    const [previous] = await tx
      .select()
      .from(idempotencyRecords)
      .where(and(eq(idempotencyRecords.apiKeyId, apiKeyId), eq(idempotencyRecords.key, key)));
    if (previous) {
      if (previous.requestHash !== requestHash) {
        throw new DomainError(
          "idempotency-key-reused",
          409,
          "This Idempotency-Key was already used for a different request; use a new key for a new request.",
        );
      }
      return { status: previous.status, body: previous.body, replayed: true };
    }
    const answer = await operation(tx);
    await tx.insert(idempotencyRecords).values({ apiKeyId, key, requestHash, ...answer });
    return { ...answer, replayed: false };
  });
}
