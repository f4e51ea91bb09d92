import { describeError } from "@lotbridge/http/logger";
import { emailTransport } from "@lotbridge/notifications/email-transport";
import { createDispatcher, type Dispatcher } from "@lotbridge/webhooks/create-dispatcher";
import type { OutboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import { commandAnswerHooks } from "../integration/answers";
import { BUYER_COMMAND } from "../integration/commands-out";
import { commandTransport, describeCommand } from "../integration/commands-out-transport";
import { reconcileEvents } from "../integration/reconcile-events";
import { logger } from "./logger";
import { portal } from "./portal";
import { type ReconciliationJob, startReconciliationJob } from "./reconciliation-job";

let running: { dispatcher: Dispatcher; reconciliation: ReconciliationJob } | undefined;

function warn(what: string, message: OutboxMessage, result: SendResult): void {
  logger.warn(
    { messageId: message.id, call: describeCommand(message), status: result.status, error: result.error },
    what,
  );
}

/**
 * The integration's background work, in the process that runs the dispatcher (RUN_DISPATCHER): delivering the
 * outbox's calls to the buyer portal, and reading the buyer portal's events feed to catch up on lost webhooks.
 * Web servers with RUN_DISPATCHER=false leave both to `npm run worker`.
 */
export async function startIntegration(): Promise<void> {
  const { db, config } = portal();
  if (!config.RUN_DISPATCHER || running) return;
  const dispatcher = createDispatcher({
    db,
    databaseUrl: config.DATABASE_URL ?? "",
    transports: {
      email: emailTransport({ smtpUrl: config.SMTP_URL || undefined, from: config.MAIL_FROM, db }),
      [BUYER_COMMAND]: commandTransport({
        baseUrl: config.BUYER_PORTAL_URL,
        apiKey: config.BUYER_API_KEY,
        allowPrivate: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS,
        allowLoopback: config.OUTBOUND_ALLOW_LOOPBACK,
      }),
    },
    scheduleScale: config.OUTBOX_RETRY_SCALE,
    concurrency: config.OUTBOX_CONCURRENCY,
    ...commandAnswerHooks(config.PUBLIC_URL, warn),
    onError: (error) => logger.warn({ error: describeError(error) }, "outbox dispatcher problem"),
  });
  await dispatcher.start();
  const reconciliation = startReconciliationJob({
    run: () =>
      reconcileEvents(db, {
        baseUrl: config.BUYER_PORTAL_URL,
        apiKey: config.BUYER_API_KEY,
        allowPrivate: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS,
        allowLoopback: config.OUTBOUND_ALLOW_LOOPBACK,
        publicUrl: config.PUBLIC_URL,
        log: logger,
      }),
    intervalMs: config.RECONCILE_INTERVAL_SECONDS * 1000,
    logger,
  });
  running = { dispatcher, reconciliation };
  logger.info("Outbox dispatcher and reconciliation with the buyer portal running in this process");
}

export async function stopIntegration(): Promise<void> {
  const stopping = running;
  running = undefined;
  await stopping?.reconciliation.stop();
  await stopping?.dispatcher.stop();
}
