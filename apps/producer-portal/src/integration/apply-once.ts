import { describeError, type ErrorDescription } from "@lotbridge/http/logger";
import { type InboxMessage, inboxMessage } from "@lotbridge/webhooks/tables";
import { eq, sql } from "drizzle-orm";
import type { ProducerTx } from "../db/database";
import { type EventContext, type EventOutcome, handleBuyerEvent } from "./handle-buyer-event";
import { notifyOperatorsOfEvent } from "./notify-operators-of-event";

/**
 * How many times an event is tried before it is parked as failed: the webhook answers 2xx from then on (so the buyer
 * portal stops sending it), the feed reader passes it by, and only an operator's replay tries it again. Five covers
 * a passing outage across the buyer portal's first retries; an event failing five times fails for a reason that
 * needs a person.
 */
export const MAX_ATTEMPTS = 5;

/** Which door an event came through. A replay is an operator's: it tries a parked event once more. */
export type EventSource = "webhook" | "feed" | "replay";

export interface InboundEnvelope {
  id: string;
  type: string;
  [field: string]: unknown;
}

export type ApplyResult =
  | { outcome: "applied" | "ignored" }
  | { outcome: "refused"; reason: string }
  /** Already applied, ignored or refused: nothing was done again. */
  | { outcome: "duplicate" }
  /** This attempt failed (or, parked, none was made): rolled back, recorded with its reason. */
  | { outcome: "failed"; attempts: number; parked: boolean; reason: string };

export interface InboundContext extends EventContext {
  /** Told about refusals and failures; never the event's body. */
  log?: { warn: (facts: object, message: string) => void };
}

const SETTLED = new Set(["applied", "ignored", "refused"]);
const REASON_LIMIT = 1000;

/**
 * The one way a buyer event takes effect here, for the webhook receiver, the feed reader and an operator's replay:
 * at most once per event id, and never blocking the events after it. In one transaction it claims the id in the
 * inbox (a concurrent delivery of the same id waits for it), applies the event through the handler table and
 * records the outcome: applied, ignored, or refused (kept with its reason and envelope, logged, operators told). If
 * applying throws, all of it rolls back and a second transaction records the event as failed: attempts + 1, the
 * reason (the error's message, no stack, no query values) and the envelope. At MAX_ATTEMPTS it is parked and the
 * operators are told, once. Pass a transaction as `db` to nest (the feed reader applies a page in one).
 */
export async function applyOnce(
  db: ProducerTx,
  envelope: InboundEnvelope,
  source: EventSource,
  context: InboundContext,
): Promise<ApplyResult> {
  try {
    return await db.transaction(async (tx) => {
      const held = await claim(tx, envelope);
      if (held && SETTLED.has(held.status)) return { outcome: "duplicate" };
      if (held && held.attempts >= MAX_ATTEMPTS && source !== "replay") {
        return { outcome: "failed", attempts: held.attempts, parked: true, reason: held.lastError ?? "" };
      }
      return settle(tx, envelope, held, await handleBuyerEvent(tx, envelope, context), context, source);
    });
  } catch (error) {
    const reason = reasonOf(describeError(error));
    const failed = await db.transaction((tx) => recordFailure(tx, envelope, reason, context));
    context.log?.warn(
      { eventId: envelope.id, type: envelope.type, source, reason, ...failed },
      "buyer event not applied",
    );
    return failed ? { outcome: "failed", ...failed, reason } : { outcome: "duplicate" };
  }
}

/** Records what the handler table made of the event; a refusal is logged and told to the operators. */
async function settle(
  tx: ProducerTx,
  envelope: InboundEnvelope,
  held: InboxMessage | undefined,
  outcome: EventOutcome,
  context: InboundContext,
  source: EventSource,
): Promise<ApplyResult> {
  const attempts = (held?.attempts ?? 0) + 1;
  const refused = typeof outcome === "object" ? outcome.refused : undefined;
  await tx
    .update(inboxMessage)
    .set({
      status: typeof outcome === "object" ? "refused" : outcome,
      attempts,
      lastError: refused ?? null,
      envelope: refused === undefined ? null : envelope,
      updatedAt: sql`now()`,
    })
    .where(eq(inboxMessage.webhookId, envelope.id));
  if (typeof outcome !== "object") return { outcome };
  const { id, type } = envelope;
  context.log?.warn({ eventId: id, type, source, reason: outcome.refused }, "buyer event refused");
  await notifyOperatorsOfEvent(tx, context.publicUrl, {
    id,
    type,
    status: "refused",
    reason: outcome.refused,
    attempts,
  });
  return { outcome: "refused", reason: outcome.refused };
}

/** The event's inbox row as it was, locked for this transaction; undefined if the id is new (now claimed). */
async function claim(tx: ProducerTx, envelope: InboundEnvelope): Promise<InboxMessage | undefined> {
  const inserted = await tx
    .insert(inboxMessage)
    .values({ webhookId: envelope.id, eventType: envelope.type, attempts: 0 })
    .onConflictDoNothing()
    .returning({ webhookId: inboxMessage.webhookId });
  if (inserted.length > 0) return undefined;
  const [held] = await tx.select().from(inboxMessage).where(eq(inboxMessage.webhookId, envelope.id)).for("update");
  return held;
}

/**
 * Counts a failed attempt; undefined when another delivery applied the event meanwhile. Tells the operators when
 * this attempt is the one that parks it, so each event is announced once however often it is replayed.
 */
async function recordFailure(
  tx: ProducerTx,
  envelope: InboundEnvelope,
  reason: string,
  context: InboundContext,
): Promise<{ attempts: number; parked: boolean } | undefined> {
  const [row] = await tx
    .insert(inboxMessage)
    .values({ webhookId: envelope.id, eventType: envelope.type, status: "failed", lastError: reason, envelope })
    .onConflictDoUpdate({
      target: inboxMessage.webhookId,
      set: {
        attempts: sql`${inboxMessage.attempts} + 1`,
        lastError: reason,
        envelope,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${inboxMessage.status} = 'failed'`,
    })
    .returning({ attempts: inboxMessage.attempts });
  if (!row) return undefined;
  if (row.attempts === MAX_ATTEMPTS) {
    const { id, type } = envelope;
    await notifyOperatorsOfEvent(tx, context.publicUrl, { id, type, status: "failed", reason, attempts: row.attempts });
  }
  return { attempts: row.attempts, parked: row.attempts >= MAX_ATTEMPTS };
}

/** The error as an operator can act on it: what the database said, if it said anything, else the message. */
function reasonOf(error: ErrorDescription): string {
  let deepest = error;
  while (deepest.cause) deepest = deepest.cause;
  const text = deepest.code ? `${deepest.message} (${deepest.code})` : deepest.message;
  return text.length > REASON_LIMIT ? `${text.slice(0, REASON_LIMIT - 1)}…` : text;
}
