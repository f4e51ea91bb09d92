import { isOperator } from "@lotbridge/auth/is-operator";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, asc, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { BuyerDb } from "../../db/database";
import { bids, offers } from "../bids/bid-table";
import { contractSignatures, contracts } from "../contracts/contract-table";
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
  /** Messages the integration gave up on (dead); null for anyone but an operator, who alone can replay them. */
  undeliveredMessages: { count: number } | null;
}

export const CLOSING_SOON_MS = 48 * 3_600_000;
const SHOWN = 5;

/**
 * What needs this member now, for the buyer's home page: one query per kind of work, each counting over the whole
 * organization with a window aggregate and returning the first few, so the page costs five round trips however much
 * work waits. Everything is the caller's organization's; undelivered messages are portal-wide and shown to operators
 * only (docs/architecture.md, "Accounts").
 */
export async function listWorkForMember(db: BuyerDb, member: WorkingMember, now = new Date()): Promise<MemberWork> {
  const [bidsAwaitingDecision, countersAnswered, contractsToSign, lotsClosingSoon, undeliveredMessages] =
    await Promise.all([
      bidsToAnswer(db, member.organizationId, "submitted", now),
      bidsToAnswer(db, member.organizationId, "countered", now),
      unsignedContracts(db, member.organizationId),
      lotsClosingWithin(db, member.organizationId, now),
      undelivered(db, member.memberId),
    ]);
  return { bidsAwaitingDecision, countersAnswered, contractsToSign, lotsClosingSoon, undeliveredMessages };
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

async function undelivered(db: BuyerDb, memberId: string): Promise<{ count: number } | null> {
  if (!(await isOperator(db, memberId))) return null;
  return { count: await db.$count(outboxMessage, eq(outboxMessage.status, "dead")) };
}
