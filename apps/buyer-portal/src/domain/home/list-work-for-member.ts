import { isOperator } from "@lotbridge/auth/is-operator";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { BuyerDb } from "../../db/database";
import { bids, offers } from "../bids/bid-table";
import { contractSignatures, contracts } from "../contracts/contract-table";
import { contractDispatches } from "../deliveries/delivery-tables";
import { lots } from "../lots/lot-table";

/** Who asks: one membership (a person in one buyer organization). */
export interface WorkingMember {
  organizationId: string;
  memberId: string;
}

/** A bid whose latest offer is the producer's and waits for the buyer's answer. */
export interface BidToAnswer {
  bidId: string;
  lotId: string;
  lotNumber: string;
  lotTitle: string;
  producer: string;
  /** The terms of the pending producer offer, exact decimals. */
  volume: string;
  unit: string;
  pricePerUnit: string;
  currency: string;
  /** When the pending offer lapses. */
  expiresAt: Date;
}

export interface ContractToSign {
  contractId: string;
  number: string;
  lotNumber: string;
  lotTitle: string;
  producer: string;
  total: string;
  currency: string;
  producerSigned: boolean;
}

export interface LotClosingSoon {
  lotId: string;
  number: string;
  title: string;
  biddingDeadline: Date;
  liveBidCount: number;
}

/** A load the producer announced for today or earlier that no ticket has been recorded against yet. */
export interface LoadExpected {
  dispatchId: string;
  contractId: string;
  contractNumber: string;
  producer: string;
  /** The day the load is expected, a calendar date ("2027-09-03"). */
  plannedDate: string;
  vehicleReference: string;
  estimatedWeight: string;
  unit: string;
}

/** A contract still open for deliveries after its delivery window ended (flagged by the overdue job). */
export interface ContractOverdue {
  contractId: string;
  number: string;
  producer: string;
  lotNumber: string;
  lotTitle: string;
  deliveryEnd: string;
  overdueSince: Date;
  accepted: string;
  volume: string;
  unit: string;
}

/** A contract in delivery whose accepted quantity is within the tolerance: the buyer may confirm fulfilment. */
export interface ContractReadyToConfirm {
  contractId: string;
  number: string;
  producer: string;
  lotNumber: string;
  lotTitle: string;
  accepted: string;
  volume: string;
  unit: string;
}

/** How many there are, and the first few (the most urgent first) to act on. */
export interface WorkList<T> {
  count: number;
  items: T[];
}

export interface MemberWork {
  /** New bids (and revisions) awaiting accept, reject or counter. */
  bidsAwaitingDecision: WorkList<BidToAnswer>;
  /** The producer countered the buyer's counter-offer back: the buyer's turn again. */
  countersAnswered: WorkList<BidToAnswer>;
  /** Contracts still waiting for the buyer's signature. */
  contractsToSign: WorkList<ContractToSign>;
  /** Published lots whose bidding deadline falls within the next 48 hours. */
  lotsClosingSoon: WorkList<LotClosingSoon>;
  /** Announced loads due today or earlier (in `today`'s calendar) with no ticket yet. */
  loadsExpected: WorkList<LoadExpected>;
  /** Contracts flagged overdue and not yet fulfilled or closed short. */
  contractsOverdue: WorkList<ContractOverdue>;
  /** Contracts in delivery within their tolerance: waiting for the buyer's "Confirm fulfilment". */
  readyToConfirm: WorkList<ContractReadyToConfirm>;
  /** Messages the integration gave up on (dead); null for anyone but an operator, who alone can replay them. */
  undeliveredMessages: { count: number } | null;
}

export const CLOSING_SOON_MS = 48 * 3_600_000;
const SHOWN = 5;

/** The calendar day (UTC) an instant falls on: what "today" is when the caller names no time zone. */
const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/**
 * What needs this member now, for the buyer's home page: one query per kind of work, each counting over the whole
 * organization with a window aggregate and returning the first few, so the page costs eight round trips however much
 * work waits. Everything is the caller's organization's; undelivered messages are portal-wide and shown to operators
 * only (docs/architecture.md, "Accounts"). `today` is the viewer's calendar day, for the loads due by then.
 */
