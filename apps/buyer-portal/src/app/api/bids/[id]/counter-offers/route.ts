import { counterOfferInputSchema } from "@lotbridge/contract/counter-offer-input";
import { readJson } from "@lotbridge/http/read-json";
import { counterBack } from "@/domain/bids/counter-bid";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";
import { answerOnce, producerCaller } from "../../bid-request";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const key = await requireApiKey(request, "bids:write");
  const caller = producerCaller(request, key);
  const input = await readJson(request, counterOfferInputSchema);
  const { id } = await params;
  const publicUrl = portal().config.PUBLIC_URL;
  return answerOnce(request, key, input, (tx) => counterBack(tx, caller, id, input, { publicUrl }), 201);
});
