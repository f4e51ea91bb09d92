/**
 * Search at a season's size: the producer marketplace (`GET /api/marketplace/lots`, a member's session) and the buyer
 * portal's `GET /api/lots/external` (the platform's API key) over 100,000 lots seeded into both portals' real lot
 * tables. Per case — the default list, each filter, `q=` with a common, a rare and an absent word, and a page about
 * 50 pages deep — sequential requests over one connection give p50/p99; 16 connections give the external list's
 * throughput. Every answer is checked: a non-2xx answer, or a row a filter should have excluded, fails the bench.
 */
import type { Lot } from "@lotbridge/contract/lot";
import pg from "pg";
import { sessionCookie } from "../e2e/harness/portal-pair";
import { load } from "./lib/load";
import { spread } from "./lib/percentiles";
import { printReport, type Row } from "./lib/report";
import { startBenchStack } from "./lib/stack";
import type { BenchOptions } from "./run";

const COMMODITIES = ["Wheat", "Barley", "Maize", "Rapeseed", "Sunflower seed", "Soybeans", "Oats", "Rye", "Durum"];
const PLACES = [
  "Port of Hamburg",
  "Northfield Mill, Hamburg",
  "Port of Rouen",
  "Port of Constanța",
  "Antwerp terminal",
  "Rotterdam Botlek",
  "Gdańsk grain terminal",
  "Szczecin",
  "Bremen silo",
  "Feed plant, Lüneburg",
  "Magdeburg mill",
  "Lyon crushing plant",
  "Bordeaux port",
  "Kiel harbour",
  "Poznań warehouse",
  "Brno mill",
  "Linz",
  "Ghent",
];
const ADJECTIVES = ["Milling", "Feed", "Organic", "Malting", "Premium", "Food-grade", "Export", "Conventional"];
const PHRASES = [
  "Harvest 2027, delivered in bulk.",
  "Moisture at most 14 %, free of live insects.",
  "ISCC EU certified, traceable to the field.",
  "Falling number above 250 s, protein from 12 %.",
  "Loaded on trucks or barges at the buyer's choice.",
  "Non-GMO, with a residue analysis per lot.",
  "Weighbridge tickets and a quality certificate with each load.",
  "Stored in ventilated silos since harvest.",
];
/** In one lot of 5,000 (20 at 100,000; 1 in smoke mode): what a search for a rare word must find, all of it. */
const RARE_WORD = "biodynamic";
const ABSENT_WORD = "quinoaxyz";

/** SQL literal of a text array, for the generator below (constants only, never input). */
const array = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

/**
 * Lot `g` of the seed, as the same columns in both portals: mostly published with a deadline ahead, some closed,
 * awarded or still a draft; commodities skewed (wheat a third, durum 6 %, lupins 0.1 %), varied words, places, windows and volumes.
 * `$1` is the seed's moment, `$2` the first lot number.
 */
