import { dispatchInputSchema } from "@lotbridge/contract/delivery";
import { readJson } from "@lotbridge/http/read-json";
import { receiveDispatch } from "@/domain/deliveries/receive-dispatch";
import { withIdempotency } from "@/integration/with-idempotency";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";
import { producerCaller } from "../../../bids/bid-request";

/**
 * The producer platform announces a load on its organization's contract (contracts:write, X-Producer-Organization).
 * The Idempotency-Key is required: it is the producer's id of the dispatch, so a resent announcement is the same one.
 */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const caller = producerCaller(request, await requireApiKey(request, "contracts:write"));
  const input = await readJson(request, dispatchInputSchema);
  const { id } = await params;
  const { db, config } = portal();
  const key = request.headers.get("idempotency-key");
  const answer = await withIdempotency(
    db,
    { apiKeyId: caller.apiKeyId, key, request: { url: request.url, organizationId: caller.organizationId, input } },
    async (tx) => ({
      status: 201,
      body: await receiveDispatch(tx, caller, id, key as string, input, { publicUrl: config.PUBLIC_URL }),
    }),
  );
  return Response.json(answer.body, {
    status: answer.status,
    headers: answer.replayed ? { "idempotent-replayed": "true" } : {},
  });
});
