import { currentMember } from "@lotbridge/auth/current-member";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { findOrganizationLot } from "@/domain/lots/find-lots";
import { portal } from "@/server/portal";

export default async function LotPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const lot = me ? await findOrganizationLot(db, me.organizationId, (await params).id) : undefined;
  if (!lot) notFound();
  const facts: [string, string][] = [
    ["Status", lot.status],
    ["Commodity", lot.commodity],
    ["Quality specifications", lot.qualitySpecs || "—"],
    ["Volume", `${lot.volume} ${lot.unit}`],
    ["Minimum bid volume", `${lot.minBidVolume} ${lot.unit}`],
    ["Partial bids", lot.partialBidsAllowed ? "allowed" : "not allowed"],
    ["Target price", lot.targetPrice ? `${lot.targetPrice} ${lot.currency}/${lot.unit}` : "—"],
    ["Delivery", `${lot.deliveryLocation} (${lot.incoterm}), ${lot.deliveryStart} – ${lot.deliveryEnd}`],
    ["Bidding deadline", new Date(lot.biddingDeadline).toUTCString()],
    ["Payment terms", lot.paymentTerms],
  ];
  return (
    <article className="stack">
      <h1>
        {lot.number} · {lot.title}
      </h1>
      {lot.description && <p>{lot.description}</p>}
      <dl className="facts card">
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
