import type { Receipt } from "@lotbridge/webhooks/receive-webhook";
import type { ApplyResult } from "./apply-once";

/**
 * What the webhook answers for an apply step's result. Everything settled is acknowledged, a refused or parked event
 * included: sending either again cannot change it. Only a failed attempt short of parking asks for a retry.
 */
export function receiptOf(result: ApplyResult): Receipt {
  switch (result.outcome) {
    case "applied":
    case "ignored":
      return { acknowledge: { received: true } };
    case "duplicate":
      return { acknowledge: { duplicate: true } };
    case "refused":
      return { acknowledge: { refused: true } };
    case "failed":
      return result.parked ? { acknowledge: { parked: true } } : { retry: true };
  }
}
