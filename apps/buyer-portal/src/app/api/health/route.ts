import { healthReport } from "@lotbridge/db/health-report";
import { outboxHealth } from "@lotbridge/webhooks/outbox-health";
import { portal } from "@/server/portal";
import { route } from "@/server/route";

export const GET = route(async () =>
  healthReport("buyer-portal", portal().pool, { outbox: () => outboxHealth(portal().db) }),
);
