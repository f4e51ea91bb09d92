import type { Page } from "@lotbridge/contract/page";
import { listMarketplaceCommodities } from "@/domain/marketplace/list-marketplace-commodities";
import { listMarketplaceLots } from "@/domain/marketplace/list-marketplace-lots";
import type { MarketplaceLot } from "@/domain/marketplace/marketplace-lot";
import { marketplaceQuerySchema } from "@/domain/marketplace/marketplace-query";
import { portal } from "@/server/portal";
import { TimeLeft } from "@/ui/time-left";
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

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { db } = portal();
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
  const commodities = await listMarketplaceCommodities(db, now);
  const next = page.nextCursor
    ? `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v)), cursor: page.nextCursor } as Record<string, string>)}`
    : null;

  return (
    <section className="stack">
      <h1>Marketplace</h1>
      <p className="muted">
        Lots open for bids from buyers. This list is kept in step with the buyer portal and stays available while it is
        unreachable.
      </p>
      <form className="card market-filters" method="get" aria-label="Find lots">
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
                  {lot.remainingVolume} of {lot.volume} {lot.unit}
                </td>
                <td>{lot.targetPrice ? `${lot.targetPrice} ${lot.currency}/${lot.unit}` : "open"}</td>
                <td>
                  {lot.deliveryLocation} ({lot.incoterm}), {lot.deliveryStart} – {lot.deliveryEnd}
                </td>
                <td>
                  <TimeLeft deadline={lot.biddingDeadline} renderedAt={now.toISOString()} />
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
