import { organizationName } from "@lotbridge/auth/create-account";
import { readJson } from "@lotbridge/http/read-json";
import { bidFormSchema } from "@/domain/bids/bid-form-schema";
import { placeBid } from "@/domain/bids/place-bid";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const form = await readJson(request, bidFormSchema);
  const { db } = portal();
  const bidder = { ...me, organizationName: (await organizationName(db, me.organizationId)) ?? me.organizationId };
  const bid = await placeBid(db, bidder, (await params).id, form);
  return Response.json(bid, { status: 202 });
});
