import type { ContractStatus } from "@lotbridge/contract/contract";

/** How each contract status reads to a producer. */
export const CONTRACT_STATUS_LABEL: Record<ContractStatus, string> = {
  pending_signature: "Waiting for signatures",
  active: "Active",
  completed: "Completed",
  cancelled: "Cancelled",
};
