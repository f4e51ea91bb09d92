import type { BidRevision } from "@lotbridge/contract/bid-revision";
import type { BidSubmission } from "@lotbridge/contract/bid-submission";
import type { CounterOfferInput } from "@lotbridge/contract/counter-offer-input";
import type { DispatchInput } from "@lotbridge/contract/delivery";
import type { OfferRejection } from "@lotbridge/contract/offer-rejection";
import type { PongInput } from "@lotbridge/contract/pong";
import type { SignatureInput } from "@lotbridge/contract/signature-input";
import { newId } from "@lotbridge/db/new-id";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import type { ProducerTx } from "../db/database";
import type { BuyerClient } from "./buyer-client";

/** The outbox kind of a command to the buyer portal; the dispatcher's command transport sends it. */
export const BUYER_COMMAND = "buyer-command";
/** The destination every command names: the buyer portal at BUYER_PORTAL_URL. */
export const BUYER_PORTAL = "buyer-portal";

/** What each command carries: the body the buyer portal reads, and the ids its path and headers name. */
export interface CommandBodies {
  "bid.submit": BidSubmission;
  "bid.revise": { bidId: string; organizationId: string; revision: BidRevision };
  "bid.withdraw": { bidId: string; organizationId: string };
  "offer.accept": { bidId: string; offerId: string; organizationId: string };
  "offer.reject": { bidId: string; offerId: string; organizationId: string; rejection: OfferRejection };
  "offer.counter": { bidId: string; organizationId: string; counter: CounterOfferInput };
  "contract.sign": { contractId: string; organizationId: string; signature: SignatureInput };
  "dispatch.announce": { contractId: string; organizationId: string; dispatch: DispatchInput };
  "ping.answer": PongInput;
}

export type CommandKind = keyof CommandBodies;

/** What a typed openapi-fetch call resolves to, whatever the operation. */
type Sent = Promise<{ response: Response; data?: unknown; error?: unknown }>;

interface Command<K extends CommandKind> {
  /** The operation, for the Integration page and the delivery log. */
  call: string;
  /** The typed call: an operation, path parameter or header the document lacks does not compile. */
  send(client: BuyerClient, body: CommandBodies[K], idempotencyKey: string, signal: AbortSignal): Sent;
}

const org = (organizationId: string, idempotencyKey: string) => ({
  "X-Producer-Organization": organizationId,
  "Idempotency-Key": idempotencyKey,
});

/** Every command the producer portal sends the buyer portal, by kind. */
export const commands: { [K in CommandKind]: Command<K> } = {
  "bid.submit": {
    call: "POST /api/bids",
    send: (client, body, key, signal) =>
      client.POST("/api/bids", { params: { header: { "Idempotency-Key": key } }, body, signal }),
  },
  "bid.revise": {
    call: "PATCH /api/bids/{id}",
    send: (client, { bidId, organizationId, revision }, key, signal) =>
      client.PATCH("/api/bids/{id}", {
        params: { path: { id: bidId }, header: org(organizationId, key) },
        body: revision,
        signal,
      }),
  },
  "bid.withdraw": {
    call: "POST /api/bids/{id}/withdraw",
    send: (client, { bidId, organizationId }, key, signal) =>
      client.POST("/api/bids/{id}/withdraw", {
        params: { path: { id: bidId }, header: org(organizationId, key) },
        signal,
      }),
  },
  "offer.accept": {
    call: "POST /api/bids/{id}/counter-offers/{offerId}/accept",
    send: (client, { bidId, offerId, organizationId }, key, signal) =>
      client.POST("/api/bids/{id}/counter-offers/{offerId}/accept", {
        params: { path: { id: bidId, offerId }, header: org(organizationId, key) },
        signal,
      }),
  },
  "offer.reject": {
    call: "POST /api/bids/{id}/counter-offers/{offerId}/reject",
    send: (client, { bidId, offerId, organizationId, rejection }, key, signal) =>
      client.POST("/api/bids/{id}/counter-offers/{offerId}/reject", {
        params: { path: { id: bidId, offerId }, header: org(organizationId, key) },
        body: rejection,
        signal,
      }),
  },
  "offer.counter": {
    call: "POST /api/bids/{id}/counter-offers",
    send: (client, { bidId, organizationId, counter }, key, signal) =>
      client.POST("/api/bids/{id}/counter-offers", {
        params: { path: { id: bidId }, header: org(organizationId, key) },
        body: counter,
        signal,
      }),
  },
  "contract.sign": {
    call: "POST /api/contracts/{id}/signatures",
    send: (client, { contractId, organizationId, signature }, key, signal) =>
      client.POST("/api/contracts/{id}/signatures", {
        params: { path: { id: contractId }, header: org(organizationId, key) },
        body: signature,
        signal,
      }),
  },
  "dispatch.announce": {
    call: "POST /api/contracts/{id}/dispatches",
    send: (client, { contractId, organizationId, dispatch }, key, signal) =>
      client.POST("/api/contracts/{id}/dispatches", {
        params: { path: { id: contractId }, header: org(organizationId, key) },
        body: dispatch,
        signal,
      }),
  },
  "ping.answer": {
    call: "POST /api/integration/pongs",
    send: (client, body, key, signal) =>
      client.POST("/api/integration/pongs", { params: { header: { "Idempotency-Key": key } }, body, signal }),
  },
};

export const isCommandKind = (kind: unknown): kind is CommandKind => typeof kind === "string" && kind in commands;

/**
 * Queues a command to the buyer portal in the caller's transaction: sent only if that transaction commits, and sent
 * again on the retry schedule until the buyer portal answers, always with the same Idempotency-Key (stored as the
 * message's event id; a new one unless the caller derives it from what it does). Returns the message id, which the
 * command's answer is routed back by.
 */
export function enqueueCommand<K extends CommandKind>(
  tx: ProducerTx,
  kind: K,
  body: CommandBodies[K],
  idempotencyKey: string = newId("cmd"),
): Promise<string> {
  return enqueueMessage(tx, {
    kind: BUYER_COMMAND,
    destination: BUYER_PORTAL,
    eventType: kind,
    eventId: idempotencyKey,
    payload: body,
  });
}
