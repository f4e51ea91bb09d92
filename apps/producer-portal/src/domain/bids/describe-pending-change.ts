import type { PendingChange } from "./producer-bid-table";

/**
 * A pending change in the producer's words: "revision of this bid" while it waits, "revision of the bid on
 * LOT-2026-000123" once the buyer portal refused it. Without a lot number the bid is the one on the page.
 */
export function describePendingChange(kind: PendingChange["kind"] | undefined, lotNumber?: string): string {
  const bid = lotNumber ? `the bid on ${lotNumber}` : "this bid";
  const on = lotNumber ? ` on ${lotNumber}` : "";
  switch (kind) {
    case "revision":
      return `revision of ${bid}`;
    case "withdrawal":
      return `withdrawal of ${bid}`;
    case "acceptance":
      return `acceptance of the buyer's counter-offer${on}`;
    case "rejection":
      return `rejection of the buyer's counter-offer${on}`;
    case "counter-offer":
      return `counter-offer${on}`;
    default:
      return `earlier change of ${bid}`;
  }
}
