import type { Database } from "@lotbridge/db/database";
import { newId } from "@lotbridge/db/new-id";
import { redactSecrets } from "@lotbridge/webhooks/redact-secrets";
import type { SendResult, Transport } from "@lotbridge/webhooks/transport";
import { createTransport, type NodemailerError } from "nodemailer";
import { type EmailPayload, readEmailPayload } from "./email-payload";
import { devMailbox } from "./tables";

export interface EmailTransportOptions {
  /** smtp://user:password@host:587 or smtps://…:465; without it, mail goes to the development mailbox. */
  smtpUrl?: string;
  /** The sender, e.g. `"Lotbridge" <notifications@example.com>`. */
  from: string;
  db: Database;
  /** For connecting, the server's greeting and each silence of the server. */
  timeoutMs?: number;
}

const EXCERPT_LENGTH = 500;

/**
 * Sends outbox messages of kind "email". Through SMTP when a server is configured: a server that cannot be reached or
 * answers "try later" (4xx) is retried on the dispatcher's schedule, a permanent refusal of the recipient or the
 * message (5xx) is final. Without a server the mail lands in `dev_mailbox`, so development needs no mail set-up and
 * loses nothing.
 */
export function emailTransport(options: EmailTransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const secrets = options.smtpUrl ? passwordOf(options.smtpUrl) : [];
  const mailer = options.smtpUrl
    ? createTransport(
        {
          url: options.smtpUrl,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
          socketTimeout: timeoutMs,
        },
        { from: options.from },
      )
    : undefined;

  return {
    async send(message, signal) {
      const email = readEmailPayload(message.payload);
      if (!email)
        return { outcome: "refused", error: "The message is not an email: it needs to, subject, text and html." };
      if (!mailer) return keep(options.db, email);
      const result = await post(email, signal);
      return {
        ...result,
        error: redactSecrets(result.error, secrets),
        responseExcerpt: redactSecrets(result.responseExcerpt, secrets),
      };
    },
  };

  async function post(email: EmailPayload, signal: AbortSignal): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const { to, subject, text, html } = email;
      const info = await mailer!.sendMail({ to, subject, text, html, signal });
      return { outcome: "delivered", responseExcerpt: info.response?.slice(0, EXCERPT_LENGTH), latencyMs: elapsed() };
    } catch (error) {
      const failure = error as NodemailerError;
      return {
        outcome: isFinal(failure) ? "refused" : "retry",
        status: failure.responseCode,
        error: describe(failure),
        latencyMs: elapsed(),
      };
    }
  }
}

async function keep(db: Database, email: EmailPayload): Promise<SendResult> {
  const address = typeof email.to === "string" ? email.to : email.to.address;
  const to = typeof email.to === "string" ? email.to : `${email.to.name} <${address}>`;
  await db.insert(devMailbox).values({
    id: newId("mail"),
    to,
    address: address.toLowerCase(),
    memberId: email.memberId ?? null,
    subject: email.subject,
    text: email.text,
    html: email.html,
  });
  return { outcome: "delivered", responseExcerpt: "Kept in the development mailbox (no SMTP server is configured)." };
}

// Only the server's verdict on this recipient or this message is final. A 5xx to the sender or to the login is the
// configuration's fault, and sending later (once it is fixed) will work.
function isFinal(error: NodemailerError): boolean {
  return error.permanent === true && (error.command === "RCPT TO" || error.command === "DATA");
}

function describe(error: NodemailerError): string {
  if (error.code === "ETIMEDOUT") return `The SMTP server did not answer in time (${error.message}).`;
  if (error.code === "EABORT") return "The send was abandoned before the SMTP server answered.";
  const reason = error.originalCode ? `${error.message} (${error.originalCode})` : error.message;
  return error.command && error.command !== "CONN" && error.command !== "API"
    ? `The SMTP server refused ${error.command}: ${reason}`
    : `Could not send through the SMTP server: ${reason}`;
}

/** The password as written in the URL and decoded, both of which could be echoed in an error. */
function passwordOf(smtpUrl: string): string[] {
  try {
    const { password } = new URL(smtpUrl);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}
