import { integrationOverview } from "@/domain/integration/integration-overview";
import { portal } from "@/server/portal";
import { requireIntegrationAdmin, route } from "@/server/route";

export const GET = route(async (request) => {
  await requireIntegrationAdmin(request);
  const status = new URL(request.url).searchParams.get("status") ?? undefined;
  return Response.json(await integrationOverview(portal().db, { status }));
});
