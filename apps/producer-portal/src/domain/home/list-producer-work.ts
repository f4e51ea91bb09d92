import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { producerBids } from "../bids/producer-bid-table";
import { producerContracts } from "../contracts/producer-contract-table";
import { producerDispatches } from "../deliveries/producer-dispatch-table";
import { marketLots } from "../marketplace/market-lot-table";
import { savedSearchAlerts, savedSearches } from "../saved-searches/saved-search-table";

/** How soon a bid's validity must end to count as "about to expire". */
export const EXPIRING_WITHIN_MS = 48 * 3_600_000;
/** How long a lot a saved search found counts as new. */
export const NEW_LOT_DAYS = 7;
const SHOWN = 5;

export interface WorkList<T> {
  /** All there are; `items` shows the first few. */
  count: number;
  items: T[];
}

export interface ProducerWork {
  newLots: WorkList<{
    lotId: string;
    number: string;
    title: string;
    searchName: string | null;
    biddingDeadline: string;
  }>;
  counterOffers: WorkList<{
    bidId: string;
    lotNumber: string;
    lotTitle: string;
    volume: string;
    pricePerUnit: string;
    currency: string;
    unit: string;
    expiresAt: string;
  }>;
  contractsToSign: WorkList<{ contractId: string; number: string; lotTitle: string; buyer: string }>;
  expiringBids: WorkList<{ bidId: string; lotNumber: string; lotTitle: string; validUntil: string }>;
  overdueContracts: WorkList<{
    contractId: string;
    number: string;
    lotTitle: string;
    deliveryEnd: string;
    remaining: string;
    unit: string;
  }>;
  loadsToAnnounce: WorkList<{
    contractId: string;
    number: string;
    lotTitle: string;
    buyer: string;
    deliveryStart: string;
    deliveryEnd: string;
  }>;
}

const list = <T>(rows: (T & { total: number })[]): WorkList<T> => ({
  count: rows[0]?.total ?? 0,
  items: rows.map(({ total: _, ...item }) => item as T),
});

const total = sql<number>`(count(*) over ())::int`;

/**
 * What needs the member now. Lots their own saved searches found in the last week that are still open and that their
 * organization has not bid on; and, of their organization: counter-offers from the buyer waiting for an answer (no
 * answer already on its way), contracts waiting for the producer's signature, submitted bids whose validity ends
 * within 48 hours, contracts whose delivery window ended with deliveries open (overdue), and active contracts with no
 * load announced yet (none sending or taken; a refused one does not count). Each list is scoped by the caller's
 * membership or organization; a count and the first few items.
 */
