import { z } from "zod";

/**
 * `GET /api/health`: answered 200 when the database answers, 503 otherwise, with the outbox backlog for monitoring;
 * reveals no configuration.
 */
export const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    service: z.string(),
    database: z.object({
      reachable: z.boolean(),
      version: z.string().optional(),
      latencyMs: z.number().int().min(0).max(3_600_000).optional(),
    }),
    outbox: z
      .object({
        waiting: z.number().int().min(0).meta({ description: "Messages (webhooks, API calls, email) not yet sent" }),
        oldestWaitingSeconds: z
          .number()
          .int()
          .min(0)
          .nullable()
          .meta({ description: "Age of the oldest waiting message; growing means nothing is delivered" }),
        dead: z.number().int().min(0).meta({ description: "Messages given up; replay them from the admin page" }),
      })
      .optional()
      .meta({ description: "Present when the database answers" }),
  })
  .meta({ id: "Health", description: "Whether the portal and its database answer" });

export type Health = z.infer<typeof healthSchema>;
