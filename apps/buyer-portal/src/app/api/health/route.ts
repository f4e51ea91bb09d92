import { healthReport } from "@lotbridge/db/health-report";
import { portal } from "@/server/portal";
import { route } from "@/server/route";

export const GET = route(async () => healthReport("buyer-portal", portal().pool));
