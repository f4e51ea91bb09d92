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

/**
 * What may be logged of an error: its kind and message, never a stack trace, and never the password of a URL the
 * message happens to quote (drivers like to include connection strings).
 */
export function describeError(error: unknown): { name: string; message: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: hideCredentials(error.message), ...(typeof code === "string" ? { code } : {}) };
  }
  return { name: "Unknown", message: hideCredentials(String(error)) };
}

function hideCredentials(text: string): string {
  return text.replace(/(\/\/[^\s:/@]+):[^\s@/]*@/g, "$1:***@");
}
