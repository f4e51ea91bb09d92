import { integrationStatus } from "@/domain/integration/integration-status";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

export const GET = route(async (request) => {
  await requireOperator(request);
  const { db, config } = portal();
  return Response.json(await integrationStatus(db, { buyerPortalUrl: config.BUYER_PORTAL_URL }));
});
