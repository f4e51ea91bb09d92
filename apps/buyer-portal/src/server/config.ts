import { baseConfigShape, secretVariable, urlVariable } from "@lotbridge/http/base-config";
import { parseConfig } from "@lotbridge/http/parse-config";
import { z } from "zod";

const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;

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
  INTEGRATION_ADMINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((emails) => emails.every((email) => z.email().safeParse(email).success), {
      error: (issue) =>
        `INTEGRATION_ADMINS must be a comma-separated list of sign-in emails, e.g. ops@buyer.example,anna@buyer.example; got "${String(issue.input)}".`,
    }),
});

export type BuyerConfig = z.infer<typeof schema>;

/** Every variable the portal reads, for the test that keeps .env.example complete. */
export const configVariables = Object.keys(schema.shape);

export function loadConfig(env: Record<string, string | undefined> = process.env): BuyerConfig {
  return parseConfig(schema, env);
}
