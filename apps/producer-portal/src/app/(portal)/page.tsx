import { currentMember } from "@lotbridge/auth/current-member";
import type { Page } from "@lotbridge/contract/page";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { listProducerWork } from "@/domain/home/list-producer-work";
import { listMarketplaceCommodities } from "@/domain/marketplace/list-marketplace-commodities";
import { listMarketplaceLots } from "@/domain/marketplace/list-marketplace-lots";
import type { MarketplaceLot } from "@/domain/marketplace/marketplace-lot";
import { marketplaceQuerySchema } from "@/domain/marketplace/marketplace-query";
import { savedSearchFilterKeys } from "@/domain/saved-searches/saved-search-input";
import { portal } from "@/server/portal";
import { describeFilters } from "@/ui/describe-filters";
import { LiveRefresh } from "@/ui/live-refresh";
import { SaveSearchForm } from "@/ui/save-search-form";
import { TimeLeft } from "@/ui/time-left";
import { WorkPanel } from "./work-panel";
import "@/ui/marketplace.css";

type Search = Record<string, string | string[] | undefined>;

const FIELDS: { name: string; label: string; type?: string; inputMode?: "decimal"; wide?: boolean }[] = [
  { name: "q", label: "Search", type: "search", wide: true },
  { name: "location", label: "Delivery location" },
  { name: "deliveryFrom", label: "Delivery from", type: "date" },
  { name: "deliveryTo", label: "Delivery until", type: "date" },
  { name: "minVolume", label: "Volume at least", inputMode: "decimal" },
  { name: "maxVolume", label: "Volume at most", inputMode: "decimal" },
];

/**
 * Home: what needs the producer now (live), then the marketplace with its filters and "Save this search". The
 * marketplace stays at `/` so its links (`/?q=…`) and the sign-in landing keep working.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  const timeZone = await readViewerTimeZone();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  ) as Record<string, string | undefined>;
  const parsed = marketplaceQuerySchema.safeParse(raw);
  const errors = Object.fromEntries(parsed.error?.issues.map((i) => [String(i.path[0]), i.message]) ?? []);
  const now = new Date();
  let page: Page<MarketplaceLot> = { data: [], nextCursor: null };
  let cursorRefused = false;
  if (parsed.success) {
    page = await listMarketplaceLots(db, parsed.data, now).catch((error) => {
      if (error?.code !== "validation") throw error;
      cursorRefused = true;
      return page;
    });
  }
  const [commodities, work] = await Promise.all([listMarketplaceCommodities(db, now), listProducerWork(db, me, now)]);
  const filters = parsed.success
    ? Object.fromEntries(savedSearchFilterKeys.flatMap((key) => (parsed.data[key] ? [[key, parsed.data[key]]] : [])))
    : {};
  const next = page.nextCursor
    ? `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v)), cursor: page.nextCursor } as Record<string, string>)}#marketplace`
    : null;

  return (
    <section className="stack">
      <h1>What needs you now</h1>
      <LiveRefresh />
      <WorkPanel work={work} now={now} timeZone={timeZone} />
      <h2 id="marketplace">Marketplace</h2>
      <p className="muted">
        Lots open for bids from buyers. This list is kept in step with the buyer portal and stays available while it is
        unreachable.
      </p>
      <form className="card market-filters" method="get" action="/#marketplace" aria-label="Find lots">
        {FIELDS.slice(0, 1).map((field) => (
          <Filter key={field.name} {...field} value={raw[field.name]} error={errors[field.name]} />
        ))}
        <label className="field">
          <span>Commodity</span>
          <select name="commodity" defaultValue={raw.commodity ?? ""}>
            <option value="">Any</option>
            {commodities.map((commodity) => (
              <option key={commodity} value={commodity}>
                {commodity}
              </option>
            ))}
          </select>
        </label>
        {FIELDS.slice(1).map((field) => (
          <Filter key={field.name} {...field} value={raw[field.name]} error={errors[field.name]} />
        ))}
        <label className="field">
          <span>Sort by</span>
          <select name="sort" defaultValue={raw.sort ?? "deadline"}>
            <option value="deadline">Deadline, soonest first</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
        <button type="submit" className="primary">
          Find lots
        </button>
      </form>
      {parsed.success && <SaveSearchForm filters={filters} summary={describeFilters(filters)} />}

      {!parsed.success || cursorRefused ? (
        <p role="alert" className="error">
          {cursorRefused ? "That page link is out of date; search again." : "Correct the search fields marked above."}
        </p>
      ) : page.data.length === 0 ? (
        <p className="muted">No open lots match{raw.cursor ? " on this page" : ""}.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Lot</th>
              <th>Buyer</th>
              <th>Commodity</th>
              <th>Remaining volume</th>
              <th>Target price</th>
              <th>Delivery</th>
              <th>Time left to bid</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((lot) => (
              <tr key={lot.id}>
                <td>
                  <a href={`/lots/${lot.id}`}>
                    {lot.number} · {lot.title}
                  </a>
                </td>
                <td>{lot.buyerOrganization.name}</td>
                <td>{lot.commodity}</td>
                <td>
                  {formatDecimal(lot.remainingVolume)} of {formatQuantity(lot.volume, lot.unit)}
                </td>
                <td>{lot.targetPrice ? formatPrice(lot.targetPrice, lot.currency, lot.unit) : "open"}</td>
                <td>
                  {lot.deliveryLocation} ({lot.incoterm}), {formatDate(lot.deliveryStart)} –{" "}
                  {formatDate(lot.deliveryEnd)}
                </td>
                <td>
                  <TimeLeft deadline={lot.biddingDeadline} renderedAt={now.toISOString()} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <nav className="pager" aria-label="Pages">
          <a href={next}>Next page</a>
        </nav>
      )}
    </section>
  );
}

function Filter(props: {
  name: string;
  label: string;
  type?: string;
  inputMode?: "decimal";
  wide?: boolean;
  value?: string;
  error?: string;
}) {
  return (
    <div className={`field${props.wide ? " wide" : ""}`}>
      <label htmlFor={`filter-${props.name}`}>{props.label}</label>
      <input
        id={`filter-${props.name}`}
        name={props.name}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        defaultValue={props.value ?? ""}
        aria-invalid={Boolean(props.error)}
        aria-describedby={props.error ? `filter-${props.name}-error` : undefined}
      />
      {props.error && (
        <p id={`filter-${props.name}-error`} className="error">
          {props.error}
        </p>
      )}
    </div>
  );
}
