/**
 * Blanks out secrets in text bound for the delivery log. A receiver's error page may echo a header back, and the
 * log is read by admins who must not learn signing secrets or API keys from it.
 */
export function redactSecrets(text: string | undefined, secrets: (string | null | undefined)[]): string | undefined {
  if (text === undefined) return undefined;
  let redacted = text;
  for (const secret of secrets) if (secret) redacted = redacted.replaceAll(secret, "[redacted]");
  return redacted;
}
