import type { ProducerBidState } from "@/domain/bids/producer-bid-table";

/** How each bid state reads to a producer. */
export const BID_STATE_LABEL: Record<ProducerBidState, string> = {
  sending: "Sending to the buyer…",
  submitted: "Submitted",
  countered: "Counter-offer received",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  expired: "Expired",
  refused: "Refused by the buyer portal",
};

/** What the producer asked for and the buyer portal has not answered yet, in a sentence. */
export function pendingChangeText(kind: "revision" | "withdrawal" | undefined): string | undefined {
  if (kind === "revision") return "Your revision is on its way to the buyer.";
  if (kind === "withdrawal") return "Your withdrawal is on its way to the buyer.";
  return undefined;
}