export async function listWorkForMember(
  db: BuyerDb,
  member: WorkingMember,
  now = new Date(),
  today = utcDay(now),
): Promise<MemberWork> {
  const [
    bidsAwaitingDecision,
    countersAnswered,
    contractsToSign,
    lotsClosingSoon,
    loadsExpected,
    contractsOverdue,
    readyToConfirm,
    undeliveredMessages,
  ] = await Promise.all([
    bidsToAnswer(db, member.organizationId, "submitted", now),
    bidsToAnswer(db, member.organizationId, "countered", now),
    unsignedContracts(db, member.organizationId),
    lotsClosingWithin(db, member.organizationId, now),
    loadsDueBy(db, member.organizationId, today),
    overdueContracts(db, member.organizationId),
    contractsWithinTolerance(db, member.organizationId),
    undelivered(db, member.memberId),
  ]);
  return {
    bidsAwaitingDecision,
    countersAnswered,
    contractsToSign,
    lotsClosingSoon,
    loadsExpected,
    contractsOverdue,
    readyToConfirm,
    undeliveredMessages,
  };
}

/** Live bids of `status` on the organization's lots whose pending offer is the producer's and has not lapsed. */
async function bidsToAnswer(
  db: BuyerDb,
  organizationId: string,
  status: "submitted" | "countered",
  now: Date,
): Promise<WorkList<BidToAnswer>> {
  const rows = await db
    .select({
      bidId: bids.id,
      lotId: lots.id,
      lotNumber: lots.number,
      lotTitle: lots.title,
      producer: bids.bidderOrganizationName,
      volume: offers.volume,
      unit: lots.unit,
      pricePerUnit: offers.pricePerUnit,
      currency: bids.currency,
      expiresAt: offers.expiresAt,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(bids)
    .innerJoin(lots, eq(lots.id, bids.lotId))
    .innerJoin(offers, and(eq(offers.bidId, bids.id), eq(offers.status, "pending")))
    .where(
      and(
        eq(lots.organizationId, organizationId),
        eq(bids.status, status),
        eq(offers.fromParty, "producer"),
        gt(offers.expiresAt, now),
      ),
    )
    .orderBy(asc(offers.expiresAt), asc(bids.id))
    .limit(SHOWN);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _, ...item }) => item) };
}

/** Contracts awaiting signatures that the buyer has not signed yet, oldest first. */
async function unsignedContracts(db: BuyerDb, organizationId: string): Promise<WorkList<ContractToSign>> {
  const buyerSignature = alias(contractSignatures, "buyer_signature");
  const rows = await db
    .select({
      contractId: contracts.id,
      number: contracts.number,
      lotNumber: contracts.lotNumber,
      lotTitle: contracts.lotTitle,
      producer: contracts.producerName,
      total: contracts.total,
      currency: contracts.currency,
      producerSigned: sql<boolean>`exists (select 1 from ${contractSignatures} p where p.contract_id = "contract"."id" and p.party = 'producer')`,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(contracts)
    .leftJoin(buyerSignature, and(eq(buyerSignature.contractId, contracts.id), eq(buyerSignature.party, "buyer")))
    .where(
      and(
        eq(contracts.buyerOrganizationId, organizationId),
        eq(contracts.status, "pending_signature"),
        isNull(buyerSignature.contractId),
      ),
    )
    .orderBy(asc(contracts.createdAt), asc(contracts.id))
    .limit(SHOWN);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _, ...item }) => item) };
}

/** Published lots whose deadline is after now and at most 48 hours away, soonest first, with their live bids. */
async function lotsClosingWithin(db: BuyerDb, organizationId: string, now: Date): Promise<WorkList<LotClosingSoon>> {
  const rows = await db
    .select({
      lotId: lots.id,
      number: lots.number,
      title: lots.title,
      biddingDeadline: lots.biddingDeadline,
      liveBidCount:
        sql<number>`(select count(*) from ${bids} b where b.lot_id = "lot"."id" and b.status in ('submitted', 'countered'))`.mapWith(
          Number,
        ),
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(lots)
    .where(
      and(
        eq(lots.organizationId, organizationId),
        eq(lots.status, "published"),
        gt(lots.biddingDeadline, now),
        lte(lots.biddingDeadline, new Date(now.getTime() + CLOSING_SOON_MS)),
      ),
    )
    .orderBy(asc(lots.biddingDeadline), desc(lots.number))
    .limit(SHOWN);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _, ...item }) => item) };
}

/** Contracts that still take deliveries (docs/deliveries.md): dispatches and tickets only while active or in delivery. */
const DELIVERABLE = ["active", "in_delivery"] as const;

/**
 * The accepted quantity of a contract: the current version of each of its tickets, rejected ones counting 0 (their
 * stored accepted quantity). The SQL twin of computeLedger's sum, for lists that cannot build every ledger.
 */
