/** A contract's statuses as both portals receive them (@lotbridge/contract/contract). */
export type ContractStatus = "pending_signature" | "active" | "completed" | "cancelled";

/** How each contract status reads, in both portals. */
export const CONTRACT_STATUS_LABEL: Record<ContractStatus, string> = {
  pending_signature: "Waiting for signatures",
  active: "Active",
  completed: "Completed",
  cancelled: "Cancelled",
};
