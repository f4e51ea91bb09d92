import { currentMember } from "@lotbridge/auth/current-member";
import type { Bid } from "@lotbridge/contract/bid";
import { subtractDecimals } from "@lotbridge/contract/decimal";
import type { Offer } from "@lotbridge/contract/offer";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { OfferThread } from "@lotbridge/ui/offer-thread";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { findBuyerBid } from "@/domain/bids/find-buyer-bid";
import { findBuyerContractOfBid } from "@/domain/contracts/find-contract";
import type { LotRow } from "@/domain/lots/lot-table";
import { portal } from "@/server/portal";
import { BidAnswer, type CounterRule } from "@/ui/bid-answer";
import "@/ui/lots.css";
import "@lotbridge/ui/negotiation.css";
import { Facts } from "@lotbridge/ui/facts";

const HOUR = 3_600_000;

/** Counter-offers only while the lot takes bids (docs/contracts.md, "Assumptions"). */
function counterRule(lot: LotRow, now: Date): CounterRule {
  if (lot.status !== "published" || lot.biddingDeadline <= now) {
    const why = lot.status === "published" ? "its bidding deadline has passed" : `it is ${lot.status}`;
    return { open: false, why: `You cannot counter: ${lot.number} takes no counter-offers because ${why}.` };
  }
  const remaining = formatQuantity(subtractDecimals(lot.volume, lot.allocatedVolume), lot.unit);
  const minimum = formatQuantity(lot.minBidVolume, lot.unit);
  return {
    open: true,
    volumeHint: lot.partialBidsAllowed
      ? `${remaining} still open; at least ${minimum} unless it is all of it.`
      : `No partial bids on this lot: the whole ${remaining} still open.`,
    defaultExpiresAt: new Date(now.getTime() + 48 * HOUR).toISOString(),
  };
}

/** What the bid's state means for the buyer right now, when there is nothing to answer. */
function BidOutcome({
  bid,
  pending,
  now,
  contract,
  timeZone,
}: {
  bid: Bid;
  pending?: Offer;
  now: Date;
  contract?: { id: string; number: string };
  timeZone: string;
}) {
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>;
  const producer = bid.bidder.organizationName;
  if (bid.status === "accepted") {
    return (
      <section className="card stack turn" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">Accepted</h2>
        {contract ? (
          <p>
            The accepted terms are contract {contract.number}. <a href={`/contracts/${contract.id}`}>View contract</a>
          </p>
        ) : (
          <p className="muted">The contract for this bid is being prepared; it appears under Contracts.</p>
        )}
      </section>
    );
  }
  if (bid.status === "rejected") {
    return (
      <section className="card stack" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">Rejected</h2>
        <p>Reason: {bid.rejectionReason || "none given"}</p>
      </section>
    );
  }
  if (bid.status === "withdrawn") {
    return <p className="card">{producer} withdrew this bid.</p>;
  }
  if (bid.status === "expired") {
    return <p className="card">This bid expired: its latest offer was not answered in time.</p>;
  }
  if (!pending) return null;
  const expired = new Date(pending.expiresAt) <= now;
  if (pending.fromParty === "buyer") {
    return (
      <p className="card turn" role="status">
        {expired ? (
          <>
            Your counter-offer expired at {when(pending.expiresAt)} without an answer from {producer}.
          </>
        ) : (
          <>
            Waiting for {producer} to answer your counter-offer. It stands until {when(pending.expiresAt)}.
          </>
        )}
      </p>
    );
  }
  return (
    <p className="card">
      {producer}'s offer expired at {when(pending.expiresAt)}; it can no longer be answered.
    </p>
  );
}

export default async function BidPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const found = me ? await findBuyerBid(db, me.organizationId, (await params).id) : undefined;
  if (!found || !me) notFound();
  const { bid, lot } = found;
  const now = new Date();
  const timeZone = await readViewerTimeZone();
  const pending = bid.offers.find((offer) => offer.status === "pending");
  const live = bid.status === "submitted" || bid.status === "countered";
  const buyersTurn = live && pending?.fromParty === "producer" && new Date(pending.expiresAt) > now;
  const contract = bid.status === "accepted" ? await findBuyerContractOfBid(db, me.organizationId, bid.id) : undefined;
  const facts: [string, string][] = [
    ["Volume", formatQuantity(bid.volume, lot.unit)],
    ["Price per unit", formatPrice(bid.pricePerUnit, bid.currency, lot.unit)],
    ["Total", formatMoney(bid.total, bid.currency)],
    ["Delivery terms", bid.deliveryTerms || "—"],
    ["Message", bid.message || "—"],
    ["Valid until", formatDateTime(bid.validUntil, timeZone)],
    ["Placed by", `${bid.bidder.name} (${bid.bidder.email})`],
    ["Placed", formatDateTime(bid.createdAt, timeZone)],
    ["Last change", formatDateTime(bid.updatedAt, timeZone)],
  ];
  return (
    <article className="stack">
      <p>
        <a href={`/lots/${lot.id}`}>
          ← {lot.number} · {lot.title}
        </a>
      </p>
      <h1>
        Bid from {bid.bidder.organizationName} <span className="badge">{bid.status}</span>
      </h1>
      <p className="muted">
        On lot <a href={`/lots/${lot.id}`}>{lot.number}</a> ({lot.commodity}, {formatQuantity(lot.volume, lot.unit)},
        lot {lot.status}).
      </p>
      <section className="card stack" aria-labelledby="terms-heading">
        <h2 id="terms-heading">{bid.status === "accepted" ? "Accepted terms" : "The producer's bid"}</h2>
        <Facts items={facts} />
      </section>
      {buyersTurn && pending ? (
        <BidAnswer
          bidId={bid.id}
          producerName={bid.bidder.organizationName}
          offer={pending}
          unit={lot.unit}
          acceptable={
            lot.status === "published" || lot.status === "closed"
              ? { yes: true }
              : { yes: false, why: `You cannot accept: ${lot.number} is ${lot.status}.` }
          }
          counter={counterRule(lot, now)}
          timeZone={timeZone}
        />
      ) : (
        <BidOutcome bid={bid} pending={pending} now={now} contract={contract} timeZone={timeZone} />
      )}
      <OfferThread
        offers={bid.offers}
        unit={lot.unit}
        parties={{ buyer: "You", producer: "Producer" }}
        timeZone={timeZone}
      />
    </article>
  );
}
