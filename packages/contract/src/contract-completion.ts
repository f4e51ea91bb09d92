import { z } from "zod";
import { fieldError } from "./field-error";
import { optionalText } from "./text";

/** `POST /api/contracts/{id}/complete` (buyer): an active contract is fulfilled — delivered and paid. */
export const contractCompletionSchema = z
  .object(
    {
      note: optionalText(1000, { multiline: true }).describe(
        "Optional; shown to both parties and kept in the status history",
      ),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "ContractCompletion", description: "The buyer declares an active contract fulfilled" });

export type ContractCompletion = z.infer<typeof contractCompletionSchema>;
