import type { PendingChange, ProducerBidState } from "@/domain/bids/producer-bid-table";

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
export function pendingChangeText(kind: PendingChange["kind"] | undefined): string | undefined {
  switch (kind) {
    case "revision":
      return "Your revision is on its way to the buyer.";
    case "withdrawal":
      return "Your withdrawal is on its way to the buyer.";
    case "acceptance":
      return "Your acceptance of the counter-offer is on its way to the buyer; the contract follows.";
    case "rejection":
      return "Your rejection of the counter-offer is on its way to the buyer.";
    case "counter-offer":
      return "Your counter-offer is on its way to the buyer.";
    default:
      return undefined;
  }
}
