import type { ReactNode } from "react";

/** Label–value pairs as a definition list: a lot's details, a bid's or a contract's terms. */
export function Facts({ items, card = false }: { items: [string, ReactNode][]; card?: boolean }) {
  return (
    <dl className={card ? "facts card" : "facts"}>
      {items.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
