import type { Database } from "@lotbridge/db/database";
import type { OutcomeHooks } from "@lotbridge/webhooks/record-outcome";
import type { OutboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import type { ProducerTx } from "../db/database";
import { type CommandAnswer, recordChangeAnswer, recordSubmitAnswer } from "../domain/bids/record-bid-answer";
import { recordSignatureAnswer } from "../domain/contracts/record-signature-answer";
import { recordDispatchAnswer } from "../domain/deliveries/record-dispatch-answer";
import { BUYER_COMMAND, type CommandKind, isCommandKind } from "./commands-out";

type AnswerHandler = (
  tx: ProducerTx,
  publicUrl: string,
  message: OutboxMessage,
  answer: CommandAnswer,
) => Promise<void>;

const GIVEN_UP = "The buyer portal could not be reached, and this portal stopped trying.";

const changeOfBid: AnswerHandler = (tx, publicUrl, message, answer) =>
  recordChangeAnswer(tx, publicUrl, message.id, answer);

/**
 * Who records the buyer portal's answer to each kind of command. A submission is found by its Idempotency-Key (the
 * producer's bid id); a change of a bid, a signature or a dispatch by the message that carried it.
 */
const answerHandlers: Record<CommandKind, AnswerHandler> = {
  "bid.submit": (tx, publicUrl, message, answer) => recordSubmitAnswer(tx, publicUrl, message.eventId ?? "", answer),
  "bid.revise": changeOfBid,
  "bid.withdraw": changeOfBid,
  "offer.accept": changeOfBid,
  "offer.reject": changeOfBid,
  "offer.counter": changeOfBid,
  "contract.sign": async (tx, publicUrl, message, answer) => {
    await recordSignatureAnswer(tx, publicUrl, message.id, answer);
  },
  "dispatch.announce": (tx, publicUrl, message, answer) => recordDispatchAnswer(tx, publicUrl, message.id, answer),
  // The buyer portal records the pong; nothing here waits for it.
  "ping.answer": async () => {},
};

/**
 * Records how the buyer portal answered a command (or that it was given up), by the command's kind, in the
 * transaction that records the outbox outcome. The dispatcher calls this with `retry` only when the schedule ran out.
 */
export async function recordCommandAnswer(
  tx: ProducerTx,
  publicUrl: string,
  message: OutboxMessage,
  result: SendResult,
): Promise<void> {
  if (message.kind !== BUYER_COMMAND || !isCommandKind(message.eventType)) return;
  await answerHandlers[message.eventType](tx, publicUrl, message, answerOf(result));
}

function answerOf(result: SendResult): CommandAnswer {
  if (result.outcome === "delivered") return { delivered: true, body: result.body };
  if (result.outcome === "retry") {
    return { delivered: false, reason: result.error ? `${GIVEN_UP} The last attempt: ${result.error}` : GIVEN_UP };
  }
  const detail = (result.body as { detail?: unknown } | undefined)?.detail;
  const reason = typeof detail === "string" && detail !== "" ? detail : result.error;
  return { delivered: false, reason: reason ?? "The buyer portal refused it." };
}

/** The dispatcher's hooks for commands: every outcome goes to the answer handler of the command's kind. */
export function commandAnswerHooks(
  publicUrl: string,
  log: (what: string, message: OutboxMessage, result: SendResult) => void,
): OutcomeHooks {
  const warn = (what: string, message: OutboxMessage, result: SendResult) => {
    if (message.kind === BUYER_COMMAND) log(what, message, result);
  };
  // The dispatcher (packages/webhooks) knows no schema; its transaction is this portal's database's own.
  const ours = (tx: Database) => tx as unknown as ProducerTx;
  return {
    onDelivered: (tx, message, result) => recordCommandAnswer(ours(tx), publicUrl, message, result),
    onRefused: async (tx, message, result) => {
      warn("the buyer portal refused a command; it will not be retried", message, result);
      await recordCommandAnswer(ours(tx), publicUrl, message, result);
    },
    onDead: async (tx, message, result) => {
      warn("a command to the buyer portal failed on every retry and was given up", message, result);
      await recordCommandAnswer(ours(tx), publicUrl, message, result);
    },
  };
}
