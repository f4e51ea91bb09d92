import { lotInputSchema } from "@lotbridge/contract/lot";
import { notFound } from "@lotbridge/contract/problem";
import { readJson } from "@lotbridge/http/read-json";
import { deleteDraft } from "@/domain/lots/delete-draft";
import { findOrganizationLot } from "@/domain/lots/find-lots";
import { updateLot } from "@/domain/lots/update-lot";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";
import { ifMatchVersion, LOT_BODY_LIMIT, versionTag } from "../lot-request";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const lot = await findOrganizationLot(portal().db, me.organizationId, (await params).id);
  if (!lot) throw notFound("Lot");
  return Response.json(lot, { headers: versionTag(lot) });
});

/** Replaces the lot's terms with the whole LotInput; `If-Match: "<version>"` refuses to overwrite someone else's edit. */
export const PUT = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const expectedVersion = ifMatchVersion(request);
  const input = await readJson(request, lotInputSchema, { maxBytes: LOT_BODY_LIMIT });
  const { db, config } = portal();
  const lot = await updateLot(db, (await params).id, input, {
    actor: me,
    publicUrl: config.PUBLIC_URL,
    expectedVersion,
  });
  return Response.json(lot, { headers: versionTag(lot) });
});

export const DELETE = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  await deleteDraft(portal().db, (await params).id, me);
  return new Response(null, { status: 204 });
});
