import { lotInputSchema } from "@lotbridge/contract/lot";
import { readJson, validate } from "@lotbridge/http/read-json";
import { createDraftLot } from "@/domain/lots/create-draft-lot";
import { listOrganizationLots } from "@/domain/lots/find-lots";
import { lotSnapshot } from "@/domain/lots/lot-snapshot";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";
import { LOT_BODY_LIMIT, lotListFilterSchema, versionTag } from "./lot-request";

export const GET = route(async (request) => {
  const me = await requireMember(request);
  const filter = validate(lotListFilterSchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ data: await listOrganizationLots(portal().db, me.organizationId, filter) });
});

export const POST = route(async (request) => {
  const me = await requireMember(request);
  const input = await readJson(request, lotInputSchema, { maxBytes: LOT_BODY_LIMIT });
  const { db } = portal();
  const lot = await lotSnapshot(db, await createDraftLot(db, me, input));
  return Response.json(lot, { status: 201, headers: versionTag(lot) });
});
