import { currentMember } from "@lotbridge/auth/current-member";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { findLiveBidOnLot } from "@/domain/bids/find-organization-bid";
import { findMarketplaceLot } from "@/domain/marketplace/find-marketplace-lot";
import { portal } from "@/server/portal";
import { BidForm } from "@/ui/bid-form";
import { lotFacts } from "@/ui/lot-facts";
import { TimeLeft } from "@/ui/time-left";
import "@/ui/marketplace.css";
import { Facts } from "@lotbridge/ui/facts";
import { deliveryTermsOf, QualityParametersTable, toleranceFacts } from "./delivery-terms";

const STATE: Record<string, string> = {
  closed: "Bidding on this lot has closed; the buyer is reviewing the bids.",
  awarded: "This lot is fully allocated to accepted bids.",
  cancelled: "The buyer withdrew this lot. Bids on it can no longer be accepted.",
};

export default async function MarketplaceLotPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  const lot = await findMarketplaceLot(db, (await params).id);
  if (!lot) notFound();
  const liveBid = await findLiveBidOnLot(db, me.organizationId, lot.id);
  const now = new Date();
  const timeZone = await readViewerTimeZone();
  const terms = deliveryTermsOf(lot);
  const open = lot.status === "published" && new Date(lot.biddingDeadline) > now;
  return (
    <article className="stack">
      <p>
        <a href="/">← Marketplace</a>
      </p>
      <h1>
        {lot.number} · {lot.title}
      </h1>
      {STATE[lot.status] && (
        <p role="status" className="lot-status-banner">
          {STATE[lot.status]}
        </p>
      )}
      <div className="row card">
        <div>
          <div className="muted">Time left to bid</div>
          <strong>
            {open ? (
              <TimeLeft deadline={lot.biddingDeadline} renderedAt={now.toISOString()} timeZone={timeZone} />
            ) : (
              "bidding has ended"
            )}
          </strong>
        </div>
        <div>
          <div className="muted">Remaining volume</div>
          <strong>{formatQuantity(lot.remainingVolume, lot.unit)}</strong>
        </div>
        <div>
          <div className="muted">Minimum bid</div>
          <strong>{formatQuantity(lot.minBidVolume, lot.unit)}</strong>
        </div>
      </div>
      {lot.description && <p>{lot.description}</p>}
      <Facts items={[...lotFacts(lot, timeZone), ...toleranceFacts({ ...lot, tolerance: terms.tolerance })]} card />
      <QualityParametersTable parameters={terms.qualityParameters} />
      {liveBid && (
        <p role="status" className="card">
          Your organization already bids {formatQuantity(liveBid.volume, liveBid.unit)} at{" "}
          {formatPrice(liveBid.pricePerUnit, liveBid.currency, liveBid.unit)} on this lot.{" "}
          <a href={`/bids/${liveBid.id}`}>Open your bid</a> to follow or change it.
        </p>
      )}
      {open && !liveBid && (
        <BidForm
          lotId={lot.id}
          currency={lot.currency}
          unit={lot.unit}
          remainingVolume={lot.remainingVolume}
          minBidVolume={lot.minBidVolume}
        />
      )}
    </article>
  );
}
