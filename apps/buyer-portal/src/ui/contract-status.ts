import type { ContractStatus } from "@lotbridge/contract/contract";

/** How each contract status reads to the buyer. */
export const CONTRACT_STATUS_LABEL: Record<ContractStatus, string> = {
  pending_signature: "pending signature",
  active: "active",
  completed: "completed",
  cancelled: "cancelled",
};
