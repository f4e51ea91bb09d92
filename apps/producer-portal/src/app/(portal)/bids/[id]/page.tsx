import { currentMember } from "@lotbridge/auth/current-member";
import { DomainError } from "@lotbridge/contract/problem";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { findOrganizationBid } from "@/domain/bids/find-organization-bid";
import { findMarketplaceLot } from "@/domain/marketplace/find-marketplace-lot";
import { portal } from "@/server/portal";
import { BidForm } from "@/ui/bid-form";
import { BID_STATE_LABEL, pendingChangeText } from "@/ui/bid-states";
import { WithdrawButton } from "@/ui/withdraw-button";

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
  const pending = bid.state === "submitted" ? pendingChangeText(bid.pendingChange?.kind) : undefined;
  const changeable = bid.state === "submitted" && !pending && lot?.status === "published";
  const facts: [string, string][] = [
    ["Lot", `${bid.lotNumber} · ${bid.lotTitle}`],
    ["Volume", `${bid.volume} ${bid.unit}`],
    ["Price per unit", `${bid.pricePerUnit} ${bid.currency}`],
    ["Delivery terms", bid.deliveryTerms || "—"],
    ["Message", bid.message || "—"],
    ["Valid until", bid.validUntil.toUTCString()],
    ["Placed", bid.createdAt.toUTCString()],
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
      <dl className="facts card">
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{label === "Lot" ? <a href={`/lots/${bid.lotId}`}>{value}</a> : value}</dd>
          </div>
        ))}
      </dl>
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
