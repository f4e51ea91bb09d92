import { z } from "zod";
import { fieldError } from "./field-error";

const message = "must be the SHA-256 of the contract PDF as 64 lowercase hexadecimal characters";

/** SHA-256 of the exact PDF bytes a party signed, so either side can prove which document was signed. */
export function documentHash() {
  return z
    .string({ error: fieldError(message) })
    .regex(/^[0-9a-f]{64}$/, { error: message })
    .describe("SHA-256 of the contract PDF (GET /api/contracts/{id}/document), lowercase hex");
}
