import { platformId } from "@lotbridge/contract/producer-platform";
import { validate } from "@lotbridge/http/read-json";
import { z } from "zod";
import { integrationOverview } from "@/integration/integration-overview";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

const outboxStatuses = ["pending", "delivered", "dead", "cancelled"] as const;
const overviewQuery = z.object({
  status: z.enum(outboxStatuses, { error: `must be one of ${outboxStatuses.join(", ")}` }).optional(),
  platform: platformId().optional(),
});

export const GET = route(async (request) => {
  await requireOperator(request);
  const { status, platform } = validate(overviewQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await integrationOverview(portal().db, { status, platform }));
});
