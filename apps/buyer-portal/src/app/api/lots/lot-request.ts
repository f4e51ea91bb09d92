import { lotStatuses } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { z } from "zod";
import type { BuyerTx } from "@/db/database";
import type { Actor } from "@/domain/lots/create-draft-lot";
import { withIdempotency } from "@/integration/with-idempotency";
import { portal } from "@/server/portal";

/**
 * Lot bodies may be far larger than any valid lot (16 MB; a valid one is under 100 kB) so that an oversized field —
 * a 10 MB description — is answered by the schema, naming the field, not by a bare "too large". Only a signed-in
 * buyer's request gets this far.
 */
export const LOT_BODY_LIMIT = 16_000_000;

export const lotListFilterSchema = z.object({
  status: z.enum(lotStatuses, { error: `must be one of ${lotStatuses.join(", ")}` }).optional(),
});

/** The version an editor opened, from `If-Match: "<version>"`; none when the header is absent. */
export function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const version = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)?.[1];
  if (!version) {
    throw new DomainError("bad-if-match", 400, 'If-Match must name the lot version you edited, like "3".');
  }
  return Number(version);
}

/** Lets an editor send back the version it read, as If-Match. */
export const versionTag = (lot: { version: number }) => ({ etag: `"${lot.version}"` });

/**
 * Answers a lot change. An organization key's write with an Idempotency-Key is performed once per (key, Idempotency-Key):
 * a retry of the same request gets the first answer (`idempotent-replayed: true`), a different request under a used
 * key is a 409. A signed-in member's write, or a key's without the header, simply runs.
 */
export async function answerLotChange(
  request: Request,
  actor: Actor,
  input: unknown,
  operation: (tx: BuyerTx) => Promise<{ version: number } | null>,
  status = 200,
): Promise<Response> {
  const { db } = portal();
  const key = request.headers.get("idempotency-key");
  const respond = (answer: { status: number; body: unknown }, replayed: boolean) => {
    const { body } = answer;
    const headers = {
      ...(body && typeof body === "object" && "version" in body ? versionTag(body as { version: number }) : {}),
      ...(replayed ? { "idempotent-replayed": "true" } : {}),
    };
    return answer.status === 204
      ? new Response(null, { status: 204, headers })
      : Response.json(body, { status: answer.status, headers });
  };
  if (!("apiKeyId" in actor) || key === null) return respond({ status, body: await operation(db) }, false);
  const answer = await withIdempotency(
    db,
    { apiKeyId: actor.apiKeyId, key, request: { url: request.url, method: request.method, input } },
    async (tx) => ({ status, body: (await operation(tx)) ?? {} }),
  );
  return respond(answer, answer.replayed);
}
