"use client";

import type { Bid } from "@lotbridge/contract/bid";
import { compareDecimals } from "@lotbridge/contract/decimal";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { useState } from "react";

type SortKey = "pricePerUnit" | "volume" | "total" | "validUntil" | "createdAt";

const COLUMNS: [SortKey, string][] = [
  ["volume", "Volume"],
  ["pricePerUnit", "Price per unit"],
  ["total", "Total"],
  ["validUntil", "Valid until"],
];

const live = (bid: Bid) => bid.status === "submitted" || bid.status === "countered";

/** The exact sum of non-negative decimal strings, at the largest of their scales. */
function sumDecimals(values: string[]): string {
  const scale = Math.max(0, ...values.map((value) => (value.split(".")[1] ?? "").length));
  const units = values.reduce((sum, value) => {
    const [whole, fraction = ""] = value.split(".");
    return sum + BigInt(whole + fraction.padEnd(scale, "0"));
  }, 0n);
  const digits = units.toString().padStart(scale + 1, "0");
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * Every bid on a lot side by side, sortable by column. The best live price (lowest: the buyer pays it) is marked, and
 * live volume is compared with what is still open on the lot. Times are written in `timeZone`, the viewer's.
 */
export function BidComparison({
  bids,
  unit,
  openVolume,
  timeZone,
}: {
  bids: Bid[];
  unit: string;
  openVolume: string;
  timeZone: string;
}) {
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
  const liveVolume = sumDecimals(bids.filter(live).map((b) => b.volume));
  return (
    <div className="stack">
      <p>
        Open volume: <strong className="highlight">{formatQuantity(openVolume, unit)}</strong> · live bids cover{" "}
        {formatQuantity(liveVolume, unit)}
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
              <td>{formatQuantity(bid.volume, unit)}</td>
              <td>
                {formatPrice(bid.pricePerUnit, bid.currency, unit)}
                {live(bid) && bid.pricePerUnit === best && <span className="badge">best price</span>}
              </td>
              <td>{formatMoney(bid.total, bid.currency)}</td>
              <td>{formatDateTime(bid.validUntil, timeZone)}</td>
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
