/** The constants of deliveries, without zod (delivery.ts has the schemas and re-exports these). */

/** At most this many dispatches and this many tickets per contract: a contract's snapshot stays one readable object. */
export const MAX_DISPATCHES = 300;
export const MAX_TICKETS = 300;

export const ticketDecisions = ["accept", "accept_with_discount", "reject"] as const;
export type TicketDecision = (typeof ticketDecisions)[number];
export const discountKinds = ["per_unit", "percent"] as const;
export type DiscountKind = (typeof discountKinds)[number];

export const ledgerEntryKinds = [
  "dispatched",
  "received",
  "corrected",
  "fulfilled",
  "closed_short",
  "overdue",
] as const;
