import { switchEndpoint } from "@/integration/endpoint-switch";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

/** Turns an endpoint back on: what waited for it goes out at once; replay what died meanwhile. */
export const POST = route<{ id: string }>(async (request, { params }) => {
  await requireOperator(request);
  return Response.json(await switchEndpoint(portal().db, (await params).id, { enabled: true }));
});
