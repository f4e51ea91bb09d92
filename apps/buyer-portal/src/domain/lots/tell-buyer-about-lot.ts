import type { Lot } from "@lotbridge/contract/lot";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import type { OrganizationNotice } from "@lotbridge/notifications/notify-organization";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import type { BuyerTx } from "../../db/database";

export type LotNews = "published" | "closed" | "awarded";

/** "2026-12-01 14:00 UTC": the API speaks ISO-8601, people read this. */
const moment = (iso: string) => formatDateTime(iso, "UTC");

function notice(lot: Lot, news: LotNews): Omit<OrganizationNotice, "organizationId"> {
  const name = `${lot.number} ${lot.title}`;
  const common = {
    link: `/lots/${lot.id}`,
    facts: [
      ["Lot", name],
      ["Volume", formatQuantity(lot.volume, lot.unit)],
      ["Bidding deadline", moment(lot.biddingDeadline)],
    ] as [string, string][],
  };
  switch (news) {
    case "published":
      return {
        ...common,
        type: "lot.published",
        title: "Your lot is now visible to producers",
        body: `${name} is open for bids until ${moment(lot.biddingDeadline)}.`,
        emailByDefault: false,
      };
    case "closed":
      return {
        ...common,
        type: "lot.closed",
        title: `Bidding closed on ${name}`,
        body: "No more bids can be placed; review the bids you received and decide.",
        emailByDefault: true,
      };
    case "awarded":
      return {
        ...common,
        type: "lot.awarded",
        title: `${name} is fully allocated`,
        body: `All ${formatQuantity(lot.volume, lot.unit)} are allocated to accepted bids.`,
        emailByDefault: false,
      };
  }
}

/** Tells every user of the lot's buyer organization, in the transaction of the change (docs/notifications.md). */
export async function tellBuyerAboutLot(tx: BuyerTx, publicUrl: string, lot: Lot, news: LotNews): Promise<void> {
  await notifyOrganization(tx, publicUrl, { organizationId: lot.buyerOrganization.id, ...notice(lot, news) });
}
