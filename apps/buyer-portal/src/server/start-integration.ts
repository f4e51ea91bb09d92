import { describeError } from "@lotbridge/http/logger";
import { emailTransport } from "@lotbridge/notifications/email-transport";
import type { IntervalJob } from "@lotbridge/runtime/start-interval-job";
import { createDispatcher, type Dispatcher } from "@lotbridge/webhooks/create-dispatcher";
import { webhookTransport } from "@lotbridge/webhooks/webhook-transport";
import { startEndpointHealthJob } from "../integration/endpoint-health-job";
import { seedApiKeyFromEnvironment } from "../integration/manage-api-keys";
import { notifyDeliveryFailure } from "../integration/notify-delivery-failure";
import { configureProducerEndpoint } from "../integration/producer-endpoint";
import { type BidExpiryJob, startBidExpiryJob } from "./bid-expiry-job";
import { type ContractOverdueJob, startContractOverdueJob } from "./contract-overdue-job";
import { logger } from "./logger";
import { type LotDeadlineJob, startLotDeadlineJob } from "./lot-deadline-job";
import { portal } from "./portal";

let running:
  | {
      dispatcher: Dispatcher;
      deadlines: LotDeadlineJob;
      expiries: BidExpiryJob;
      overdue: ContractOverdueJob;
      endpointHealth: IntervalJob;
    }
  | undefined;

/**
 * After migrations: applies the first platform's configuration (its webhook endpoint, its seeded API key) and, unless
 * a separate worker does it, starts delivering the outbox from this process. Each webhook names the endpoint it goes
 * to (its destination), so one transport serves every platform's endpoints.
 */
export async function startIntegration(): Promise<void> {
  const { db, config } = portal();
  await configureProducerEndpoint(db, config.PRODUCER_DASHBOARD_WEBHOOK_URL, config.PRODUCER_DASHBOARD_WEBHOOK_SECRET);
  if (await seedApiKeyFromEnvironment(db, config.PRODUCER_API_KEY)) logger.info("API key from PRODUCER_API_KEY stored");
  if (!config.RUN_DISPATCHER || running) return;
  const dispatcher = createDispatcher({
    db,
    databaseUrl: config.DATABASE_URL ?? "",
    transports: {
      email: emailTransport({ smtpUrl: config.SMTP_URL || undefined, from: config.MAIL_FROM, db }),
      webhook: webhookTransport({
        db,
        allowPrivate: config.OUTBOUND_ALLOW_PRIVATE_NETWORKS,
        allowLoopback: config.OUTBOUND_ALLOW_LOOPBACK,
      }),
    },
    scheduleScale: config.OUTBOX_RETRY_SCALE,
    concurrency: config.OUTBOX_CONCURRENCY,
    onRefused: async (tx, message, result) => {
      logger.warn({ messageId: message.id, eventType: message.eventType, error: result.error }, "delivery refused");
      await notifyDeliveryFailure(tx, config.PUBLIC_URL, message, result);
    },
    onDead: async (tx, message, result) => {
      logger.warn({ messageId: message.id, eventType: message.eventType, error: result.error }, "delivery gave up");
      await notifyDeliveryFailure(tx, config.PUBLIC_URL, message, result);
    },
    onError: (error) => logger.warn({ error: describeError(error) }, "dispatcher problem"),
  });
  await dispatcher.start();
  // Several processes may run it: each closing takes the lot's row lock, so a lot is closed once.
  const deadlines = startLotDeadlineJob({ intervalMs: 10_000, logger });
  const expiries = startBidExpiryJob({ intervalMs: 10_000, logger });
  // Each contract is flagged under its row lock, once; a day boundary needs no finer clock than a minute.
  const overdue = startContractOverdueJob({ intervalMs: 60_000, logger });
  // An endpoint failing for WEBHOOK_ENDPOINT_DISABLE_AFTER_HOURS is disabled and the operators told, once.
  const endpointHealth = startEndpointHealthJob({
    db,
    publicUrl: config.PUBLIC_URL,
    logger,
    failingForMs: config.WEBHOOK_ENDPOINT_DISABLE_AFTER_HOURS * 3_600_000,
  });
  running = { dispatcher, deadlines, expiries, overdue, endpointHealth };
  logger.info(
    "Outbox dispatcher, lot deadline, bid expiry, contract overdue and endpoint health jobs running in this process",
  );
}

export async function stopIntegration(): Promise<void> {
  const stopping = running;
  running = undefined;
  await stopping?.deadlines.stop();
  await stopping?.expiries.stop();
  await stopping?.overdue.stop();
  await stopping?.endpointHealth.stop();
  await stopping?.dispatcher.stop();
}
