import { readSettlementDocument } from "@/domain/deliveries/read-settlement-document";
import { portal } from "@/server/portal";
import { requireMember, route } from "@/server/route";

/** The settlement statement's PDF, rendered here from the snapshot: the buyer portal's bytes. 404 until issued. */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const me = await requireMember(request);
  const { filename, bytes } = await readSettlementDocument(portal().db, me.organizationId, (await params).id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
