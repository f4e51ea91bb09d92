import { currentMember } from "@lotbridge/auth/current-member";
import { type LotStatus, lotStatuses } from "@lotbridge/contract/lot";
import { headers } from "next/headers";
import { listOrganizationLots } from "@/domain/lots/find-lots";
import { portal } from "@/server/portal";
import "@/ui/lots.css";

const FILTERS: [LotStatus | undefined, string][] = [
  [undefined, "All"],
  ["draft", "Drafts"],
  ["published", "Published"],
  ["closed", "Closed"],
  ["awarded", "Awarded"],
  ["cancelled", "Cancelled"],
];

export default async function LotsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const requested = (await searchParams).status;
  const status = lotStatuses.find((s) => s === requested);
  const lots = me ? await listOrganizationLots(db, me.organizationId, { status }) : [];
  return (
    <section className="stack">
      <div className="row">
        <h1 style={{ flex: 1 }}>Your lots</h1>
        <a className="button primary" href="/lots/new">
          New lot
        </a>
      </div>
      <nav className="status-filter" aria-label="Filter by status">
        {FILTERS.map(([value, label]) => (
          <a key={label} href={value ? `/?status=${value}` : "/"} aria-current={value === status ? "page" : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {lots.length === 0 ? (
        <p className="muted">{status ? `No ${status} lots.` : "No lots yet. Create one with New lot."}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Number</th>
              <th>Title</th>
              <th>Commodity</th>
              <th>Volume</th>
              <th>Bidding deadline</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((lot) => (
              <tr key={lot.id}>
                <td>
                  <a href={`/lots/${lot.id}`}>{lot.number}</a>
                </td>
                <td>{lot.title}</td>
                <td>{lot.commodity}</td>
                <td>
                  {lot.volume} {lot.unit}
                </td>
                <td>{new Date(lot.biddingDeadline).toUTCString()}</td>
                <td>
                  <span className="badge">{lot.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
