import { readContractDocument } from "@/domain/contracts/read-contract-document";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** The contract's PDF, the same bytes the buyer portal serves. */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { filename, bytes } = await readContractDocument(portal().db, me.organizationId, (await params).id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
