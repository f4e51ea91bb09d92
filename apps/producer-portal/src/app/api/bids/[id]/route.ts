import { bidRevisionSchema } from "@lotbridge/contract/bid-revision";
import { readJson } from "@lotbridge/http/read-json";
import { findOrganizationBid } from "@/domain/bids/find-organization-bid";
import { reviseBid } from "@/domain/bids/revise-bid";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  return Response.json(await findOrganizationBid(portal().db, me.organizationId, (await params).id));
});

export const PATCH = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const revision = await readJson(request, bidRevisionSchema);
  const bid = await reviseBid(portal().db, me.organizationId, (await params).id, revision);
  return Response.json(bid, { status: 202 });
});