const LOT_ROWS = `
  select
    'lot_bench' || lpad(g::text, 7, '0') as id,
    'LOT-2026-' || lpad(($2::int + g)::text, 6, '0') as number,
    case when g % 50 = 7 then 'closed' when g % 50 = 13 then 'awarded' when g % 50 = 29 then 'draft'
      else 'published' end as status,
    c.commodity,
    (${array(ADJECTIVES)})[1 + g % ${ADJECTIVES.length}] || ' ' || lower(c.commodity) || ' ' || (g % 97) as title,
    (${array(PHRASES)})[1 + g % ${PHRASES.length}] || ' ' || (${array(PHRASES)})[1 + (g / 7) % ${PHRASES.length}]
      || case when g % 5000 = 17 then ' ${RARE_WORD} farming' else '' end as description,
    'Protein ' || (10 + g % 5) || ' %, moisture ≤ 14 %' as quality_specs,
    v.volume,
    round(v.volume / 10, 3) as min_bid_volume,
    case when g % 3 = 0 then null else round(150 + (g % 1000) / 10.0, 4) end as target_price,
    (${array(PLACES)})[1 + (g * 7) % ${PLACES.length}] as delivery_location,
    (array['DAP','FCA','CPT','EXW','FOB','CIF'])[1 + g % 6] as incoterm,
    date '2027-01-01' + (g * 37) % 540 as delivery_start,
    date '2027-01-01' + (g * 37) % 540 + 14 + g % 60 as delivery_end,
    case when g % 50 in (7, 13) then $1::timestamptz - interval '1 day' * (1 + g % 30)
      else $1::timestamptz + interval '1 minute' * (60 + (g * 7919) % 86400) end as bidding_deadline,
    case when g % 50 = 13 then v.volume else 0 end as allocated_volume,
    case when g % 50 = 29 then null else $1::timestamptz - interval '1 second' * ($3::int - g) end as published_at,
    $1::timestamptz - interval '1 second' * ($3::int - g) - interval '1 hour' as created_at,
    $1::timestamptz - interval '1 second' * ($3::int - g) as updated_at
  from generate_series(1, $3::int) g,
    lateral (select case when g % 1000 = 3 then 'Lupins' else
      (${array(COMMODITIES)})[1 + floor(power((g * 0.6180339887) % 1, 2) * ${COMMODITIES.length})::int] end
      as commodity) c,
    lateral (select (50 + (g * 131) % 9950)::numeric(15, 3) as volume) v
`;

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} at time zone 'UTC', ${ISO})`;

async function seedBuyer(url: string, size: number, moment: Date, firstNumber: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; name: string }>(
      "select id, name from organization where slug = 'northfield-mills'",
    );
    const buyer = rows[0];
    if (!buyer) throw new Error("the demo buyer organization northfield-mills is missing");
    await client.query(
      `insert into lot (id, number, organization_id, status, title, commodity, description, quality_specs, volume,
         unit, min_bid_volume, partial_bids_allowed, target_price, currency, delivery_location, incoterm,
         delivery_start, delivery_end, bidding_deadline, payment_terms, allocated_volume, version, published_seq,
         published_at, created_at, updated_at)
       select id, number, $4, status, title, commodity, description, quality_specs, volume, 't', min_bid_volume,
         true, target_price, 'EUR', delivery_location, incoterm, delivery_start, delivery_end, bidding_deadline,
         '30 days after delivery', allocated_volume, case when status = 'draft' then 1 else 2 end,
         case when status = 'draft' then null else nextval('lot_listing_seq') end, published_at, created_at,
         updated_at
       from (${LOT_ROWS}) seed order by id`,
      [moment, firstNumber, size, buyer.id],
    );
    await client.query("select setval('lot_number_seq', $1)", [firstNumber + size]);
    await client.query("analyze lot");
    return buyer;
  } finally {
    await client.end();
  }
}

/** The same lots in the producer's replica, as applyLotSnapshot stores a lot event's snapshot (drafts never arrive). */
async function seedProducer(
  url: string,
  size: number,
  moment: Date,
  firstNumber: number,
  buyer: Lot["buyerOrganization"],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into market_lot (id, number, status, version, snapshot, commodity, delivery_location, volume,
         allocated_volume, delivery_start, delivery_end, bidding_deadline, published_at, search_text, received_at)
       select id, number, status, 2,
         jsonb_build_object('id', id, 'number', number, 'status', status,
           'buyerOrganization', jsonb_build_object('id', $4::text, 'name', $5::text), 'title', title,
           'commodity', commodity, 'description', description, 'qualitySpecs', quality_specs,
           'volume', volume::text, 'unit', 't', 'minBidVolume', min_bid_volume::text, 'partialBidsAllowed', true,
           'targetPrice', target_price::text, 'currency', 'EUR', 'deliveryLocation', delivery_location,
           'incoterm', incoterm, 'deliveryStart', delivery_start::text, 'deliveryEnd', delivery_end::text,
           'biddingDeadline', ${iso("bidding_deadline")}, 'paymentTerms', '30 days after delivery',
           'allocatedVolume', allocated_volume::text, 'publishedAt', ${iso("published_at")},
           'createdAt', ${iso("created_at")}, 'updatedAt', ${iso("updated_at")}, 'version', 2),
         commodity, delivery_location, volume, allocated_volume, delivery_start, delivery_end, bidding_deadline,
         published_at, concat_ws(' ', number, title, commodity, description, quality_specs, delivery_location, $5::text),
         $1::timestamptz
       from (${LOT_ROWS}) seed where status <> 'draft'`,
      [moment, firstNumber, size, buyer.id, buyer.name],
    );
    await client.query("analyze market_lot");
  } finally {
    await client.end();
  }
}

async function nextLotNumber(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select coalesce(max(substring(number from 10)::int), 0) as n from lot",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

type Page = { data: (Lot & { remainingVolume?: string })[]; nextCursor: string | null };

/** One case: a query, and what every row of its answer must satisfy (and how many rows, when that is known). */
interface Case {
  name: string;
  query: string;
  check: (lot: Lot) => boolean;
  rows?: number;
}

const contains = (text: string, words: string) =>
  words
    .toLowerCase()
    .split(/\s+/)
    .every((word) => text.toLowerCase().includes(word));
const marketText = (lot: Lot) =>
  [
    lot.number,
    lot.title,
    lot.commodity,
    lot.description,
    lot.qualitySpecs,
    lot.deliveryLocation,
    lot.buyerOrganization.name,
  ].join(" ");
const externalText = (lot: Lot) => [lot.number, lot.title, lot.commodity, lot.description].join(" ");

async function get(url: string, headers: Record<string, string>): Promise<Page> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as Page;
}

