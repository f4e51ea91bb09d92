import { listMessages } from "@lotbridge/webhooks/list-messages";
import { messageAttempts } from "@lotbridge/webhooks/message-attempts";
import { inboxMessage } from "@lotbridge/webhooks/tables";
import { desc } from "drizzle-orm";
import type { ProducerDb } from "../db/database";
import { BUYER_COMMAND } from "./commands-out";
import { describeCommand } from "./commands-out-transport";
import { readState, STATE } from "./integration-state";

export interface IntegrationStatus {
  buyerPortalUrl: string;
  /** The newest event recorded in the inbox, by webhook or by reconciliation. */
  lastEventReceived: { id: string; type: string; receivedAt: string } | null;
  reconciliation: {
    cursor: string | null;
    lastRun: { at: string; outcome: string } | null;
    lastError: { at: string; message: string } | null;
  };
  /** Calls to the buyer portal, newest first, each with its delivery log. */
  outbound: OutboundCall[];
}

export interface OutboundCall {
  id: string;
  /** e.g. "POST /api/integration/pongs"; the body is not shown, it may carry another organization's bid. */
  call: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  log: {
    attempt: number;
    at: string;
    statusCode: number | null;
    latencyMs: number;
    outcome: string;
    error: string | null;
  }[];
}

/** What an admin needs to tell whether the two portals are talking: both directions and the catch-up job. */
export async function integrationStatus(
  db: ProducerDb,
  options: { buyerPortalUrl: string; limit?: number },
): Promise<IntegrationStatus> {
  const [latest] = await db.select().from(inboxMessage).orderBy(desc(inboxMessage.receivedAt)).limit(1);
  const state = await readState(db, [STATE.feedCursor, STATE.lastRun, STATE.lastError]);
  const lastRun = state[STATE.lastRun];
  const lastError = state[STATE.lastError];
  const messages = await listMessages(db, { kind: BUYER_COMMAND, limit: options.limit ?? 20 });
  const outbound = await Promise.all(
    messages.map(async (message): Promise<OutboundCall> => {
      return {
        id: message.id,
        call: describeCommand(message),
        status: message.status,
        attempts: message.attempts,
        lastStatus: message.lastStatus,
        lastError: message.lastError,
        createdAt: message.createdAt.toISOString(),
        nextAttemptAt: message.status === "pending" ? message.nextAttemptAt.toISOString() : null,
        deliveredAt: message.deliveredAt?.toISOString() ?? null,
        log: (await messageAttempts(db, message.id)).map((attempt) => ({
          attempt: attempt.attemptNumber,
          at: attempt.startedAt.toISOString(),
          statusCode: attempt.statusCode,
          latencyMs: attempt.latencyMs,
          outcome: attempt.outcome,
          error: attempt.error,
        })),
      };
    }),
  );
  return {
    buyerPortalUrl: options.buyerPortalUrl,
    lastEventReceived: latest
      ? { id: latest.webhookId, type: latest.eventType, receivedAt: latest.receivedAt.toISOString() }
      : null,
    reconciliation: {
      cursor: state[STATE.feedCursor]?.value ?? null,
      lastRun: lastRun ? { at: lastRun.updatedAt.toISOString(), outcome: lastRun.value } : null,
      lastError: lastError ? { at: lastError.updatedAt.toISOString(), message: lastError.value } : null,
    },
    outbound,
  };
}