export async function listProducerWork(
  db: ProducerTx,
  member: { memberId: string; organizationId: string },
  now = new Date(),
): Promise<ProducerWork> {
  const since = new Date(now.getTime() - NEW_LOT_DAYS * 86_400_000);
  const [newLots, counterOffers, contractsToSign, expiringBids, overdueContracts, loadsToAnnounce] = await Promise.all([
    db
      .select({
        lotId: marketLots.id,
        number: marketLots.number,
        title: sql<string>`${marketLots.snapshot}->>'title'`,
        searchName: savedSearches.name,
        biddingDeadline: sql<string>`to_char(${marketLots.biddingDeadline} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        total,
      })
      .from(savedSearchAlerts)
      .innerJoin(marketLots, eq(marketLots.id, savedSearchAlerts.lotId))
      .leftJoin(savedSearches, eq(savedSearches.id, savedSearchAlerts.savedSearchId))
      .where(
        and(
          eq(savedSearchAlerts.memberId, member.memberId),
          gt(savedSearchAlerts.createdAt, since),
          eq(marketLots.status, "published"),
          gt(marketLots.biddingDeadline, now),
          sql`not exists (select 1 from ${producerBids} where ${producerBids.lotId} = ${marketLots.id}
                and ${producerBids.organizationId} = ${member.organizationId})`,
        ),
      )
      .orderBy(desc(savedSearchAlerts.createdAt), asc(marketLots.id))
      .limit(SHOWN),
    db
      .select({
        bidId: producerBids.id,
        lotNumber: producerBids.lotNumber,
        lotTitle: producerBids.lotTitle,
        offer: sql<{ volume: string; pricePerUnit: string; expiresAt: string }>`(
          select o from jsonb_array_elements(${producerBids.offers}) o
          where o->>'status' = 'pending' and o->>'fromParty' = 'buyer' limit 1)`,
        currency: producerBids.currency,
        unit: producerBids.unit,
        total,
      })
      .from(producerBids)
      .where(
        and(
          eq(producerBids.organizationId, member.organizationId),
          eq(producerBids.state, "countered"),
          isNull(producerBids.pendingChange),
          sql`exists (select 1 from jsonb_array_elements(${producerBids.offers}) o
                where o->>'status' = 'pending' and o->>'fromParty' = 'buyer' and (o->>'expiresAt')::timestamptz > ${now})`,
        ),
      )
      .orderBy(asc(producerBids.updatedAt), asc(producerBids.id))
      .limit(SHOWN),
    db
      .select({
        contractId: producerContracts.id,
        number: producerContracts.number,
        lotTitle: sql<string>`${producerContracts.snapshot}->'lot'->>'title'`,
        buyer: sql<string>`${producerContracts.snapshot}->'buyer'->>'name'`,
        total,
      })
      .from(producerContracts)
      .where(
        and(
          eq(producerContracts.organizationId, member.organizationId),
          eq(producerContracts.status, "pending_signature"),
          isNull(producerContracts.pendingChange),
          sql`not exists (select 1 from jsonb_array_elements(${producerContracts.snapshot}->'signatures') s
                where s->>'party' = 'producer')`,
        ),
      )
      .orderBy(asc(producerContracts.createdAt), asc(producerContracts.id))
      .limit(SHOWN),
    db
      .select({
        bidId: producerBids.id,
        lotNumber: producerBids.lotNumber,
        lotTitle: producerBids.lotTitle,
        validUntil: sql<string>`to_char(${producerBids.validUntil} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        total,
      })
      .from(producerBids)
      .where(
        and(
          eq(producerBids.organizationId, member.organizationId),
          eq(producerBids.state, "submitted"),
          gt(producerBids.validUntil, now),
          lte(producerBids.validUntil, new Date(now.getTime() + EXPIRING_WITHIN_MS)),
        ),
      )
      .orderBy(asc(producerBids.validUntil), asc(producerBids.id))
      .limit(SHOWN),
    db
      .select({
        contractId: producerContracts.id,
        number: producerContracts.number,
        lotTitle: sql<string>`${producerContracts.snapshot}->'lot'->>'title'`,
        deliveryEnd: sql<string>`${producerContracts.snapshot}->'terms'->>'deliveryEnd'`,
        remaining: sql<string>`${producerContracts.snapshot}->'delivery'->'ledger'->>'remaining'`,
        unit: sql<string>`${producerContracts.snapshot}->'terms'->>'unit'`,
        total,
      })
      .from(producerContracts)
      .where(
        and(
          eq(producerContracts.organizationId, member.organizationId),
          inArray(producerContracts.status, ["active", "in_delivery"]),
          sql`${producerContracts.snapshot}->'delivery'->>'overdueSince' is not null`,
        ),
      )
      .orderBy(sql`${producerContracts.snapshot}->'terms'->>'deliveryEnd'`, asc(producerContracts.id))
      .limit(SHOWN),
    db
      .select({
        contractId: producerContracts.id,
        number: producerContracts.number,
        lotTitle: sql<string>`${producerContracts.snapshot}->'lot'->>'title'`,
        buyer: sql<string>`${producerContracts.snapshot}->'buyer'->>'name'`,
        deliveryStart: sql<string>`${producerContracts.snapshot}->'terms'->>'deliveryStart'`,
        deliveryEnd: sql<string>`${producerContracts.snapshot}->'terms'->>'deliveryEnd'`,
        total,
      })
      .from(producerContracts)
      .where(
        and(
          eq(producerContracts.organizationId, member.organizationId),
          eq(producerContracts.status, "active"),
          sql`not exists (select 1 from ${producerDispatches} where ${producerDispatches.contractId} = ${producerContracts.id}
                and ${producerDispatches.organizationId} = ${member.organizationId} and ${producerDispatches.status} <> 'refused')`,
        ),
      )
      .orderBy(sql`${producerContracts.snapshot}->'terms'->>'deliveryStart'`, asc(producerContracts.id))
      .limit(SHOWN),
  ]);
  return {
    newLots: list(newLots),
    counterOffers: list(
      counterOffers.map(({ offer, ...bid }) => ({
        ...bid,
        volume: offer.volume,
        pricePerUnit: offer.pricePerUnit,
        expiresAt: offer.expiresAt,
      })),
    ),
    contractsToSign: list(contractsToSign),
    expiringBids: list(expiringBids),
    overdueContracts: list(overdueContracts),
    loadsToAnnounce: list(loadsToAnnounce),
  };
}
