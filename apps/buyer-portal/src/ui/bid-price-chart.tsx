import type { Bid } from "@lotbridge/contract/bid";

const WIDTH = 560;
const HEIGHT = 180;
const PAD = 40;

/**
 * Each bid's price per unit as a bar, with the lot's target price as a line: drawn on the server as SVG, no chart
 * library and nothing loaded from elsewhere.
 */
export function BidPriceChart({
  bids,
  targetPrice,
  currency,
}: {
  bids: Bid[];
  targetPrice: string | null;
  currency: string;
}) {
  if (bids.length === 0) return null;
  const prices = bids.map((b) => Number(b.pricePerUnit));
  const target = targetPrice ? Number(targetPrice) : undefined;
  const top = Math.max(...prices, target ?? 0) * 1.1;
  const y = (value: number) => HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD);
  const slot = (WIDTH - 2 * PAD) / bids.length;
  return (
    <figure className="card">
      <svg
        width="100%"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Bid prices in ${currency}${target ? ` against the target price of ${targetPrice}` : ""}`}
      >
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="#8a96a3" />
        {bids.map((bid, i) => (
          <g key={bid.id}>
            <rect
              x={PAD + i * slot + slot * 0.2}
              y={y(prices[i])}
              width={slot * 0.6}
              height={HEIGHT - PAD - y(prices[i])}
              fill="#1f5f8b"
            >
              <title>{`${bid.bidder.organizationName}: ${bid.pricePerUnit} ${currency}`}</title>
            </rect>
            <text x={PAD + i * slot + slot / 2} y={HEIGHT - PAD + 14} fontSize="10" textAnchor="middle" fill="#1c2733">
              {bid.bidder.organizationName.slice(0, 14)}
            </text>
            <text x={PAD + i * slot + slot / 2} y={y(prices[i]) - 4} fontSize="10" textAnchor="middle" fill="#1c2733">
              {bid.pricePerUnit}
            </text>
          </g>
        ))}
        {target !== undefined && (
          <g>
            <line x1={PAD} y1={y(target)} x2={WIDTH - PAD} y2={y(target)} stroke="#a61b1b" strokeDasharray="6 4" />
            <text x={WIDTH - PAD} y={y(target) - 4} fontSize="10" textAnchor="end" fill="#a61b1b">
              target {targetPrice}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="muted">Price per unit of each bid ({currency}); dashed: target price.</figcaption>
    </figure>
  );
}
