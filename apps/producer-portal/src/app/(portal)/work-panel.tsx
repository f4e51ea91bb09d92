import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { formatRelativeDeadline } from "@lotbridge/format/format-relative-deadline";
import type { ReactNode } from "react";
import type { ProducerWork, WorkList } from "@/domain/home/list-producer-work";

/** The lists of what needs the producer now, each item a link to the page where it is acted on. */
export function WorkPanel({ work, now, timeZone }: { work: ProducerWork; now: Date; timeZone: string }) {
  const total =
    work.newLots.count +
    work.counterOffers.count +
    work.contractsToSign.count +
    work.expiringBids.count +
    work.overdueContracts.count +
    work.loadsToAnnounce.count;
  return (
    <div className="work" data-testid="work">
      {total === 0 && (
        <p className="muted">
          Nothing waits for you. Save a search in the marketplace below to hear about new lots as they are published.
        </p>
      )}
      <div className="work-grid">
        <WorkCard
          id="work-new-lots"
          title="New lots for your saved searches"
          list={work.newLots}
          empty="No new lots for your saved searches."
          more={{ href: "/saved-searches", label: "Your saved searches" }}
          render={(lot) => (
            <li key={lot.lotId}>
              <a href={`/lots/${lot.lotId}`}>
                {lot.number} · {lot.title}
              </a>
              <span className="muted">
                {lot.searchName ? `“${lot.searchName}”, ` : ""}
                {formatRelativeDeadline(lot.biddingDeadline, now)}
              </span>
            </li>
          )}
        />
        <WorkCard
          id="work-counter-offers"
          title="Counter-offers awaiting your answer"
          list={work.counterOffers}
          empty="No counter-offer waits for you."
          more={{ href: "/bids", label: "All bids" }}
          render={(bid) => (
            <li key={bid.bidId}>
              <a href={`/bids/${bid.bidId}`}>
                {bid.lotNumber} · {bid.lotTitle}
              </a>
              <span className="muted">
                {formatQuantity(bid.volume, bid.unit)} at {formatPrice(bid.pricePerUnit, bid.currency, bid.unit)},{" "}
                {formatRelativeDeadline(bid.expiresAt, now, { future: "answer within", past: "lapsed" })}
              </span>
            </li>
          )}
        />
        <WorkCard
          id="work-contracts"
          title="Contracts to sign"
          list={work.contractsToSign}
          empty="No contract waits for your signature."
          more={{ href: "/contracts", label: "All contracts" }}
          render={(contract) => (
            <li key={contract.contractId}>
              <a href={`/contracts/${contract.contractId}`}>
                {contract.number} · {contract.lotTitle}
              </a>
              <span className="muted">with {contract.buyer}</span>
            </li>
          )}
        />
        <WorkCard
          id="work-overdue"
          title="Deliveries overdue"
          list={work.overdueContracts}
          empty="No contract's delivery window has ended with deliveries open."
          more={{ href: "/contracts", label: "All contracts" }}
          render={(contract) => (
            <li key={contract.contractId}>
              <a href={`/contracts/${contract.contractId}`}>
                {contract.number} · {contract.lotTitle}
              </a>
              <span className="muted">
                window ended {formatDate(contract.deliveryEnd)}, {formatQuantity(contract.remaining, contract.unit)}{" "}
                remaining
              </span>
            </li>
          )}
        />
        <WorkCard
          id="work-loads"
          title="Loads to announce"
          list={work.loadsToAnnounce}
          empty="Every active contract has a load announced."
          more={{ href: "/contracts", label: "All contracts" }}
          render={(contract) => (
            <li key={contract.contractId}>
              <a href={`/contracts/${contract.contractId}`}>
                {contract.number} · {contract.lotTitle}
              </a>
              <span className="muted">
                for {contract.buyer}, delivery {formatDate(contract.deliveryStart)} – {formatDate(contract.deliveryEnd)}
              </span>
            </li>
          )}
        />
        <WorkCard
          id="work-expiring-bids"
          title="Bids about to expire"
          list={work.expiringBids}
          empty="No bid expires within 48 hours."
          more={{ href: "/bids", label: "All bids" }}
          render={(bid) => (
            <li key={bid.bidId}>
              <a href={`/bids/${bid.bidId}`}>
                {bid.lotNumber} · {bid.lotTitle}
              </a>
              <span className="muted">
                valid until {formatDateTime(bid.validUntil, timeZone)} (
                {formatRelativeDeadline(bid.validUntil, now, { future: "in", past: "expired" })})
              </span>
            </li>
          )}
        />
      </div>
      <p className="muted">
        Download your organization's <a href="/bids.csv">bids (CSV)</a> or <a href="/contracts.csv">contracts (CSV)</a>:
        exact figures, for a spreadsheet.
      </p>
    </div>
  );
}

function WorkCard<T>(props: {
  id: string;
  title: string;
  list: WorkList<T>;
  empty: string;
  more: { href: string; label: string };
  render: (item: T) => ReactNode;
}) {
  const { count, items } = props.list;
  return (
    // No aria-labelledby: a region named "…saved searches" would answer to the marketplace field labelled "Search".
    <section className="card work-card">
      <h2 id={props.id}>
        {props.title}{" "}
        <span className={count > 0 ? "badge work-count" : "badge"} data-testid={`${props.id}-count`}>
          {count}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="work-list">{items.map(props.render)}</ul>
      )}
      {count > items.length && (
        <p>
          <a href={props.more.href}>
            {count - items.length} more — {props.more.label.toLowerCase()}
          </a>
        </p>
      )}
    </section>
  );
}
