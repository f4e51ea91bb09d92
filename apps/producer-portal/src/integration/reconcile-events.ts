import { prefixedId } from "@lotbridge/contract/prefixed-id";
import { redactSecrets } from "@lotbridge/webhooks/redact-secrets";
import { z } from "zod";
import type { ProducerDb } from "../db/database";
import { type ApplyResult, applyOnce, type InboundContext } from "./apply-once";
import { BuyerCallFailed, buyerClient } from "./buyer-client";
import { compareAndSetState, readState, STATE, writeState } from "./integration-state";

export interface ReconcileOptions {
  /** This portal's PUBLIC_URL, for links in the notifications events cause. */
  publicUrl: string;
  /** The buyer portal, e.g. https://buyer.example.com (BUYER_PORTAL_URL). */
  baseUrl: string;
  /** Sent as X-API-Key; needs the lots:read scope. */
  apiKey: string;
  /** Whether the buyer portal may sit on a private network address (OUTBOUND_ALLOW_PRIVATE_NETWORKS). */
  allowPrivate?: boolean;
  /** Whether the buyer portal may run on this machine, at a loopback address (OUTBOUND_ALLOW_LOOPBACK). */
  allowLoopback?: boolean;
  /** Events per page, 1 to 100. */
  pageSize?: number;
  timeoutMs?: number;
  /** Told about refused and failed events. */
  log?: InboundContext["log"];
}

export interface ReconcileResult {
  /** Pages read that held events. */
  pages: number;
  /** New events with an effect here. */
  applied: number;
  /** New events of a type this portal does not act on (yet): recorded, nothing else. */
  ignored: number;
  /** New events about another platform's bids or contracts: recorded as refused, never applied. */
  refused: number;
  /** Events that failed on every attempt (or were parked before): recorded as failed, passed by. */
  failed: number;
  /** Events already received, by webhook or an earlier run. */
  duplicates: number;
  /** Where the next run starts reading. */
  cursor: string | null;
}

// The envelope of every entry is checked here; its snapshot is checked by the handler of its type, exactly as for a
// webhook. Checking every snapshot against this version's catalog would stop reconciliation at the first event type
// the buyer portal adds after us, which the contract promises we can ignore.
const feedPageSchema = z.object({
  data: z.array(z.looseObject({ id: prefixedId("evt"), type: z.string().min(1) })),
  nextCursor: z.string().min(1).nullable(),
});

type FeedPage = z.infer<typeof feedPageSchema>;

// A run stops after this many pages; the next run goes on from where it stopped.
const MAX_PAGES_PER_RUN = 1000;
const RESPONSE_LIMIT = 20_000_000;

/**
 * Catches up on every event the buyer portal has sent, in case a webhook was lost: reads `GET /api/events` from the
 * stored cursor and applies each page in one transaction that moves the cursor. Each event goes through applyOnce,
 * as a webhook does (the event id is the webhook-id, so an event that also came by webhook is a duplicate), nested
 * in the page's transaction: a crash between pages loses nothing, and a page's outcomes are stored with its cursor.
 * An event that cannot be applied does not stop the feed: the reader makes its remaining attempts at once, records
 * it as failed and parked, and reads on; a refused event is recorded likewise. Only an unreadable feed (or page)
 * stops a run.
 *
 * Records how the run went; on failure the cursor stays where it was and the error is thrown for the caller to log.
 */
export async function reconcileEvents(db: ProducerDb, options: ReconcileOptions): Promise<ReconcileResult> {
  const result: ReconcileResult = {
    pages: 0,
    applied: 0,
    ignored: 0,
    refused: 0,
    failed: 0,
    duplicates: 0,
    cursor: null,
  };
  try {
    result.cursor = (await readState(db, [STATE.feedCursor]))[STATE.feedCursor]?.value ?? null;
    for (let read = 0; read < MAX_PAGES_PER_RUN; read++) {
      const page = await fetchPage(options, result.cursor);
      // null: nothing after our cursor yet. Equal: a feed that does not move on; stop rather than loop.
      if (page.nextCursor === null || page.nextCursor === result.cursor || page.data.length === 0) break;
      if (!(await applyPage(db, page, result, options))) break;
      result.pages++;
    }
    await writeState(db, STATE.lastRun, "succeeded");
    return result;
  } catch (error) {
    const message = redactSecrets(error instanceof Error ? error.message : String(error), [options.apiKey]) ?? "";
    // When the database itself is what failed, this cannot be recorded either; the thrown error still says why.
    await db
      .transaction(async (tx) => {
        await writeState(tx, STATE.lastRun, "failed");
        await writeState(tx, STATE.lastError, message);
      })
      .catch(() => {});
    throw new Error(message);
  }
}

/** False when another process moved the cursor first: it is applying this page, so this run stops. */
async function applyPage(db: ProducerDb, page: FeedPage, result: ReconcileResult, options: ReconcileOptions) {
  const next = page.nextCursor as string;
  const context = { publicUrl: options.publicUrl, log: options.log };
  const counts = await db.transaction(async (tx) => {
    if (!(await compareAndSetState(tx, STATE.feedCursor, result.cursor, next))) return undefined;
    const counted = { applied: 0, ignored: 0, refused: 0, failed: 0, duplicates: 0 };
    for (const event of page.data) {
      let applied: ApplyResult;
      // The feed passes each event once: it spends the event's remaining attempts now rather than wait for them.
      do applied = await applyOnce(tx, event, "feed", context);
      while (applied.outcome === "failed" && !applied.parked);
      counted[applied.outcome === "duplicate" ? "duplicates" : applied.outcome]++;
    }
    return counted;
  });
  if (!counts) return false;
  for (const key of ["applied", "ignored", "refused", "failed", "duplicates"] as const) result[key] += counts[key];
  result.cursor = next;
  return true;
}

/** One page of `GET /api/events`, through the client generated from docs/openapi.json. */
async function fetchPage(options: ReconcileOptions, after: string | null): Promise<FeedPage> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const client = buyerClient({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    allowPrivate: options.allowPrivate,
    allowLoopback: options.allowLoopback,
    timeoutMs,
    bodyLimit: RESPONSE_LIMIT,
  });
  const query = { limit: options.pageSize ?? 100, ...(after === null ? {} : { after }) };
  const answer = await client.GET("/api/events", { params: { query } }).catch((error: unknown) => {
    if (error instanceof BuyerCallFailed && error.permanent) {
      throw new Error(`The buyer portal's events feed was not read: ${error.message}`);
    }
    if (error instanceof SyntaxError) {
      throw new Error("The buyer portal's events feed answered with something other than JSON.");
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The buyer portal's events feed could not be read. ${reason}`);
  });
  if (!answer.response.ok) throw new Error(refusal(answer.response.status));
  const page = feedPageSchema.safeParse(answer.data);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new Error(
      `The buyer portal's events feed sent a page that does not match the contract: ${issue.path.join(".") || "(body)"} ${issue.message}.`,
    );
  }
  return page.data;
}

function refusal(status: number): string {
  const fix =
    status === 401
      ? " The buyer portal does not know BUYER_API_KEY; ask its admin for a key."
      : status === 403
        ? " BUYER_API_KEY lacks the lots:read scope."
        : "";
  return `The buyer portal answered ${status} to GET /api/events.${fix}`;
}
