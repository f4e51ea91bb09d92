import { organizationName } from "@lotbridge/auth/create-account";
import type { Bid } from "@lotbridge/contract/bid";
import { requireStorableTotal } from "@lotbridge/contract/bid-terms";
import type { Contract } from "@lotbridge/contract/contract";
import type { Party } from "@lotbridge/contract/offer";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { createContract } from "../contracts/create-contract";
import { allocateLotVolume } from "../lots/allocate-lot-volume";
import type { LotRow } from "../lots/lot-table";
import { type BidRow, bids, type OfferRow, offers } from "./bid-table";
import { publishBid } from "./publish-bid";
import { rejectLiveBids } from "./reject-live-bids";

/**
 * Accepts the pending offer of a bid, inside the caller's transaction, which holds the lot's and the bid's row locks
 * (docs/contracts.md, "Acceptance: one transaction"): the offer's volume is allocated on the lot — refused when more
 * than is open — the bid takes the accepted terms, the contract is created, and an awarded lot's other live bids are
 * rejected. Events and notifications go out in the same transaction. An offer stored before the limits of
 * limits.ts whose total a contract cannot hold is refused (409 `total-too-large`) before anything changes.
 */
export async function acceptOffer(
  tx: BuyerTx,
  { publicUrl, now }: { publicUrl: string; now: Date },
  { lot, bid, offer, by }: { lot: LotRow; bid: BidRow; offer: OfferRow; by: Party },
): Promise<{ bid: Bid; contract: Contract }> {
  requireStorableTotal(offer, 409);
  const allocated = await allocateLotVolume(tx, { organizationId: lot.organizationId, lotId: lot.id }, offer.volume, {
    publicUrl,
    now,
  });
  await tx.update(offers).set({ status: "accepted" }).where(eq(offers.id, offer.id));
  const [accepted] = await tx
    .update(bids)
    .set({
      status: "accepted",
      volume: offer.volume,
      pricePerUnit: offer.pricePerUnit,
      deliveryTerms: offer.deliveryTerms,
      version: sql`${bids.version} + 1`,
      updatedAt: now,
    })
    .where(eq(bids.id, bid.id))
    .returning();
  const snapshot = await publishBid(
    tx,
    by === "buyer" ? "bid.accepted" : "bid.counter_accepted",
    accepted,
    lot.number,
    now,
  );
  const buyerName = (await organizationName(tx, lot.organizationId)) ?? lot.organizationId;
  const contract = await createContract(tx, { lot, buyerName, bid: accepted, offer, now });
  if (allocated.status === "awarded") await rejectLiveBids(tx, lot, bid.id, now);

  const producer = bid.bidderOrganizationName;
  const lotName = `${lot.number} ${lot.title}`;
  const { terms } = contract;
  await notifyOrganization(tx, publicUrl, {
    organizationId: lot.organizationId,
    ...(by === "buyer"
      ? {
          type: "contract.created",
          title: `Contract ${contract.number} created with ${producer}`,
          emailByDefault: false,
        }
      : {
          type: "counter.answered",
          title: `${producer} accepted your counter-offer on ${lotName}`,
          emailByDefault: true,
        }),
    body: `Contract ${contract.number}: ${formatQuantity(terms.volume, terms.unit)} at ${formatPrice(terms.pricePerUnit, terms.currency, terms.unit)}, total ${formatMoney(terms.total, terms.currency)}. Sign it to make it active.`,
    link: `/contracts/${contract.id}`,
    facts: [
      ["Contract", contract.number],
      ["Lot", lotName],
      ["Producer", `${producer} (${bid.bidderName}, ${bid.bidderEmail})`],
      ["Volume", formatQuantity(terms.volume, terms.unit)],
      ["Price", formatPrice(terms.pricePerUnit, terms.currency, terms.unit)],
      ["Total", formatMoney(terms.total, terms.currency)],
    ],
  });
  return { bid: snapshot, contract };
}
