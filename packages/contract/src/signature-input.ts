import { z } from "zod";
import { documentHash } from "./document-hash";
import { emailAddress } from "./email-address";
import { fieldError } from "./field-error";
import { requiredText } from "./text";

/** `POST /api/contracts/{id}/signatures`: the producer's signature on the contract document it downloaded. */
export const signatureInputSchema = z
  .object(
    {
      signerName: requiredText(200),
      signerEmail: emailAddress(),
      documentHash: documentHash(),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "SignatureInput", description: "A party's signature on the current contract document" });

export type SignatureInput = z.infer<typeof signatureInputSchema>;
