import { z } from "zod";

/** `GET /api/health`: answered 200 when the database answers, 503 otherwise; reveals no configuration. */
export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    service: z.string(),
    database: z.object({
      reachable: z.boolean(),
      version: z.string().optional(),
      latencyMs: z.number().int().min(0).max(3_600_000).optional(),
    }),
  })
  .meta({ id: "Health", description: "Whether the portal and its database answer" });

export type Health = z.infer<typeof healthSchema>;
