import { readSettlementDocument } from "@/domain/deliveries/read-settlement-document";
import { portal } from "@/server/portal";
import { route } from "@/server/route";
import { contractViewer } from "../../contract-request";

/** The settlement statement PDF, for whoever reads the contract; the producer portal renders the same bytes. */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const reader = await contractViewer(request);
  const { filename, bytes } = await readSettlementDocument(portal().db, reader, (await params).id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
