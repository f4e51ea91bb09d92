import { currentMember } from "@lotbridge/auth/current-member";
import { lotStatuses } from "@lotbridge/contract/lot";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { listLotsForBuyer } from "@/domain/lots/list-lots-for-buyer";
import { portal } from "@/server/portal";
import "@/ui/lots.css";

const STATUS_LABEL = {
  draft: "Draft",
  published: "Published",
  closed: "Closed",
  awarded: "Awarded",
  cancelled: "Cancelled",
} as const;

type Search = { q?: string; status?: string; commodity?: string; page?: string };

/** The URL of this list with the given filters (empty ones left out). */
function listUrl(search: Search): string {
  const query = new URLSearchParams(
    Object.entries(search).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return query ? `/lots?${query}` : "/lots";
}

/** The organization's lots: search and filters in the URL, each lot with its bids, best live price and open volume. */
export default async function LotsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) notFound();
  const search = await searchParams;
  const q = (search.q ?? "").slice(0, 200);
  const status = lotStatuses.find((s) => s === search.status);
  const commodity = (search.commodity ?? "").slice(0, 200);
  const page = Math.max(Number.parseInt(search.page ?? "1", 10) || 1, 1);
  const [list, timeZone] = await Promise.all([
    listLotsForBuyer(db, me.organizationId, { q, status, commodity, page }),
    readViewerTimeZone(),
  ]);
  const filters = { q, status, commodity };
  const filtered = Boolean(q || status || commodity);
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.lots.length - 1;
  return (
    <section className="stack">
      <div className="row">
        <h1 style={{ flex: 1 }}>Your lots</h1>
        <a className="button primary" href="/lots/new">
          New lot
        </a>
      </div>
      <form method="get" action="/lots" className="row" aria-label="Find lots">
        <label className="field">
          Search
          <input type="search" name="q" defaultValue={q} placeholder="Number, title, commodity, description" />
        </label>
        <label className="field">
          Status
          <select name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {lotStatuses.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Commodity
          <select name="commodity" defaultValue={commodity}>
            <option value="">Any commodity</option>
            {list.commodities.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          Find lots
        </button>
        {filtered && <a href="/lots">Clear filters</a>}
      </form>
      {list.lots.length === 0 ? (
        <p className="muted">
          {filtered
            ? "No lot matches these filters."
            : list.total > 0
              ? "There is no such page."
              : "No lots yet. Create one with New lot."}
        </p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {list.total === 1 ? "1 lot" : `Lots ${first}–${last} of ${list.total}`}
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Number</th>
                  <th>Title</th>
                  <th>Commodity</th>
                  <th>Status</th>
                  <th>Bids</th>
                  <th>Best live price</th>
                  <th>Open volume</th>
                  <th>Bidding deadline</th>
                </tr>
              </thead>
              <tbody>
                {list.lots.map((lot) => (
                  <tr key={lot.id}>
                    <td>
                      <a href={`/lots/${lot.id}`}>{lot.number}</a>
                    </td>
                    <td>{lot.title}</td>
                    <td>{lot.commodity}</td>
                    <td>
                      <span className="badge">{STATUS_LABEL[lot.status]}</span>
                    </td>
                    <td>
                      {lot.bidCount}
                      {lot.liveBidCount > 0 && <div className="muted">{lot.liveBidCount} live</div>}
                    </td>
                    <td>{lot.bestLivePrice ? formatPrice(lot.bestLivePrice, lot.currency, lot.unit) : "—"}</td>
                    <td>
                      {formatQuantity(lot.openVolume, lot.unit)}
                      <div className="muted">of {formatQuantity(lot.volume, lot.unit)}</div>
                    </td>
                    <td>{formatDateTime(lot.biddingDeadline, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {(list.page > 1 || last < list.total) && (
        <nav className="row" aria-label="Pages">
          {list.page > 1 && (
            <a href={listUrl({ ...filters, page: list.page > 2 ? String(list.page - 1) : undefined })}>Previous page</a>
          )}
          {last < list.total && list.lots.length > 0 && (
            <a href={listUrl({ ...filters, page: String(list.page + 1) })}>Next page</a>
          )}
        </nav>
      )}
    </section>
  );
}
