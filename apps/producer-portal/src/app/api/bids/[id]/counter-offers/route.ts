import { counterOfferInputSchema } from "@lotbridge/contract/counter-offer-input";
import { readJson } from "@lotbridge/http/read-json";
import { counterBack } from "@/domain/bids/counter-back";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** Counter the buyer's pending counter-offer with the producer's terms; 202: queued for the buyer portal. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const input = await readJson(request, counterOfferInputSchema);
  const bid = await counterBack(portal().db, me, (await params).id, input);
  return Response.json(bid, { status: 202 });
});
