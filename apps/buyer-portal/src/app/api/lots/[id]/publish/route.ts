import { publishLot } from "@/domain/lots/publish-lot";
import { portal } from "@/server/portal";
import { requireBuyer, route } from "@/server/route";
import { answerLotChange } from "../../lot-request";

export const POST = route<{ id: string }>(async (request, { params }) => {
  const buyer = await requireBuyer(request, "lots:write");
  const { config } = portal();
  const id = (await params).id;
  return answerLotChange(request, buyer, null, (tx) =>
    publishLot(tx, id, { actor: buyer, publicUrl: config.PUBLIC_URL }),
  );
});
