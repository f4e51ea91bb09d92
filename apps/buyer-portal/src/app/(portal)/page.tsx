import { currentMember } from "@lotbridge/auth/current-member";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { formatRelativeDeadline } from "@lotbridge/format/format-relative-deadline";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { type BidToAnswer, listWorkForMember, type WorkList } from "@/domain/home/list-work-for-member";
import { portal } from "@/server/portal";
import { RefreshOnNotification } from "@/ui/refresh-on-notification";
import "@/ui/lots.css";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The buyer's home: what waits for this member now, each item a link to the page where it is done. */
export default async function HomePage() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) return null;
  const now = new Date();
  const timeZone = await readViewerTimeZone();
  const work = await listWorkForMember(
    db,
    { organizationId: me.organizationId, memberId: me.memberId },
    now,
    calendarDayIn(timeZone, now),
  );
  const {
    bidsAwaitingDecision,
    countersAnswered,
    contractsToSign,
    lotsClosingSoon,
    loadsExpected,
    contractsOverdue,
    readyToConfirm,
    undeliveredMessages,
  } = work;
  const nothing =
    bidsAwaitingDecision.count +
      countersAnswered.count +
      contractsToSign.count +
      lotsClosingSoon.count +
      loadsExpected.count +
      contractsOverdue.count +
      readyToConfirm.count +
      (undeliveredMessages?.count ?? 0) ===
    0;
  const answerBy = (expiresAt: Date) =>
    `${formatRelativeDeadline(expiresAt, now, { future: "lapses in", past: "lapsed" })} (${formatDateTime(expiresAt, timeZone)})`;
  const bidItem = (bid: BidToAnswer) => (
    <li key={bid.bidId}>
      <a href={`/bids/${bid.bidId}`}>
        {bid.producer}: {formatQuantity(bid.volume, bid.unit)} at{" "}
        {formatPrice(bid.pricePerUnit, bid.currency, bid.unit)} on {bid.lotNumber} {bid.lotTitle}
      </a>
      <div className="muted">{answerBy(bid.expiresAt)}</div>
    </li>
  );
  return (
    <section className="stack" aria-labelledby="home-heading">
      <RefreshOnNotification />
      <div className="row">
        <h1 id="home-heading" style={{ flex: 1 }}>
          What needs you now
        </h1>
        <a className="button" href="/lots">
          All lots
        </a>
        <a className="button primary" href="/lots/new">
          New lot
        </a>
      </div>
      {nothing && (
        <p className="muted" data-testid="nothing-waits">
          Nothing waits for you. New bids, producers' answers and contracts to sign appear here as they arrive; your
          lots are under <a href="/lots">All lots</a>.
        </p>
      )}
      <WorkSection
        id="bids-awaiting"
        heading={
          bidsAwaitingDecision.count === 1
            ? "1 bid awaits your decision"
            : `${bidsAwaitingDecision.count} bids await your decision`
        }
        list={bidsAwaitingDecision}
        more={["/lots?status=published", "see your published lots"]}
      >
        {bidsAwaitingDecision.items.map(bidItem)}
      </WorkSection>
      <WorkSection
        id="counters-answered"
        heading={`${plural(countersAnswered.count, "producer", "producers")} answered your counter-offer with their own`}
        list={countersAnswered}
        more={["/lots?status=published", "see your published lots"]}
      >
        {countersAnswered.items.map(bidItem)}
      </WorkSection>
      <WorkSection
        id="contracts-to-sign"
        heading={`${plural(contractsToSign.count, "contract", "contracts")} to sign`}
        list={contractsToSign}
        more={["/contracts", "see all contracts"]}
      >
        {contractsToSign.items.map((contract) => (
          <li key={contract.contractId}>
            <a href={`/contracts/${contract.contractId}`}>
              {contract.number} with {contract.producer}: {formatMoney(contract.total, contract.currency)}
            </a>
            <div className="muted">
              {contract.lotNumber} {contract.lotTitle} ·{" "}
              {contract.producerSigned ? "the producer has signed" : "the producer has not signed yet"}
            </div>
          </li>
        ))}
      </WorkSection>
      <WorkSection
        id="lots-closing"
        heading={`${plural(lotsClosingSoon.count, "lot closes", "lots close")} within 48 hours`}
        list={lotsClosingSoon}
        more={["/lots?status=published", "see your published lots"]}
      >
        {lotsClosingSoon.items.map((lot) => (
          <li key={lot.lotId}>
            <a href={`/lots/${lot.lotId}`}>
              {lot.number} {lot.title}
            </a>
            <div className="muted">
              {formatRelativeDeadline(lot.biddingDeadline, now)} ({formatDateTime(lot.biddingDeadline, timeZone)}) ·{" "}
              {plural(lot.liveBidCount, "live bid", "live bids")}
            </div>
          </li>
        ))}
      </WorkSection>
      <WorkSection
        id="loads-expected"
        heading={`${plural(loadsExpected.count, "load", "loads")} expected`}
        list={loadsExpected}
        more={["/contracts", "see all contracts"]}
      >
        {loadsExpected.items.map((load) => (
          <li key={load.dispatchId}>
            <a href={`/contracts/${load.contractId}`}>
              {load.vehicleReference} from {load.producer}: about {formatQuantity(load.estimatedWeight, load.unit)} on{" "}
              {load.contractNumber}
            </a>
            <div className="muted">Planned for {formatDate(load.plannedDate)} · no ticket recorded yet</div>
          </li>
        ))}
      </WorkSection>
      <WorkSection
        id="contracts-overdue"
        heading={`${plural(contractsOverdue.count, "contract is", "contracts are")} overdue`}
        list={contractsOverdue}
        more={["/contracts", "see all contracts"]}
      >
        {contractsOverdue.items.map((contract) => (
          <li key={contract.contractId}>
            <a href={`/contracts/${contract.contractId}`}>
              {contract.number} with {contract.producer}: {formatQuantity(contract.accepted, contract.unit)} of{" "}
              {formatQuantity(contract.volume, contract.unit)} accepted
            </a>
            <div className="muted">
              {contract.lotNumber} {contract.lotTitle} · delivery window ended {formatDate(contract.deliveryEnd)}
            </div>
          </li>
        ))}
      </WorkSection>
      <WorkSection
        id="ready-to-confirm"
        heading={`${plural(readyToConfirm.count, "contract is", "contracts are")} ready to confirm`}
        list={readyToConfirm}
        more={["/contracts", "see all contracts"]}
      >
        {readyToConfirm.items.map((contract) => (
          <li key={contract.contractId}>
            <a href={`/contracts/${contract.contractId}`}>
              {contract.number} with {contract.producer}: {formatQuantity(contract.accepted, contract.unit)} of{" "}
              {formatQuantity(contract.volume, contract.unit)} accepted, within the tolerance
            </a>
            <div className="muted">
              {contract.lotNumber} {contract.lotTitle} · confirm fulfilment or record more loads
            </div>
          </li>
        ))}
      </WorkSection>
      {undeliveredMessages && undeliveredMessages.count > 0 && (
        <article className="card stack" aria-labelledby="undelivered-heading">
          <h2 id="undelivered-heading">
            <a href="/integrations">
              {plural(undeliveredMessages.count, "message", "messages")} the integration gave up on
            </a>
          </h2>
          <p className="muted">Delivery to a producer platform failed after every retry: look at them and replay.</p>
        </article>
      )}
    </section>
  );
}

/** "2026-12-01": the calendar day `now` falls on in the viewer's zone, for the loads due by today. */
function calendarDayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now)
    .map((part) => [part.type, part.value]);
  const part = (type: string) => parts.find(([name]) => name === type)?.[1];
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** One kind of work: its count as the heading, its first items, and where the rest are. Hidden when empty. */
function WorkSection({
  id,
  heading,
  list,
  more,
  children,
}: {
  id: string;
  heading: string;
  list: WorkList<unknown>;
  more: [href: string, label: string];
  children: ReactNode;
}) {
  if (list.count === 0) return null;
  return (
    <article className="card stack" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ul className="stack">{children}</ul>
      {list.count > list.items.length && (
        <a href={more[0]}>
          {list.count - list.items.length} more: {more[1]}
        </a>
      )}
    </article>
  );
}
