import { notFound } from "@lotbridge/contract/problem";
import { listLotBids } from "@/domain/bids/list-lot-bids";
import { portal } from "@/server/portal";
import { requireBuyer, route } from "@/server/route";

/** Every bid on one of the organization's lots with its negotiation thread, newest first (members, or `bids:read`). */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const buyer = await requireBuyer(request, "bids:read");
  const bids = await listLotBids(portal().db, buyer.organizationId, (await params).id);
  if (!bids) throw notFound("Lot");
  return Response.json({ data: bids });
});
