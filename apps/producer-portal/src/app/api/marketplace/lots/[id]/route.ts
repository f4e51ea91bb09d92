import { notFound } from "@lotbridge/contract/problem";
import { findMarketplaceLot } from "@/domain/marketplace/find-marketplace-lot";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route<{ id: string }>(async (request, { params }) => {
  await requireMember(request);
  const lot = await findMarketplaceLot(portal().db, (await params).id);
  if (!lot) throw notFound("Lot");
  return Response.json(lot);
});
