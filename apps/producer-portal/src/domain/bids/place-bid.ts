import type { CurrentMember } from "@lotbridge/auth/current-member";
import type { BidSubmission } from "@lotbridge/contract/bid-submission";
import { compareDecimals, subtractDecimals } from "@lotbridge/contract/decimal";
import { DomainError } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import type { Database } from "@lotbridge/webhooks/database";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { enqueueBuyerCall } from "../integration/enqueue-buyer-call";
import { marketLots } from "../marketplace/market-lot-table";
import type { bidFormSchema } from "./bid-form-schema";
import { type ProducerBidRow, producerBids } from "./producer-bid-table";

export type BidForm = z.infer<typeof bidFormSchema>;

export interface Bidder extends CurrentMember {
  organizationName: string;
}

const refuse = (status: number, code: string, field: string, message: string, sentence: string) =>
  new DomainError(code, status, sentence, [{ field, message }]);

/**
 * Stores a producer's bid as `sending` and queues `POST /api/bids` in the same transaction. The lot is checked
 * against this portal's replica so most mistakes are explained at once; the buyer portal checks again against the
 * lot as it is then, and a refusal there marks the bid `refused` (record-buyer-answer.ts).
 */
export async function placeBid(
  db: Database,
  bidder: Bidder,
  lotId: string,
  form: BidForm,
  now = new Date(),
): Promise<ProducerBidRow> {
  return db.transaction(async (tx) => {
    const [lot] = await tx.select().from(marketLots).where(eq(marketLots.id, lotId));
    const snapshot = lot?.snapshot;
    if (!lot || !snapshot || lot.status === "draft" || lot.status === "deleted") {
      throw refuse(404, "lot-not-found", "lotId", "no such lot", "That lot was not found in the marketplace.");
    }
    if (lot.status !== "published" || new Date(snapshot.biddingDeadline) <= now) {
      throw refuse(409, "lot-not-open", "lotId", "is not open for bids", `${lot.number} is not open for bids.`);
    }
    if (form.currency !== snapshot.currency) {
      throw refuse(
        422,
        "currency-mismatch",
        "currency",
        `must be ${snapshot.currency}, the lot's currency`,
        `${lot.number} is priced in ${snapshot.currency}; bid in ${snapshot.currency}.`,
      );
    }
    const remaining = subtractDecimals(snapshot.volume, snapshot.allocatedVolume);
    const wholeRemainder = compareDecimals(form.volume, remaining) === 0;
    if (compareDecimals(form.volume, remaining) > 0) {
      throw refuse(
        422,
        "volume-exceeds-remaining",
        "volume",
        `must be at most ${remaining} ${snapshot.unit}, the volume still open`,
        `${lot.number} has ${remaining} ${snapshot.unit} still open; bid at most that.`,
      );
    }
    if (!snapshot.partialBidsAllowed && !wholeRemainder) {
      throw refuse(
        422,
        "partial-bids-not-allowed",
        "volume",
        `must be the whole ${remaining} ${snapshot.unit}: this lot takes no partial bids`,
        `${lot.number} takes no partial bids; bid for the whole ${remaining} ${snapshot.unit}.`,
      );
    }
    if (compareDecimals(form.volume, snapshot.minBidVolume) < 0 && !wholeRemainder) {
      throw refuse(
        422,
        "volume-below-minimum",
        "volume",
        `must be at least ${snapshot.minBidVolume} ${snapshot.unit}, the lot's minimum bid`,
        `${lot.number} takes bids of at least ${snapshot.minBidVolume} ${snapshot.unit}.`,
      );
    }
    if (new Date(form.validUntil) <= now) {
      throw refuse(422, "valid-until-passed", "validUntil", "must be in the future", "Give a moment in the future.");
    }

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
    await enqueueBuyerCall(tx, { method: "POST", path: "/api/bids", body, idempotencyKey: id });
    return bid;
  });
}
