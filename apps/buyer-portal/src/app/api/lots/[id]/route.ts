import { lotInputSchema } from "@lotbridge/contract/lot";
import { notFound } from "@lotbridge/contract/problem";
import { readJson } from "@lotbridge/http/read-json";
import { deleteDraft } from "@/domain/lots/delete-draft";
import { findOrganizationLot } from "@/domain/lots/find-lots";
import { updateLot } from "@/domain/lots/update-lot";
import { portal } from "@/server/portal";
import { requireBuyer, route } from "@/server/route";
import { answerLotChange, ifMatchVersion, LOT_BODY_LIMIT, versionTag } from "../lot-request";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const buyer = await requireBuyer(request, "lots:write");
  const lot = await findOrganizationLot(portal().db, buyer.organizationId, (await params).id);
  if (!lot) throw notFound("Lot");
  return Response.json(lot, { headers: versionTag(lot) });
});

/** Replaces the lot's terms with the whole LotInput; `If-Match: "<version>"` refuses to overwrite someone else's edit. */
export const PUT = route<{ id: string }>(async (request, { params }) => {
  const buyer = await requireBuyer(request, "lots:write");
  const expectedVersion = ifMatchVersion(request);
  const input = await readJson(request, lotInputSchema, { maxBytes: LOT_BODY_LIMIT });
  const { config } = portal();
  const id = (await params).id;
  return answerLotChange(request, buyer, { input, expectedVersion }, (tx) =>
    updateLot(tx, id, input, { actor: buyer, publicUrl: config.PUBLIC_URL, expectedVersion }),
  );
});

export const DELETE = route<{ id: string }>(async (request, { params }) => {
  const buyer = await requireBuyer(request, "lots:write");
  const id = (await params).id;
  return answerLotChange(
    request,
    buyer,
    null,
    async (tx) => {
      await deleteDraft(tx, id, buyer);
      return null;
    },
    204,
  );
});
