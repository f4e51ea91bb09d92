import { closeLot } from "@/domain/lots/close-lot";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";
import { versionTag } from "../../lot-request";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { db, config } = portal();
  const lot = await closeLot(db, (await params).id, { actor: me, publicUrl: config.PUBLIC_URL });
  return Response.json(lot, { headers: versionTag(lot) });
});
