import { baseConfigShape, secretVariable, urlVariable } from "@lotbridge/http/base-config";
import { ConfigError, parseConfig } from "@lotbridge/http/parse-config";
import { z } from "zod";

const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;
const OUTBOX_CONCURRENCY = "OUTBOX_CONCURRENCY must be a whole number of sends from 1 to 500 (50 by default).";

const schema = z.object({
  ...baseConfigShape("http://localhost:3000"),
  PRODUCER_DASHBOARD_WEBHOOK_URL: urlVariable(
    "PRODUCER_DASHBOARD_WEBHOOK_URL",
    "http://localhost:3001/api/webhooks/buyer",
  ).default("http://localhost:3001/api/webhooks/buyer"),
  PRODUCER_DASHBOARD_WEBHOOK_SECRET: secretVariable(
    "PRODUCER_DASHBOARD_WEBHOOK_SECRET",
    "whsec_ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLXNlY3JldC0wMDAw",
    38,
    "Use the whsec_… secret shared with the producer portal's BUYER_WEBHOOK_SECRET.",
  ).refine((value) => WEBHOOK_SECRET.test(value), {
    error:
      "PRODUCER_DASHBOARD_WEBHOOK_SECRET must look like whsec_<base64, at least 24 bytes>. Generate one with: echo whsec_$(openssl rand -base64 32)",
  }),
  PRODUCER_API_KEY: secretVariable(
    "PRODUCER_API_KEY",
    "lbk_development_only_producer_key_0000",
    24,
    "It seeds the API key the producer portal sends as BUYER_API_KEY.",
  ),
  WEBHOOK_ENDPOINT_DISABLE_AFTER_HOURS: z.coerce
    .number({ error: "WEBHOOK_ENDPOINT_DISABLE_AFTER_HOURS must be a number of hours from 1 to 8760 (120 = 5 days)." })
    .min(1, { error: "WEBHOOK_ENDPOINT_DISABLE_AFTER_HOURS must be a number of hours from 1 to 8760 (120 = 5 days)." })
    .max(8760, {
      error: "WEBHOOK_ENDPOINT_DISABLE_AFTER_HOURS must be a number of hours from 1 to 8760 (120 = 5 days).",
    })
    .default(120),
  CORS_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin), {
      error:
        "CORS_ALLOWED_ORIGINS must be a comma-separated list of origins like https://producer.example.com (scheme, host, optional port; no path).",
    }),
  OUTBOX_CONCURRENCY: z.coerce
    .number({ error: OUTBOX_CONCURRENCY })
    .int({ error: OUTBOX_CONCURRENCY })
    .min(1, { error: OUTBOX_CONCURRENCY })
    .max(500, { error: OUTBOX_CONCURRENCY })
    .default(50),
});

export type BuyerConfig = z.infer<typeof schema>;

/** Every variable the portal reads, for the test that keeps .env.example complete. */
export const configVariables = Object.keys(schema.shape);

export function loadConfig(env: Record<string, string | undefined> = process.env): BuyerConfig {
  // It named emails, which another organization could be given; an upgrade must not go on as if it still counted.
  if (env.INTEGRATION_ADMINS?.trim()) {
    throw new ConfigError(
      "INTEGRATION_ADMINS is no longer read: name each operator by email and organization in OPERATORS instead, like OPERATORS=anna@northfield.example:northfield-mills, and remove INTEGRATION_ADMINS.",
    );
  }
  return parseConfig(schema, env);
}
