/** A contract's statuses as both portals receive them (@lotbridge/contract/contract). */
export type ContractStatus =
  | "pending_signature"
  | "active"
  | "in_delivery"
  | "fulfilled"
  | "closed_short"
  | "completed"
  | "cancelled";

/** How each contract status reads, in both portals. */
export const CONTRACT_STATUS_LABEL: Record<ContractStatus, string> = {
  pending_signature: "Waiting for signatures",
  active: "Active",
  in_delivery: "In delivery",
  fulfilled: "Fulfilled",
  closed_short: "Closed short",
  completed: "Completed",
  cancelled: "Cancelled",
};
