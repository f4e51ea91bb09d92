import { DomainError } from "@lotbridge/contract/problem";
import type { BuyerTx } from "@/db/database";
import type { ProducerCaller } from "@/domain/bids/producer-caller";
import type { ApiCaller } from "@/integration/authenticate-api-key";
import { withIdempotency } from "@/integration/with-idempotency";
import { portal } from "@/server/portal";

export const PRODUCER_ORGANIZATION_HEADER = "x-producer-organization";

/**
 * The producer organization a platform calls for, from `X-Producer-Organization` (docs/bids.md, "Who may see and
 * change a bid"): a bid answers only to the platform that placed it and the organization that bid.
 */
export function producerCaller(request: Request, caller: ApiCaller): ProducerCaller {
  const organizationId = request.headers.get(PRODUCER_ORGANIZATION_HEADER)?.trim();
  if (!organizationId) {
    throw new DomainError(
      "validation",
      400,
      "Send the X-Producer-Organization header with the id of the producer organization that placed the bid.",
      [{ field: "X-Producer-Organization", message: "is required" }],
    );
  }
  return { ...caller, organizationId };
}

/**
 * Performs a change once per Idempotency-Key when the caller sends one (the producer portal's outbox always does), so
 * a retried revision or withdrawal gets the first answer instead of acting twice or being refused.
 */
export async function answerOnce(
  request: Request,
  caller: ApiCaller,
  input: unknown,
  operation: (tx: BuyerTx) => Promise<unknown>,
  status = 200,
): Promise<Response> {
  const { db } = portal();
  const key = request.headers.get("idempotency-key");
  if (key === null) return Response.json(await operation(db), { status });
  const answer = await withIdempotency(
    db,
    { apiKeyId: caller.apiKeyId, key, request: { url: request.url, method: request.method, input } },
    async (tx) => ({ status, body: await operation(tx) }),
  );
  return Response.json(answer.body, {
    status: answer.status,
    headers: answer.replayed ? { "idempotent-replayed": "true" } : {},
  });
}
