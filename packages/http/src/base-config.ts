import { DEFAULT_DATABASE_TIMEOUTS } from "@lotbridge/db/database-timeouts";
import { z } from "zod";
import { operatorsVariable } from "./operators-variable";
import { trustedProxiesVariable } from "./trusted-proxies-variable";

const isProduction = () => process.env.NODE_ENV === "production";

/** A URL variable whose error message names the variable, the bad value and an example. */
export function urlVariable(name: string, example: string) {
  return z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      error: (issue) => `${name} is not an http(s) URL: "${String(issue.input)}". Set it like ${example}.`,
    });
}

/** A secret that has a development default but must be set explicitly in production. */
export function secretVariable(name: string, developmentDefault: string, minLength: number, hint: string) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value) {
        if (value.length < minLength) {
          context.addIssue({ code: "custom", message: `${name} must be at least ${minLength} characters. ${hint}` });
        }
        return value;
      }
      if (isProduction()) {
        context.addIssue({ code: "custom", message: `${name} is required in production. ${hint}` });
      }
      return developmentDefault;
    });
}

/** A whole number of milliseconds from `min` to `max`; unset or empty means `fallback`. The message names the variable. */
export function millisecondsVariable(name: string, min: number, max: number, fallback: number) {
  const message = `${name} must be a whole number of milliseconds from ${min} to ${max} (${fallback} by default).`;
  return z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(max, { error: message })
      .default(fallback),
  );
}

/** Variables both portals read. */
export function baseConfigShape(defaultPublicUrl: string) {
  return {
    DATABASE_URL: z
      .string()
      .optional()
      .refine((value) => value === undefined || value === "" || URL.canParse(value), {
        error: (issue) =>
          `DATABASE_URL is not a URL: "${redact(String(issue.input))}". Use postgres://user:password@host:5432/database, or leave it unset for the embedded server.`,
      }),
    DATABASE_CONNECT_TIMEOUT_MS: millisecondsVariable(
      "DATABASE_CONNECT_TIMEOUT_MS",
      500,
      60_000,
      DEFAULT_DATABASE_TIMEOUTS.connectTimeoutMs,
    ),
    DATABASE_STATEMENT_TIMEOUT_MS: millisecondsVariable(
      "DATABASE_STATEMENT_TIMEOUT_MS",
      1_000,
      3_600_000,
      DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs,
    ),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: millisecondsVariable(
      "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS",
      1_000,
      3_600_000,
      DEFAULT_DATABASE_TIMEOUTS.idleInTransactionTimeoutMs,
    ),
    PUBLIC_URL: urlVariable("PUBLIC_URL", defaultPublicUrl).default(defaultPublicUrl),
    SMTP_URL: z
      .string()
      .optional()
      .refine((value) => !value || (URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol)), {
        error: "SMTP_URL must look like smtp://user:password@mail.example.com:587 (or smtps://).",
      }),
    MAIL_FROM: z
      .string()
      .trim()
      .default("Lotbridge <no-reply@lotbridge.localhost>")
      .refine((value) => /^[^<>]*<[^<>\s@]+@[^<>\s@]+>$|^[^<>\s@]+@[^<>\s@]+$/.test(value), {
        error: 'MAIL_FROM must be an address like "Lotbridge <no-reply@example.com>" or no-reply@example.com.',
      }),
    AUTH_SECRET: secretVariable(
      "AUTH_SECRET",
      "development-only-auth-secret-change-me-0000",
      32,
      "Generate one with: openssl rand -base64 32",
    ),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.",
      })
      .default("info"),
    RUN_DISPATCHER: z
      .enum(["true", "false"], { error: "RUN_DISPATCHER must be true or false." })
      .default("true")
      .transform((value) => value === "true"),
    OUTBOX_RETRY_SCALE: z.coerce
      .number({ error: "OUTBOX_RETRY_SCALE must be a number between 0.0001 and 1 (1 in production)." })
      .min(0.0001, { error: "OUTBOX_RETRY_SCALE must be a number between 0.0001 and 1 (1 in production)." })
      .max(1, { error: "OUTBOX_RETRY_SCALE must be a number between 0.0001 and 1 (1 in production)." })
      .default(1),
    OUTBOUND_ALLOW_PRIVATE_NETWORKS: z
      .enum(["true", "false"], { error: "OUTBOUND_ALLOW_PRIVATE_NETWORKS must be true or false." })
      .default("false")
      .transform((value) => value === "true"),
    // Not tied to NODE_ENV: a worker started without NODE_ENV=production must not quietly open loopback.
    OUTBOUND_ALLOW_LOOPBACK: z
      .enum(["true", "false"], {
        error: "OUTBOUND_ALLOW_LOOPBACK must be true or false (true only when the other portal runs on this machine).",
      })
      .default("false")
      .transform((value) => value === "true"),
    OPERATORS: operatorsVariable(),
    TRUSTED_PROXIES: trustedProxiesVariable(),
    DEMO_DATA: z
      .enum(["true", "false"], { error: "DEMO_DATA must be true or false." })
      .default("false")
      .transform((value) => value === "true"),
  };
}

function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
