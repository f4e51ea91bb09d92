import { acceptCounterOffer } from "@/domain/bids/answer-counter-offer";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";
import { answerOnce, producerCaller } from "../../../../bid-request";

export const POST = route<{ id: string; offerId: string }>(async (request, { params }) => {
  const key = await requireApiKey(request, "bids:write");
  const caller = producerCaller(request, key);
  const { id, offerId } = await params;
  const publicUrl = portal().config.PUBLIC_URL;
  return answerOnce(request, key, null, (tx) => acceptCounterOffer(tx, caller, id, offerId, { publicUrl }));
});
