import { z } from "zod";
import { fieldError } from "./field-error";
import { requiredText } from "./text";

/** `POST /api/contracts/{id}/cancel` (buyer): why the contract is called off, before it is active. */
export const contractCancellationSchema = z
  .object(
    {
      reason: requiredText(1000, { multiline: true }).describe("Shown to both parties and kept in the status history"),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "ContractCancellation", description: "Why the buyer cancels a contract" });

export type ContractCancellation = z.infer<typeof contractCancellationSchema>;
