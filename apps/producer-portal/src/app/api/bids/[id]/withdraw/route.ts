import { withdrawBid } from "@/domain/bids/withdraw-bid";
import { portal, requireMember } from "@/server/portal";
import { route } from "@/server/route";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  await withdrawBid(portal().db, me.organizationId, (await params).id);
  return Response.json({ status: "withdrawal requested" }, { status: 202 });
});