/** `rounds` sequential requests of one case; every answer checked. */
async function measure(
  portal: string,
  base: string,
  headers: Record<string, string>,
  c: Case,
  rounds: number,
): Promise<Row> {
  const times: number[] = [];
  let returned = 0;
  for (let i = 0; i < rounds + 3; i++) {
    const started = performance.now();
    const page = await get(`${base}?${c.query}`, headers);
    const elapsed = performance.now() - started;
    if (i >= 3) times.push(elapsed); // the first answers warm the route, the plan cache and the buffers
    const wrong = page.data.find((lot) => !c.check(lot));
    if (wrong) throw new Error(`${portal} ${c.name}: ${wrong.number} does not match ${c.query}`);
    if (c.rows !== undefined && page.data.length !== c.rows) {
      throw new Error(`${portal} ${c.name}: ${page.data.length} rows, expected ${c.rows}`);
    }
    returned = page.data.length;
  }
  const { p50, p99 } = spread(times);
  return { portal, case: c.name, p50, p99, rows: returned };
}

/** Follows nextCursor `pages` times, checking that no lot comes twice and the order holds; returns the last cursor. */
async function deepCursor(
  base: string,
  query: string,
  headers: Record<string, string>,
  pages: number,
  order?: (a: Lot, b: Lot) => boolean,
): Promise<{ cursor: string; pages: number }> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  let previous: Lot | undefined;
  let depth = 0;
  for (; depth < pages; depth++) {
    const page: Page = await get(`${base}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, headers);
    for (const lot of page.data) {
      if (seen.has(lot.id)) throw new Error(`${base}: ${lot.number} came twice while paging`);
      if (previous && order && !order(previous, lot)) throw new Error(`${base}: ${lot.number} is out of order`);
      seen.add(lot.id);
      previous = lot;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  if (!cursor) throw new Error(`${base}: no second page`);
  return { cursor, pages: depth };
}

export default async function search({ smoke }: BenchOptions): Promise<void> {
  const size = smoke ? 500 : 100_000;
  const rounds = smoke ? 5 : 200;
  // The lots g with g % 5000 = 17 carry the rare word; all are published (g % 50 = 17), with a deadline ahead.
  const rare = Math.floor((size - 17) / 5000) + 1;
  // LOG_LEVEL info: PortalProcess waits for the portals' "ready" line, which is logged at info (see the report).
  const stack = await startBenchStack({ buyerEnv: { LOG_LEVEL: "info" }, producerEnv: { LOG_LEVEL: "info" } });
  try {
    const { pair } = stack;
    const moment = new Date();
    const firstNumber = await nextLotNumber(pair.env.buyer.DATABASE_URL);
    const seedStarted = performance.now();
    const buyer = await seedBuyer(pair.env.buyer.DATABASE_URL, size, moment, firstNumber);
    await seedProducer(pair.env.producer.DATABASE_URL, size, moment, firstNumber, buyer);
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;

    const now = () => Date.now();
    const open = (lot: Lot) => lot.status === "published" && Date.parse(lot.biddingDeadline) > now();
    const window = { from: "2027-06-01", to: "2027-06-30" };
    const cookie = { cookie: await sessionCookie(pair.producer.url, "lena@greenacre.example") };
    const market = `${pair.producer.url}/api/marketplace/lots`;
    const marketDeep = await deepCursor(
      market,
      "limit=100",
      cookie,
      50,
      (a, b) => a.biddingDeadline <= b.biddingDeadline,
    );
    const marketCases: Case[] = [
      { name: "default list", query: "", check: open },
      { name: "sort=newest", query: "sort=newest", check: open },
      { name: "commodity (common)", query: "commodity=wheat", check: (l) => open(l) && l.commodity === "Wheat" },
      { name: "commodity (6 %)", query: "commodity=durum", check: (l) => open(l) && l.commodity === "Durum" },
      { name: "commodity (0.1 %)", query: "commodity=LUPINS", check: (l) => open(l) && l.commodity === "Lupins" },
      {
        name: "location",
        query: "location=hamburg",
        check: (l) => open(l) && contains(l.deliveryLocation, "hamburg"),
      },
      {
        name: "delivery window",
        query: `deliveryFrom=${window.from}&deliveryTo=${window.to}`,
        check: (l) => open(l) && l.deliveryEnd >= window.from && l.deliveryStart <= window.to,
      },
      {
        name: "volume range",
        query: "minVolume=5000&maxVolume=5100",
        check: (l) => open(l) && Number(l.volume) >= 5000 && Number(l.volume) <= 5100,
      },
      {
        name: "all filters",
        query: `commodity=wheat&location=hamburg&deliveryFrom=${window.from}&deliveryTo=${window.to}&minVolume=100`,
        check: (l) =>
          open(l) &&
          l.commodity === "Wheat" &&
          contains(l.deliveryLocation, "hamburg") &&
          l.deliveryEnd >= window.from &&
          Number(l.volume) >= 100,
      },
      { name: "q common word", query: "q=wheat", check: (l) => open(l) && contains(marketText(l), "wheat") },
      {
        name: "q two words",
        query: "q=organic+silos",
        check: (l) => open(l) && contains(marketText(l), "organic silos"),
      },
      { name: "q 2-letter word", query: "q=gm", check: (l) => open(l) && contains(marketText(l), "gm") },
      { name: "q rare word", query: `q=${RARE_WORD}&limit=100`, check: open, rows: rare },
      { name: "q absent word", query: `q=${ABSENT_WORD}`, check: () => false, rows: 0 },
      {
        name: `page ${marketDeep.pages + 1} (cursor)`,
        query: `limit=100&cursor=${encodeURIComponent(marketDeep.cursor)}`,
        check: open,
      },
    ];

    const key = { "x-api-key": pair.secrets.apiKey };
    const external = `${pair.buyer.url}/api/lots/external`;
    const since = new Date(moment.getTime() - 600_000).toISOString();
    // Listed in publication order (a position the API does not show), so only "never twice" is checked here.
    const externalDeep = await deepCursor(external, "limit=100", key, 50);
    const published = (lot: Lot) => lot.status === "published";
    const externalCases: Case[] = [
      { name: "default list", query: "", check: published },
      { name: "limit=50", query: "limit=50", check: published },
      { name: "status=closed", query: "status=closed", check: (l) => l.status === "closed" },
      { name: "status=awarded", query: "status=awarded", check: (l) => l.status === "awarded" },
      { name: "commodity (common)", query: "commodity=wheat", check: (l) => published(l) && l.commodity === "Wheat" },
      { name: "commodity (6 %)", query: "commodity=durum", check: (l) => published(l) && l.commodity === "Durum" },
      { name: "commodity (0.1 %)", query: "commodity=LUPINS", check: (l) => published(l) && l.commodity === "Lupins" },
      {
        name: "updatedSince (last 10 min)",
        query: `updatedSince=${encodeURIComponent(since)}`,
        check: (l) => published(l) && l.updatedAt >= since,
      },
      { name: "q common word", query: "q=wheat", check: (l) => published(l) && contains(externalText(l), "wheat") },
      {
        name: "q two words",
        query: "q=organic+silos",
        check: (l) => published(l) && contains(externalText(l), "organic silos"),
      },
      { name: "q 2-letter word", query: "q=gm", check: (l) => published(l) && contains(externalText(l), "gm") },
      { name: "q rare word", query: `q=${RARE_WORD}&limit=100`, check: published, rows: rare },
      { name: "q absent word", query: `q=${ABSENT_WORD}`, check: () => false, rows: 0 },
      {
        name: `page ${externalDeep.pages + 1} (cursor)`,
        query: `limit=100&cursor=${encodeURIComponent(externalDeep.cursor)}`,
        check: published,
      },
    ];

    const rows: Row[] = [];
    for (const c of marketCases) rows.push(await measure("producer marketplace", market, cookie, c, rounds));
    for (const c of externalCases) rows.push(await measure("buyer external", external, key, c, rounds));

    const throughput = await load({
      url: `${external}?limit=50`,
      connections: 16,
      seconds: smoke ? 2 : 15,
      headers: key,
      request: () => ({}), // lib/load leaves autocannon's setupRequest undefined without one, which autocannon calls
    });
    if (throughput.non2xx > 0 || throughput.errors > 0) {
      throw new Error(`16 connections: ${throughput.non2xx} non-2xx answers, ${throughput.errors} errors`);
    }
    rows.push({
      portal: "buyer external",
      case: "limit=50, 16 connections",
      p50: throughput.p50,
      p99: throughput.p99,
      rows: 50,
      "req/s": throughput.requestsPerSecond,
    });
    printReport({
      bench: "search",
      smoke,
      rows,
      extra: { lots: size, rareWordLots: rare, rounds, seedSeconds, targetP99Ms: 25 },
    });
  } finally {
    await stack.stop();
  }
}
