import { currentMember } from "@lotbridge/auth/current-member";
import { DomainError } from "@lotbridge/contract/problem";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { CONTRACT_STATUS_LABEL } from "@lotbridge/ui/contract-status";
import { OfferThread } from "@lotbridge/ui/offer-thread";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { findOrganizationBid } from "@/domain/bids/find-organization-bid";
import { findBidContract } from "@/domain/contracts/find-organization-contract";
import { findMarketplaceLot } from "@/domain/marketplace/find-marketplace-lot";
import { portal } from "@/server/portal";
import { BidForm } from "@/ui/bid-form";
import { BID_STATE_LABEL, pendingChangeText } from "@/ui/bid-states";
import { CounterOfferPanel } from "@/ui/counter-offer-panel";
import { WithdrawButton } from "@/ui/withdraw-button";
import "@lotbridge/ui/negotiation.css";
import { Facts } from "@lotbridge/ui/facts";

export const dynamic = "force-dynamic";

export default async function BidPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  const bid = await findOrganizationBid(db, me.organizationId, (await params).id).catch((error) => {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  });
  const lot = await findMarketplaceLot(db, bid.lotId);
  const now = new Date();
  const timeZone = await readViewerTimeZone();
  const pending = pendingChangeText(bid.pendingChange?.kind);
  const changeable = bid.state === "submitted" && !pending && lot?.status === "published";
  // The buyer's counter-offer waits for the producer while it is the pending round and has not expired.
  const buyerOffer = bid.offers.find((o) => o.status === "pending" && o.fromParty === "buyer");
  const answerable = bid.state === "countered" && !pending && buyerOffer && new Date(buyerOffer.expiresAt) > now;
  const contract =
    bid.state === "accepted" && bid.buyerBidId
      ? await findBidContract(db, me.organizationId, bid.buyerBidId)
      : undefined;
  const facts: [string, ReactNode][] = [
    [
      "Lot",
      <a key="lot" href={`/lots/${bid.lotId}`}>
        {bid.lotNumber} · {bid.lotTitle}
      </a>,
    ],
    ["Volume", formatQuantity(bid.volume, bid.unit)],
    ["Price per unit", formatPrice(bid.pricePerUnit, bid.currency, bid.unit)],
    ["Delivery terms", bid.deliveryTerms || "—"],
    ["Message", bid.message || "—"],
    ["Valid until", formatDateTime(bid.validUntil, timeZone)],
    ["Placed", formatDateTime(bid.createdAt, timeZone)],
  ];
  return (
    <article className="stack">
      <p>
        <a href="/bids">← My bids</a>
      </p>
      <h1>
        Bid on {bid.lotNumber} <span className="badge">{BID_STATE_LABEL[bid.state]}</span>
      </h1>
      {bid.refusalReason && (
        <p role="alert" className="error">
          {bid.refusalReason}
        </p>
      )}
      {pending && (
        <p role="status" className="card">
          {pending}
        </p>
      )}
      {bid.state === "rejected" && bid.rejectionReason && <p className="card">Reason: {bid.rejectionReason}</p>}
      {bid.state === "accepted" && (
        <p className="card">
          {contract ? (
            <a href={`/contracts/${contract.id}`}>
              Contract {contract.number} ({CONTRACT_STATUS_LABEL[contract.status].toLowerCase()})
            </a>
          ) : (
            "The contract is on its way from the buyer portal."
          )}
        </p>
      )}
      <Facts items={facts} card />
      {answerable && buyerOffer && (
        <CounterOfferPanel
          bidId={bid.id}
          offer={buyerOffer}
          unit={bid.unit}
          renderedAt={now.toISOString()}
          timeZone={timeZone}
        />
      )}
      {bid.state === "countered" && !pending && buyerOffer && !answerable && (
        <p className="card">The buyer's counter-offer expired without an answer.</p>
      )}
      <OfferThread
        offers={bid.offers}
        unit={bid.unit}
        parties={{ buyer: "The buyer", producer: "You" }}
        timeZone={timeZone}
      />
      {changeable && lot && (
        <>
          <BidForm
            lotId={lot.id}
            currency={lot.currency}
            unit={lot.unit}
            remainingVolume={lot.remainingVolume}
            minBidVolume={lot.minBidVolume}
            revising={{
              id: bid.id,
              volume: bid.volume,
              pricePerUnit: bid.pricePerUnit,
              deliveryTerms: bid.deliveryTerms,
              message: bid.message,
              validUntil: bid.validUntil.toISOString(),
            }}
          />
          <p>
            <WithdrawButton bidId={bid.id} />
          </p>
        </>
      )}
    </article>
  );
}
