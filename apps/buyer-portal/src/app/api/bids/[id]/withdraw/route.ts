import { withdrawBid } from "@/domain/bids/withdraw-bid";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";
import { answerOnce, producerCaller } from "../../bid-request";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const key = await requireApiKey(request, "bids:write");
  const caller = producerCaller(request, key);
  const { id } = await params;
  const publicUrl = portal().config.PUBLIC_URL;
  return answerOnce(request, key, null, (tx) => withdrawBid(tx, caller, id, { publicUrl }));
});
