import { notFound } from "@lotbridge/contract/problem";
import { findExternalLot } from "@/domain/lots/find-external-lot";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";

export const GET = route<{ id: string }>(async (request, { params }) => {
  await requireApiKey(request, "lots:read");
  const lot = await findExternalLot(portal().db, (await params).id);
  if (!lot) throw notFound("Lot");
  return Response.json(lot);
});
