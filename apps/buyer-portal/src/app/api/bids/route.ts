import { bidListQuerySchema } from "@lotbridge/contract/bid-list";
import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import { readJson, validate } from "@lotbridge/http/read-json";
import { submitBid } from "@/domain/bids/submit-bid";
import { listPlatformBids } from "@/integration/list-platform-bids";
import { withIdempotency } from "@/integration/with-idempotency";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";
import { PRODUCER_ORGANIZATION_HEADER } from "./bid-request";

/** The calling platform's bids (bids:write, the scope that reads a bid), optionally of one producer organization. */
export const GET = route(async (request) => {
  const caller = await requireApiKey(request, "bids:write");
  const query = validate(bidListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const organizationId = request.headers.get(PRODUCER_ORGANIZATION_HEADER)?.trim() || undefined;
  return Response.json(await listPlatformBids(portal().db, { platform: caller.platform, organizationId }, query));
});

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
