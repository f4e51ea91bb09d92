import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { bids, offers } from "@/domain/bids/bid-table";
import { publishLot } from "@/domain/lots/publish-lot";
import { integrationEvents } from "@/integration/integration-tables";
import { portal } from "@/server/portal";
import { type buyerOrganization, draftLot, PUBLIC_URL } from "./lots";

const DAY = 86_400_000;

/** A published lot of `buyer`: 500 t of wheat in EUR, minimum bid 50 t, unless changed. */
export async function publishedLot(
  buyer: Awaited<ReturnType<typeof buyerOrganization>>,
  change: Parameters<typeof draftLot>[1] = {},
) {
  const draft = await draftLot(buyer, change);
  return publishLot(portal().db, draft.id, { actor: buyer, publicUrl: PUBLIC_URL });
}

/** A valid bid of producer organization `organizationId` on `lotId`. */
export function bidInput(lotId: string, organizationId = "porg_farm", change: Record<string, unknown> = {}) {
  return {
    lotId,
    externalBidId: `pbid_${Math.random().toString(36).slice(2)}`,
    bidder: {
      organizationId,
      organizationName: `Farm ${organizationId}`,
      name: "Petra Bauer",
      email: "petra@farm.example",
    },
    volume: "120",
    pricePerUnit: "245.50",
    currency: "EUR",
    deliveryTerms: "DAP Hamburg, September",
    message: "Harvest 2027, protein 13 %",
    validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
    ...change,
  };
}

/** Rows of every table a bid writes to: a refusal must leave them all unchanged. */
export async function bidRowCounts() {
  const { db } = portal();
  return {
    bids: await db.$count(bids),
    offers: await db.$count(offers),
    events: await db.$count(integrationEvents),
    outbox: await db.$count(outboxMessage),
    notifications: await db.$count(notification),
  };
}
