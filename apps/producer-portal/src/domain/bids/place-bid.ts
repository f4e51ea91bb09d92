import type { CurrentMember } from "@lotbridge/auth/current-member";
import type { BidSubmission } from "@lotbridge/contract/bid-submission";
import { requireAcceptableTerms } from "@lotbridge/contract/bid-terms";
import { newId } from "@lotbridge/db/new-id";
import type { z } from "zod";
import type { ProducerTx } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import type { bidFormSchema } from "./bid-form-schema";
import { findOpenLot } from "./find-open-lot";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

export type BidForm = z.infer<typeof bidFormSchema>;

/** Who places the bid, as it names them to the buyer; their membership plays no part. */
export interface Bidder extends Omit<CurrentMember, "memberId"> {
  organizationName: string;
}

/**
 * Stores a producer's bid as `sending` and queues `POST /api/bids` in the same transaction, once the lot's rules
 * hold on this portal's replica. A refusal by the buyer portal marks the bid `refused` (record-bid-answer.ts).
 */
export async function placeBid(
  db: ProducerTx,
  bidder: Bidder,
  lotId: string,
  form: BidForm,
  now = new Date(),
): Promise<ProducerBidRow> {
  return db.transaction(async (tx) => {
    const lot = await findOpenLot(tx, lotId, now);
    requireAcceptableTerms(lot.snapshot, { ...form, expiresAt: form.validUntil }, now);
    const { snapshot } = lot;

    const id = newId("pbid");
    const [bid] = await tx
      .insert(producerBids)
      .values({
        id,
        lotId: lot.id,
        lotNumber: lot.number,
        lotTitle: snapshot.title,
        unit: snapshot.unit,
        organizationId: bidder.organizationId,
        userId: bidder.userId,
        volume: form.volume,
        pricePerUnit: form.pricePerUnit,
        currency: form.currency,
        deliveryTerms: form.deliveryTerms,
        message: form.message,
        validUntil: new Date(form.validUntil),
        state: "sending",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const body: BidSubmission = {
      lotId: lot.id,
      externalBidId: id,
      bidder: {
        organizationId: bidder.organizationId,
        organizationName: bidder.organizationName,
        name: bidder.name,
        email: bidder.email,
      },
      ...form,
    };
    // The producer's bid id is the Idempotency-Key, and the answer finds the bid by it.
    await enqueueCommand(tx, "bid.submit", body, id);
    return bid;
  });
}
