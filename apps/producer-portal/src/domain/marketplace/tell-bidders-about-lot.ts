import type { Lot } from "@lotbridge/contract/lot";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { and, eq, inArray } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { producerBids } from "../bids/producer-bid-table";
import type { LotSnapshotEvent } from "./apply-lot-snapshot";

/** The lot's terms a bidder relies on, with how a person names them; allocation and status are not terms. */
const TERMS: [keyof Lot, string][] = [
  ["title", "title"],
  ["commodity", "commodity"],
  ["description", "description"],
  ["qualitySpecs", "quality specifications"],
  ["volume", "volume"],
  ["unit", "unit"],
  ["minBidVolume", "minimum bid"],
  ["partialBidsAllowed", "partial bids"],
  ["targetPrice", "target price"],
  ["deliveryLocation", "delivery location"],
  ["incoterm", "incoterm"],
  ["deliveryStart", "delivery start"],
  ["deliveryEnd", "delivery end"],
  ["biddingDeadline", "bidding deadline"],
  ["paymentTerms", "payment terms"],
];

const short = (value: unknown) => {
  const text = String(value ?? "—");
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/**
 * Tells every producer organization with a live bid on the lot (sending, submitted or countered) what happened to
 * it: its terms changed (which, from what to what), bidding closed, or the buyer cancelled it. Called in the
 * transaction that applied the newer snapshot, so a replayed event tells nobody twice.
 */
export async function tellBiddersAboutLot(
  tx: ProducerTx,
  publicUrl: string,
  previous: Lot | null,
  event: LotSnapshotEvent,
): Promise<void> {
  const lot = event.data;
  const name = `${lot.number} ${lot.title}`;
  let notice: { type: string; title: string; body: string; emailByDefault: boolean } | undefined;
  if (event.type === "lot.updated" && previous) {
    const changed = TERMS.filter(([key]) => String(previous[key]) !== String(lot[key])).map(
      ([key, label]) => `${label} ${short(previous[key])} → ${short(lot[key])}`,
    );
    if (changed.length > 0) {
      notice = {
        type: "lot.updated",
        title: `${name} changed`,
        body: `The buyer changed ${changed.join("; ")}. Review your bid.`,
        emailByDefault: true,
      };
    }
  } else if (event.type === "lot.closed") {
    notice = {
      type: "lot.closed",
      title: `Bidding closed on ${name}`,
      body: "The buyer is reviewing the bids; yours stands until it is decided or expires.",
      emailByDefault: false,
    };
  } else if (event.type === "lot.cancelled") {
    notice = {
      type: "lot.withdrawn",
      title: `${name} was withdrawn by the buyer`,
      body: "The buyer cancelled the lot; your bid on it cannot be accepted.",
      emailByDefault: true,
    };
  }
  if (!notice) return;
  const bidders = await tx
    .selectDistinct({ organizationId: producerBids.organizationId, bidId: producerBids.id })
    .from(producerBids)
    .where(and(eq(producerBids.lotId, lot.id), inArray(producerBids.state, ["sending", "submitted", "countered"])));
  for (const { organizationId, bidId } of bidders) {
    await notifyOrganization(tx, publicUrl, { organizationId, link: `/bids/${bidId}`, ...notice });
  }
}
