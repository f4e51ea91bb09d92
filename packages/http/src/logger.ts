import { concealQueryParameters } from "@lotbridge/db/conceal-query-parameters";
import pino from "pino";

export type Logger = pino.Logger;

/** Paths never written to a log, whatever a caller passes. */
const REDACT = [
  "password",
  "secret",
  "token",
  "apiKey",
  "*.password",
  "*.secret",
  "*.token",
  "*.apiKey",
  "headers.authorization",
  "headers.cookie",
  'headers["x-api-key"]',
  'headers["set-cookie"]',
];

export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? "info",
  destination?: pino.DestinationStream,
): Logger {
  return pino({ name: service, level, redact: { paths: REDACT, censor: "[redacted]" } }, destination);
}

export interface ErrorDescription {
  name: string;
  message: string;
  code?: string;
  cause?: ErrorDescription;
}

/**
 * What may be logged of an error: its kind, message and code, and those of what it wraps (the driver's error inside
 * drizzle's, a few levels deep); never a stack trace, never the values a failed query was sent with, and never the
 * password of a URL the message happens to quote (drivers like to include connection strings).
 */
export function describeError(error: unknown, depth = 3): ErrorDescription {
  const safe = concealQueryParameters(error);
  if (!(safe instanceof Error)) return { name: "Unknown", message: hideCredentials(String(safe)) };
  const code = (safe as { code?: unknown }).code;
  return {
    name: safe.name,
    message: hideCredentials(safe.message),
    ...(typeof code === "string" ? { code } : {}),
    ...(safe.cause !== undefined && depth > 1 ? { cause: describeError(safe.cause, depth - 1) } : {}),
  };
}

function hideCredentials(text: string): string {
  return text.replace(/(\/\/[^\s:/@]+):[^\s@/]*@/g, "$1:***@");
}
