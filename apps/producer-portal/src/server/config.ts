import { baseConfigShape, secretVariable, urlVariable } from "@lotbridge/http/base-config";
import { parseConfig } from "@lotbridge/http/parse-config";
import { z } from "zod";

const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;
const RECONCILE_INTERVAL =
  "RECONCILE_INTERVAL_SECONDS must be a whole number of seconds from 10 to 86400 (300 by default).";
const OUTBOX_CONCURRENCY = "OUTBOX_CONCURRENCY must be a whole number of sends from 1 to 500 (50 by default).";

const schema = z.object({
  ...baseConfigShape("http://localhost:3001"),
  BUYER_PORTAL_URL: urlVariable("BUYER_PORTAL_URL", "http://localhost:3000").default("http://localhost:3000"),
  BUYER_API_KEY: secretVariable(
    "BUYER_API_KEY",
    "lbk_development_only_producer_key_0000",
    24,
    "Ask the buyer portal's admin for an API key (Integrations page), or use its PRODUCER_API_KEY.",
  ),
  // Several secrets, comma-separated, are accepted while the buyer portal rotates its signing secret.
  BUYER_WEBHOOK_SECRET: secretVariable(
    "BUYER_WEBHOOK_SECRET",
    "whsec_ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLXNlY3JldC0wMDAw",
    38,
    "Use the buyer portal's PRODUCER_DASHBOARD_WEBHOOK_SECRET (whsec_…).",
  )
    .transform((value) =>
      value
        .split(",")
        .map((secret) => secret.trim())
        .filter(Boolean),
    )
    .refine((secrets) => secrets.every((secret) => WEBHOOK_SECRET.test(secret)), {
      error: "BUYER_WEBHOOK_SECRET must be one or more comma-separated whsec_<base64> secrets.",
    }),
  RECONCILE_INTERVAL_SECONDS: z.coerce
    .number({ error: RECONCILE_INTERVAL })
    .int({ error: RECONCILE_INTERVAL })
    .min(10, { error: RECONCILE_INTERVAL })
    .max(86_400, { error: RECONCILE_INTERVAL })
    .default(300),
  OUTBOX_CONCURRENCY: z.coerce
    .number({ error: OUTBOX_CONCURRENCY })
    .int({ error: OUTBOX_CONCURRENCY })
    .min(1, { error: OUTBOX_CONCURRENCY })
    .max(500, { error: OUTBOX_CONCURRENCY })
    .default(50),
});

export type ProducerConfig = z.infer<typeof schema>;

/** Every variable the portal reads, for the test that keeps .env.example complete. */
export const configVariables = Object.keys(schema.shape);

export function loadConfig(env: Record<string, string | undefined> = process.env): ProducerConfig {
  return parseConfig(schema, env);
}
