import { lotInputSchema } from "@lotbridge/contract/lot";
import { readJson, validate } from "@lotbridge/http/read-json";
import { createDraftLot } from "@/domain/lots/create-draft-lot";
import { listOrganizationLots } from "@/domain/lots/find-lots";
import { lotSnapshot } from "@/domain/lots/lot-snapshot";
import { portal } from "@/server/portal";
import { requireBuyer, route } from "@/server/route";
import { answerLotChange, LOT_BODY_LIMIT, lotListFilterSchema } from "./lot-request";

/** The organization's lots, for its signed-in members or its keys with `lots:write`. */
export const GET = route(async (request) => {
  const buyer = await requireBuyer(request, "lots:write");
  const filter = validate(lotListFilterSchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ data: await listOrganizationLots(portal().db, buyer.organizationId, filter) });
});

export const POST = route(async (request) => {
  const buyer = await requireBuyer(request, "lots:write");
  const input = await readJson(request, lotInputSchema, { maxBytes: LOT_BODY_LIMIT });
  return answerLotChange(
    request,
    buyer,
    input,
    async (tx) => lotSnapshot(tx, await createDraftLot(tx, buyer, input)),
    201,
  );
});
