import { lotInputSchema } from "@lotbridge/contract/lot";
import { readJson } from "@lotbridge/http/read-json";
import { createDraftLot } from "@/domain/lots/create-draft-lot";
import { findOrganizationLot, listOrganizationLots } from "@/domain/lots/find-lots";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

export const GET = route(async (request) => {
  const me = await requireMember(request);
  return Response.json({ data: await listOrganizationLots(portal().db, me.organizationId) });
});

export const POST = route(async (request) => {
  const me = await requireMember(request);
  const input = await readJson(request, lotInputSchema);
  const { db } = portal();
  const row = await createDraftLot(db, me, input);
  return Response.json(await findOrganizationLot(db, me.organizationId, row.id), { status: 201 });
});
