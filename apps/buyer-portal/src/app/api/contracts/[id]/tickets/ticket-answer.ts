import type { Contract } from "@lotbridge/contract/contract";
import type { BuyerTx } from "@/db/database";
import { withIdempotency } from "@/integration/with-idempotency";
import { portal } from "@/server/portal";

/**
 * Answers a ticket or correction with 201 and the contract. A key's call with an Idempotency-Key is performed once per
 * key (a retried weighbridge call gets the first answer); a member's, or a key's without one, is performed as sent.
 */
export async function answerTicket(
  request: Request,
  apiKeyId: string | null,
  input: unknown,
  operation: (tx: BuyerTx) => Promise<Contract>,
): Promise<Response> {
  const { db } = portal();
  const key = request.headers.get("idempotency-key");
  if (apiKeyId === null || key === null) return Response.json(await operation(db), { status: 201 });
  const answer = await withIdempotency(
    db,
    { apiKeyId, key, request: { url: request.url, method: request.method, input } },
    async (tx) => ({ status: 201, body: await operation(tx) }),
  );
  return Response.json(answer.body, {
    status: answer.status,
    headers: answer.replayed ? { "idempotent-replayed": "true" } : {},
  });
}
