import { acceptCounterOffer } from "@/domain/bids/accept-counter-offer";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Accept the buyer's counter-offer the producer saw (`offerId`); 202: queued for the buyer portal. */
export const POST = route<{ id: string; offerId: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { id, offerId } = await params;
  return Response.json(await acceptCounterOffer(portal().db, me, id, offerId), { status: 202 });
});