const acceptedOf = sql<string>`(select coalesce(sum(v.accepted_quantity), 0)::numeric(14,3)::text
  from delivery_ticket t join delivery_ticket_version v on v.ticket_id = t.id and v.version = t.current_version
  where t.contract_id = "contract"."id")`;

/** Dispatches of the organization's open contracts planned for `today` or earlier with no ticket against them. */
async function loadsDueBy(db: BuyerDb, organizationId: string, today: string): Promise<WorkList<LoadExpected>> {
  const rows = await db
    .select({
      dispatchId: contractDispatches.id,
      contractId: contracts.id,
      contractNumber: contracts.number,
      producer: contracts.producerName,
      plannedDate: contractDispatches.plannedDate,
      vehicleReference: contractDispatches.vehicleReference,
      estimatedWeight: contractDispatches.estimatedWeight,
      unit: contracts.unit,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(contractDispatches)
    .innerJoin(contracts, eq(contracts.id, contractDispatches.contractId))
    .where(
      and(
        eq(contracts.buyerOrganizationId, organizationId),
        inArray(contracts.status, DELIVERABLE),
        lte(contractDispatches.plannedDate, today),
        // A dispatch is received once the current version of some ticket names it.
        sql`not exists (select 1 from delivery_ticket t join delivery_ticket_version v
          on v.ticket_id = t.id and v.version = t.current_version
          where t.contract_id = ${contractDispatches.contractId} and v.dispatch_id = ${contractDispatches.id})`,
      ),
    )
    .orderBy(asc(contractDispatches.plannedDate), asc(contractDispatches.announcedAt), asc(contractDispatches.id))
    .limit(SHOWN);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _, ...item }) => item) };
}

/** The organization's contracts flagged overdue that still take deliveries, longest overdue first. */
async function overdueContracts(db: BuyerDb, organizationId: string): Promise<WorkList<ContractOverdue>> {
  const rows = await db
    .select({
      contractId: contracts.id,
      number: contracts.number,
      producer: contracts.producerName,
      lotNumber: contracts.lotNumber,
      lotTitle: contracts.lotTitle,
      deliveryEnd: contracts.deliveryEnd,
      overdueSince: contracts.overdueSince,
      accepted: acceptedOf,
      volume: contracts.volume,
      unit: contracts.unit,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.buyerOrganizationId, organizationId),
        inArray(contracts.status, DELIVERABLE),
        isNotNull(contracts.overdueSince),
      ),
    )
    .orderBy(asc(contracts.overdueSince), asc(contracts.id))
    .limit(SHOWN);
  return {
    count: rows[0]?.count ?? 0,
    // Never null here: the query keeps only flagged contracts.
    items: rows.map(({ count: _, overdueSince, ...item }) => ({ ...item, overdueSince: overdueSince as Date })),
  };
}

/**
 * The organization's contracts in delivery whose accepted quantity is within the tolerance, i.e. between
 * volume × (1 − percent/100) rounded up and volume × (1 + percent/100) rounded down to the volume's 3 decimals — the
 * bounds toleranceBounds computes; numeric arithmetic is exact, so both agree to the last gram.
 */
async function contractsWithinTolerance(
  db: BuyerDb,
  organizationId: string,
): Promise<WorkList<ContractReadyToConfirm>> {
  const minimum = sql`ceil(${contracts.volume} * (100 - ${contracts.tolerancePercent}) * 10) / 1000`;
  const maximum = sql`floor(${contracts.volume} * (100 + ${contracts.tolerancePercent}) * 10) / 1000`;
  const rows = await db
    .select({
      contractId: contracts.id,
      number: contracts.number,
      producer: contracts.producerName,
      lotNumber: contracts.lotNumber,
      lotTitle: contracts.lotTitle,
      accepted: acceptedOf,
      volume: contracts.volume,
      unit: contracts.unit,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.buyerOrganizationId, organizationId),
        eq(contracts.status, "in_delivery"),
        sql`${acceptedOf}::numeric between ${minimum} and ${maximum}`,
      ),
    )
    .orderBy(asc(contracts.updatedAt), asc(contracts.id))
    .limit(SHOWN);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _, ...item }) => item) };
}

async function undelivered(db: BuyerDb, memberId: string): Promise<{ count: number } | null> {
  if (!(await isOperator(db, memberId))) return null;
  return { count: await db.$count(outboxMessage, eq(outboxMessage.status, "dead")) };
}
