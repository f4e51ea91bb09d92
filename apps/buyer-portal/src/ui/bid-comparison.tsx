"use client";

import type { Bid } from "@lotbridge/contract/bid";
import { compareDecimals } from "@lotbridge/contract/decimal";
import { useState } from "react";

type SortKey = "pricePerUnit" | "volume" | "total" | "validUntil" | "createdAt";

const COLUMNS: [SortKey, string][] = [
  ["volume", "Volume"],
  ["pricePerUnit", "Price per unit"],
  ["total", "Total"],
  ["validUntil", "Valid until"],
];

const live = (bid: Bid) => bid.status === "submitted" || bid.status === "countered";

/**
 * Every bid on a lot side by side, sortable by column. The best live price (lowest: the buyer pays it) is marked, and
 * live volume is compared with what is still open on the lot.
 */
export function BidComparison({ bids, unit, openVolume }: { bids: Bid[]; unit: string; openVolume: string }) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: "pricePerUnit", ascending: true });
  const livePrices = bids.filter(live).map((b) => b.pricePerUnit);
  const best = livePrices.reduce<string | undefined>(
    (min, p) => (!min || compareDecimals(p, min) < 0 ? p : min),
    undefined,
  );
  const sorted = [...bids].sort((a, b) => {
    const order =
      sort.key === "validUntil" || sort.key === "createdAt"
        ? a[sort.key].localeCompare(b[sort.key])
        : compareDecimals(a[sort.key], b[sort.key]);
    return sort.ascending ? order : -order;
  });
  const liveVolume = bids.filter(live).reduce((sum, b) => sum + Number(b.volume), 0);
  return (
    <div className="stack">
      <p>
        Open volume:{" "}
        <strong className="highlight">
          {openVolume} {unit}
        </strong>{" "}
        · live bids cover {liveVolume.toLocaleString(undefined, { maximumFractionDigits: 3 })} {unit}
      </p>
      <table>
        <thead>
          <tr>
            <th>Producer</th>
            {COLUMNS.map(([key, label]) => (
              <th key={key} aria-sort={sort.key === key ? (sort.ascending ? "ascending" : "descending") : "none"}>
                <button
                  type="button"
                  className="link"
                  onClick={() => setSort({ key, ascending: sort.key === key ? !sort.ascending : true })}
                >
                  {label}
                </button>
              </th>
            ))}
            <th>Delivery terms</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((bid) => (
            <tr key={bid.id} className={live(bid) && bid.pricePerUnit === best ? "best" : undefined}>
              <td>
                <a href={`/bids/${bid.id}`}>{bid.bidder.organizationName}</a>
                <div className="muted">{bid.bidder.name}</div>
              </td>
              <td>
                {bid.volume} {unit}
              </td>
              <td>
                {bid.pricePerUnit} {bid.currency}
                {live(bid) && bid.pricePerUnit === best && <span className="badge">best price</span>}
              </td>
              <td>
                {bid.total} {bid.currency}
              </td>
              <td>{new Date(bid.validUntil).toUTCString()}</td>
              <td>{bid.deliveryTerms}</td>
              <td>
                <span className="badge">{bid.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
