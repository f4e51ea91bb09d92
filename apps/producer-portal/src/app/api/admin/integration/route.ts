import { integrationStatus } from "@/integration/integration-status";
import { listUnappliedEvents } from "@/integration/list-unapplied-events";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

export const GET = route(async (request) => {
  await requireOperator(request);
  const { db, config } = portal();
  const status = await integrationStatus(db, { buyerPortalUrl: config.BUYER_PORTAL_URL });
  return Response.json({ ...status, unappliedEvents: await listUnappliedEvents(db) });
});
