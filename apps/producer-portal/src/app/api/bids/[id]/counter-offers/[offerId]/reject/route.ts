import { offerRejectionSchema } from "@lotbridge/contract/offer-rejection";
import { readOptionalJson } from "@lotbridge/http/read-json";
import { rejectCounterOffer } from "@/domain/bids/reject-counter-offer";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Reject the buyer's counter-offer, with an optional `reason`; the body may be left out. 202: queued. */
export const POST = route<{ id: string; offerId: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const rejection = await readOptionalJson(request, offerRejectionSchema);
  const { id, offerId } = await params;
  return Response.json(await rejectCounterOffer(portal().db, me, id, offerId, rejection), { status: 202 });
});
