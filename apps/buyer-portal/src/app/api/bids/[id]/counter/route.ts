import { counterOfferInputSchema } from "@lotbridge/contract/counter-offer-input";
import { readJson } from "@lotbridge/http/read-json";
import { counterBid } from "@/domain/bids/counter-bid";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** The buyer counters a bid, from the buyer portal's own pages (session). */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const input = await readJson(request, counterOfferInputSchema);
  const { db, config } = portal();
  const bid = await counterBid(db, me.organizationId, (await params).id, input, { publicUrl: config.PUBLIC_URL });
  return Response.json(bid, { status: 201 });
});
