import { signatureInputSchema } from "@lotbridge/contract/signature-input";
import { readJson } from "@lotbridge/http/read-json";
import { signContract } from "@/domain/contracts/sign-contract";
import { portal } from "@/server/portal";
import { route } from "@/server/route";
import { answerOnce } from "../../../bids/bid-request";
import { contractReader } from "../../contract-request";

/**
 * A party signs the document whose SHA-256 it names: the producer platform for its organization (signer as sent,
 * once per Idempotency-Key, so a retried call gets the first answer), or a buyer user (signer from the session).
 */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const reader = await contractReader(request);
  const { id } = await params;
  const publicUrl = portal().config.PUBLIC_URL;
  if (reader.party === "buyer") {
    const { documentHash } = await readJson(request, signatureInputSchema.pick({ documentHash: true }));
    const signer = { reader, name: reader.name, email: reader.email };
    return Response.json(await signContract(portal().db, signer, id, documentHash, { publicUrl }), { status: 201 });
  }
  const input = await readJson(request, signatureInputSchema);
  const signer = { reader, name: input.signerName, email: input.signerEmail };
  return answerOnce(
    request,
    reader.caller,
    input,
    (tx) => signContract(tx, signer, id, input.documentHash, { publicUrl }),
    201,
  );
});
