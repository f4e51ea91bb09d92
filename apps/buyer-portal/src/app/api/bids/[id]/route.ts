import { bidDecisionSchema } from "@lotbridge/contract/bid-decision";
import { bidRevisionSchema } from "@lotbridge/contract/bid-revision";
import { readJson } from "@lotbridge/http/read-json";
import { decideBid } from "@/domain/bids/decide-bid";
import { findBidForProducer } from "@/domain/bids/find-bid-for-producer";
import { reviseBid } from "@/domain/bids/revise-bid";
import { portal } from "@/server/portal";
import { requireApiKey, requireMember, route } from "@/server/route";
import { answerOnce, producerCaller } from "../bid-request";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const caller = producerCaller(request, await requireApiKey(request, "bids:write"));
  return Response.json(await findBidForProducer(portal().db, caller, (await params).id));
});

export const PATCH = route<{ id: string }>(async (request, { params }) => {
  const key = await requireApiKey(request, "bids:write");
  const caller = producerCaller(request, key);
  const revision = await readJson(request, bidRevisionSchema);
  const { id } = await params;
  const publicUrl = portal().config.PUBLIC_URL;
  return answerOnce(request, key, revision, (tx) => reviseBid(tx, caller, id, revision, { publicUrl }));
});

/** The buyer's decision, from the buyer portal's own pages (session). */
export const PUT = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const decision = await readJson(request, bidDecisionSchema);
  const { db, config } = portal();
  const bid = await decideBid(db, me.organizationId, (await params).id, decision, { publicUrl: config.PUBLIC_URL });
  return Response.json(bid);
});
