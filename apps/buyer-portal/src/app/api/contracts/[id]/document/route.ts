import { contractDocumentFilename, renderContractDocument } from "@lotbridge/documents/contract-document";
import { findContract } from "@/domain/contracts/find-contract";
import { portal } from "@/server/portal";
import { route } from "@/server/route";
import { contractViewer } from "../../contract-request";

/** The contract PDF; the producer portal renders the same bytes from the same snapshot. */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const reader = await contractViewer(request);
  const contract = await findContract(portal().db, reader, (await params).id);
  const pdf = await renderContractDocument(contract);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${contractDocumentFilename(contract)}"`,
      "cache-control": "private, no-store",
    },
  });
});
