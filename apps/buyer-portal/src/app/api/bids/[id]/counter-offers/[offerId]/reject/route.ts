import { offerRejectionSchema } from "@lotbridge/contract/offer-rejection";
import { readOptionalJson } from "@lotbridge/http/read-json";
import { rejectCounterOffer } from "@/domain/bids/answer-counter-offer";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";
import { answerOnce, producerCaller } from "../../../../bid-request";

export const POST = route<{ id: string; offerId: string }>(async (request, { params }) => {
  const key = await requireApiKey(request, "bids:write");
  const caller = producerCaller(request, key);
  const rejection = await readOptionalJson(request, offerRejectionSchema);
  const { id, offerId } = await params;
  const publicUrl = portal().config.PUBLIC_URL;
  return answerOnce(request, key, rejection, (tx) =>
    rejectCounterOffer(tx, caller, id, offerId, rejection.reason, { publicUrl }),
  );
});
