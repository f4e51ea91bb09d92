import { validate } from "@lotbridge/http/read-json";
import { listMarketplaceLots } from "@/domain/marketplace/list-marketplace-lots";
import { marketplaceQuerySchema } from "@/domain/marketplace/marketplace-query";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Lots open for bids, from this portal's replica: answers while the buyer portal is away. */
export const GET = route(async (request) => {
  await requireMember(request);
  const query = validate(marketplaceQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listMarketplaceLots(portal().db, query));
});
