import type { Bid } from "@lotbridge/contract/bid";
import { compareDecimals } from "@lotbridge/contract/decimal";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";

const WIDTH = 560;
const HEIGHT = 220;
const PAD = 40;
/** The plot starts below the legend row. */
const PLOT_TOP = 34;
const TARGET_COLOUR = "#a61b1b";
const BEST_COLOUR = "#1d6b3a";

const live = (bid: Bid) => bid.status === "submitted" || bid.status === "countered";

/** The lowest price among live bids (the buyer pays it), exact; undefined without live bids. */
function bestLivePrice(bids: Bid[]): string | undefined {
  return bids
    .filter(live)
    .map((bid) => bid.pricePerUnit)
    .reduce<string | undefined>((best, price) => (!best || compareDecimals(price, best) < 0 ? price : best), undefined);
}

/**
 * Each bid's price per unit as a bar (live bids solid, decided ones pale), with the lot's target price (dashed) and
 * the best live price (solid) as lines across: drawn on the server as SVG, no chart library and nothing loaded from
 * elsewhere. Heights use floats, which is fine for a picture; every figure written on it is the exact decimal.
 * The price axis starts below the lowest price (not at zero) so that bids a few per cent apart look apart; the
 * caption says where it starts. The lines' labels sit in a legend row above the plot, where they cannot cover a bar.
 */
export function BidPriceChart({
  bids,
  targetPrice,
  currency,
  unit,
}: {
  bids: Bid[];
  targetPrice: string | null;
  currency: string;
  unit?: string;
}) {
  if (bids.length === 0) return null;
  const price = (amount: string) => (unit ? formatPrice(amount, currency, unit) : formatMoney(amount, currency));
  const prices = bids.map((b) => Number(b.pricePerUnit));
  const target = targetPrice ? Number(targetPrice) : undefined;
  const bestPrice = bestLivePrice(bids);
  const best = bestPrice ? Number(bestPrice) : undefined;
  const values = target === undefined ? prices : [...prices, target];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const spread = high - low || high * 0.05 || 1;
  const floor = Math.max(0, low - spread * 0.6);
  const top = high + spread * 0.25;
  const y = (value: number) => HEIGHT - PAD - ((value - floor) / (top - floor)) * (HEIGHT - PAD - PLOT_TOP);
  const slot = (WIDTH - 2 * PAD) / bids.length;
  // A lone bid would otherwise be a wall across the chart.
  const bar = Math.min(slot * 0.6, 72);
  const summary = [
    `Bid prices in ${currency}`,
    bestPrice ? `best live price ${price(bestPrice)}` : "no live bids",
    targetPrice ? `target price ${price(targetPrice)}` : "no target price",
  ].join("; ");
  return (
    <figure className="card" data-testid="bid-price-chart">
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="#8a96a3" />
        {bids.map((bid, i) => (
          <g key={bid.id}>
            <rect
              x={PAD + i * slot + (slot - bar) / 2}
              y={y(prices[i])}
              width={bar}
              height={HEIGHT - PAD - y(prices[i])}
              fill="#1f5f8b"
              fillOpacity={live(bid) ? 1 : 0.35}
            >
              <title>{`${bid.bidder.organizationName}: ${price(bid.pricePerUnit)} (${bid.status})`}</title>
            </rect>
            <text x={PAD + i * slot + slot / 2} y={HEIGHT - PAD + 14} fontSize="10" textAnchor="middle" fill="#1c2733">
              {bid.bidder.organizationName.slice(0, 14)}
            </text>
            <text
              x={PAD + i * slot + slot / 2}
              y={y(prices[i]) + 14}
              fontSize="10"
              textAnchor="middle"
              fill={live(bid) ? "#ffffff" : "#1c2733"}
            >
              {formatDecimal(bid.pricePerUnit, 2)}
            </text>
          </g>
        ))}
        {target !== undefined && targetPrice && (
          <g data-testid="chart-target">
            <line
              x1={PAD}
              y1={y(target)}
              x2={WIDTH - PAD}
              y2={y(target)}
              stroke={TARGET_COLOUR}
              strokeDasharray="6 4"
            />
            <line
              x1={WIDTH / 2 + 10}
              y1={14}
              x2={WIDTH / 2 + 34}
              y2={14}
              stroke={TARGET_COLOUR}
              strokeDasharray="6 4"
            />
            <text x={WIDTH / 2 + 40} y={18} fontSize="10" fill={TARGET_COLOUR}>
              target {price(targetPrice)}
            </text>
          </g>
        )}
        {best !== undefined && bestPrice && (
          <g data-testid="chart-best">
            <line x1={PAD} y1={y(best)} x2={WIDTH - PAD} y2={y(best)} stroke={BEST_COLOUR} strokeWidth="2" />
            <line x1={PAD} y1={14} x2={PAD + 24} y2={14} stroke={BEST_COLOUR} strokeWidth="2" />
            <text x={PAD + 30} y={18} fontSize="10" fill={BEST_COLOUR}>
              best live {price(bestPrice)}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="muted">
        Price per unit of each bid ({currency}; the axis starts at {formatDecimal(String(Math.floor(floor)), 0)}); pale
        bars are bids no longer live. Solid green line: the best live price
        {bestPrice ? ` (${price(bestPrice)})` : ", once a bid is live"}. Dashed red line: the target price
        {targetPrice ? ` (${price(targetPrice)})` : ", when the lot has one"}.
      </figcaption>
    </figure>
  );
}
