import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { readJson } from "@lotbridge/http/read-json";
import { submitBid } from "@/domain/bids/submit-bid";
import { withIdempotency } from "@/domain/integration/with-idempotency";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";

export const POST = route(async (request) => {
  const caller = await requireApiKey(request, "bids:write");
  const input = await readJson(request, bidSubmissionSchema);
  const { db, config } = portal();
  const answer = await withIdempotency(
    db,
    { apiKeyId: caller.apiKeyId, key: request.headers.get("idempotency-key"), request: input },
    async (tx) => ({ status: 201, body: await submitBid(tx, caller, input, { publicUrl: config.PUBLIC_URL }) }),
  );
  return Response.json(answer.body, {
    status: answer.status,
    headers: answer.replayed ? { "idempotent-replayed": "true" } : {},
  });
});
