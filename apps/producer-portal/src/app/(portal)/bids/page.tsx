import { currentMember } from "@lotbridge/auth/current-member";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { listOrganizationBids } from "@/domain/bids/list-organization-bids";
import { portal } from "@/server/portal";
import { BID_STATE_LABEL, pendingChangeText } from "@/ui/bid-states";

export const dynamic = "force-dynamic";

export default async function MyBidsPage() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  const bids = await listOrganizationBids(db, me.organizationId);
  const timeZone = await readViewerTimeZone();
  return (
    <section className="stack">
      <h1>My bids</h1>
      {bids.length === 0 ? (
        <p className="muted">Your organization has not bid yet. Find a lot in the marketplace to bid on.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Lot</th>
              <th>Volume</th>
              <th>Price per unit</th>
              <th>Valid until</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {bids.map((bid) => (
              <tr key={bid.id}>
                <td>
                  <a href={`/bids/${bid.id}`}>
                    {bid.lotNumber} · {bid.lotTitle}
                  </a>
                </td>
                <td>{formatQuantity(bid.volume, bid.unit)}</td>
                <td>{formatPrice(bid.pricePerUnit, bid.currency, bid.unit)}</td>
                <td>{formatDateTime(bid.validUntil, timeZone)}</td>
                <td>
                  <span className="badge">{BID_STATE_LABEL[bid.state]}</span>
                  {bid.refusalReason && <div className="error">{bid.refusalReason}</div>}
                  {bid.pendingChange && <div className="muted">{pendingChangeText(bid.pendingChange.kind)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
