import { integrationStatus } from "@/domain/integration/integration-status";
import { portal } from "@/server/portal";
import { requireAdmin } from "@/server/require-admin";
import { route } from "@/server/route";

export const GET = route(async (request) => {
  await requireAdmin(request.headers);
  const { db, config } = portal();
  return Response.json(await integrationStatus(db, { buyerPortalUrl: config.BUYER_PORTAL_URL }));
});
