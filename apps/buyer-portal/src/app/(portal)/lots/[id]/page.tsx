import { currentMember } from "@lotbridge/auth/current-member";
import { subtractDecimals } from "@lotbridge/contract/decimal";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { formatRelativeDeadline } from "@lotbridge/format/format-relative-deadline";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { listLotBids } from "@/domain/bids/list-lot-bids";
import { findOrganizationLot } from "@/domain/lots/find-lots";
import { portal } from "@/server/portal";
import { BidComparison } from "@/ui/bid-comparison";
import { BidPriceChart } from "@/ui/bid-price-chart";
import { LotActions } from "@/ui/lot-actions";
import "@/ui/lots.css";
import { Facts } from "@lotbridge/ui/facts";
import { describeLotTolerance, QualityParametersTable, toleranceRange } from "./delivery-terms";

export default async function LotPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const lot = me ? await findOrganizationLot(db, me.organizationId, (await params).id) : undefined;
  if (!lot || !me) notFound();
  const lotBids = (await listLotBids(db, me.organizationId, lot.id)) ?? [];
  const timeZone = await readViewerTimeZone();
  const deadline = formatDateTime(lot.biddingDeadline, timeZone);
  const facts: [string, string][] = [
    ["Status", lot.status],
    ["Commodity", lot.commodity],
    ["Quality specifications", lot.qualitySpecs || "—"],
    ["Volume", formatQuantity(lot.volume, lot.unit)],
    ["Minimum bid volume", formatQuantity(lot.minBidVolume, lot.unit)],
    ["Partial bids", lot.partialBidsAllowed ? "allowed" : "not allowed"],
    ["Target price", lot.targetPrice ? formatPrice(lot.targetPrice, lot.currency, lot.unit) : "—"],
    ["Currency", lot.currency],
    ["Delivery location", lot.deliveryLocation],
    ["Incoterm", lot.incoterm],
    ["Delivery window", `${formatDate(lot.deliveryStart)} – ${formatDate(lot.deliveryEnd)}`],
    ["Delivery tolerance", describeLotTolerance(lot.tolerance)],
    ["Within tolerance (whole volume)", toleranceRange(lot)],
    [
      "Bidding deadline",
      lot.status === "published"
        ? `${deadline} (${formatRelativeDeadline(lot.biddingDeadline, new Date())})`
        : deadline,
    ],
    ["Payment terms", lot.paymentTerms],
    ["Published", lot.publishedAt ? formatDateTime(lot.publishedAt, timeZone) : "not yet"],
    ["Version", String(lot.version)],
  ];
  return (
    <article className="stack">
      <h1>
        {lot.number} · {lot.title}
      </h1>
      <LotActions lot={lot} />
      {lot.description && <p>{lot.description}</p>}
      <Facts items={facts} card />
      <QualityParametersTable parameters={lot.qualityParameters} />
      <section className="card stack" aria-labelledby="bids-heading">
        <h2 id="bids-heading">Bids</h2>
        {lotBids.length > 0 && <a href={`/lots/${lot.id}/bids.csv`}>Download bids (CSV)</a>}
        <dl className="facts">
          <dt>Allocated to accepted bids</dt>
          <dd>{formatQuantity(lot.allocatedVolume, lot.unit)}</dd>
          <dt>Remaining</dt>
          <dd>{formatQuantity(subtractDecimals(lot.volume, lot.allocatedVolume), lot.unit)}</dd>
        </dl>
        {lotBids.length > 0 ? (
          <>
            <BidComparison
              bids={lotBids}
              unit={lot.unit}
              openVolume={subtractDecimals(lot.volume, lot.allocatedVolume)}
              timeZone={timeZone}
            />
            <BidPriceChart bids={lotBids} targetPrice={lot.targetPrice} currency={lot.currency} unit={lot.unit} />
          </>
        ) : (
          <p className="muted">
            {lot.status === "draft"
              ? "Producers can bid once the lot is published."
              : "No bids yet. Bids from producers appear here as they arrive."}
          </p>
        )}
      </section>
    </article>
  );
}
