"use client";

import type { Contract } from "@lotbridge/contract/contract";
import { compareDecimals } from "@lotbridge/contract/decimal";
import type { TicketVersion } from "@lotbridge/contract/delivery";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CloseContractForm } from "./close-contract-form";
import { DECISION_LABEL, describeDiscountTerms, describeRange, describeValue } from "./delivery-wording";
import { LedgerSummary } from "./ledger-summary";
import { TicketForm, type TicketFormMode } from "./ticket-form";

const PARTY = { buyer: "buyer", producer: "producer", system: "portal" } as const;
const DELIVERABLE = new Set<Contract["status"]>(["active", "in_delivery"]);
const ENDED = new Set<Contract["status"]>(["fulfilled", "closed_short"]);

/**
 * The delivery of a contract on the buyer's page (docs/deliveries.md): the overdue banner, the ledger, what to do next
 * (confirm fulfilment, close short, download the settlement), the loads the producer announced and not yet weighed,
 * the ticket form, the tickets with their versions, and the ledger's history. Renders the contract's `delivery` as
 * the API answers it, so it is what the producer portal shows of the same snapshot.
 */
export function DeliverySection({ contract, timeZone }: { contract: Contract; timeZone: string }) {
  const router = useRouter();
  const { delivery, terms } = contract;
  const { ledger } = delivery;
  const [mode, setMode] = useState<TicketFormMode>({ kind: "record", dispatchId: null });
  // Remounts the form with fresh values after each save or change of mode.
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const deliverable = DELIVERABLE.has(contract.status);
  const expected = delivery.dispatches.filter((dispatch) => dispatch.ticketIds.length === 0);
  const belowMinimum = compareDecimals(ledger.accepted, ledger.minimum) < 0;
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>;
  const quantity = (value: string) => formatQuantity(value, terms.unit);

  const open = (next: TicketFormMode) => {
    setMode(next);
    setSaved(null);
    setFormKey((key) => key + 1);
  };

  const done = (answer: Contract, ticketNumber: string) => {
    const wasCorrection = mode.kind === "correct";
    const number = mode.kind === "correct" ? mode.ticket.number : ticketNumber;
    const ticket = answer.delivery.tickets.find((t) => t.number.toLowerCase() === number.toLowerCase());
    setSaved(
      ticket
        ? `Ticket ${ticket.number} ${wasCorrection ? `corrected (version ${ticket.version})` : "recorded"}: ${quantity(ticket.acceptedQuantity)} accepted${ticket.outOfSpec ? ", out of spec" : ""}.`
        : `Ticket ${number} saved.`,
    );
    setMode({ kind: "record", dispatchId: null });
    setFormKey((key) => key + 1);
    router.refresh();
  };

  return (
    <section className="stack delivery" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Delivery</h2>
      {delivery.overdueSince && !ENDED.has(contract.status) && (
        <p className="card error" role="note" data-testid="overdue-banner">
          <strong>Overdue</strong> since {when(delivery.overdueSince)}: the delivery window ended{" "}
          {formatDate(terms.deliveryEnd)} with {quantity(ledger.accepted)} of {quantity(ledger.volume)} accepted.
        </p>
      )}
      <LedgerSummary ledger={ledger} tolerance={terms.tolerance} unit={terms.unit} currency={terms.currency} />
      {delivery.settlement && (
        <section className="card stack" aria-labelledby="settlement-heading">
          <h2 id="settlement-heading">Settlement statement</h2>
          <dl className="facts">
            <dt>Issued</dt>
            <dd>{when(delivery.settlement.issuedAt)}</dd>
            <dt>SHA-256</dt>
            <dd>
              <code className="hash" data-testid="settlement-hash">
                {delivery.settlement.documentHash}
              </code>
            </dd>
          </dl>
          <p>
            <a className="button" href={`/api/contracts/${contract.id}/settlement`} download>
              Download settlement statement
            </a>
          </p>
        </section>
      )}
      {contract.status === "in_delivery" && ledger.withinTolerance && (
        <CloseContractForm contractId={contract.id} ending="fulfil" />
      )}
      <section className="card stack" aria-labelledby="arrivals-heading">
        <h2 id="arrivals-heading">Expected arrivals</h2>
        {expected.length === 0 ? (
          <p className="muted">
            No announced load waits for a ticket.
            {deliverable && " Loads the producer announces appear here."}
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Planned</th>
                <th>Vehicle</th>
                <th>Estimated weight</th>
                <th>Note</th>
                <th>Announced</th>
                {deliverable && (
                  <th>
                    <span className="visually-hidden">Action</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {expected.map((dispatch) => (
                <tr key={dispatch.id} data-testid="expected-arrival">
                  <td>{formatDate(dispatch.plannedDate)}</td>
                  <td>{dispatch.vehicleReference}</td>
                  <td>{quantity(dispatch.estimatedWeight)}</td>
                  <td>{dispatch.note || "—"}</td>
                  <td>
                    {when(dispatch.announcedAt)}
                    <div className="muted">{dispatch.announcedBy.name}</div>
                  </td>
                  {deliverable && (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Record ticket for ${dispatch.vehicleReference}`}
                        onClick={() => open({ kind: "record", dispatchId: dispatch.id })}
                      >
                        Record ticket
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {saved && (
        <p role="status" className="card" data-testid="ticket-saved">
          {saved}
        </p>
      )}
      {deliverable && (
        <TicketForm
          key={formKey}
          contract={contract}
          mode={mode}
          timeZone={timeZone}
          onDone={done}
          onCancel={
            mode.kind === "correct" || mode.dispatchId !== null
              ? () => open({ kind: "record", dispatchId: null })
              : undefined
          }
        />
      )}
      <section className="card stack" aria-labelledby="tickets-heading">
        <h2 id="tickets-heading">Tickets</h2>
        {delivery.tickets.length === 0 ? (
          <p className="muted">No load has been weighed yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="tickets">
              <thead>
                <tr>
                  <th>Ticket</th>
                  <th>Received</th>
                  <th>Weights</th>
                  <th>Quality</th>
                  <th>Decision</th>
                  <th>Discount</th>
                  <th>Accepted</th>
                  <th>Value</th>
                  {deliverable && (
                    <th>
                      <span className="visually-hidden">Action</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {delivery.tickets.map((ticket) => (
                  <tr key={ticket.id} data-testid="ticket-row">
                    <td>
                      <strong>{ticket.number}</strong>
                      {ticket.version > 1 && (
                        <div className="muted" data-testid="ticket-corrected">
                          v{ticket.version} corrected: {ticket.correctionReason}
                        </div>
                      )}
                      {ticket.history.length > 0 && (
                        <details>
                          <summary>
                            Earlier {ticket.history.length === 1 ? "version" : `versions (${ticket.history.length})`}
                          </summary>
                          <ul className="stack">
                            {ticket.history.map((version) => (
                              <li key={version.version}>
                                <VersionLine version={version} contract={contract} timeZone={timeZone} />
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                    <td>{when(ticket.receivedAt)}</td>
                    <td>
                      <Weights version={ticket} unit={terms.unit} />
                    </td>
                    <td>
                      <Measurements version={ticket} />
                    </td>
                    <td>
                      {DECISION_LABEL[ticket.decision]}
                      {ticket.decision === "reject" && ticket.rejectionReason && (
                        <div className="muted">{ticket.rejectionReason}</div>
                      )}
                    </td>
                    <td>
                      {ticket.decision === "accept_with_discount" ? (
                        <>
                          {formatMoney(ticket.discount, terms.currency)}
                          <div className="muted">
                            {describeDiscountTerms(
                              ticket.discountKind,
                              ticket.discountAmount,
                              terms.currency,
                              terms.unit,
                            )}
                          </div>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>{quantity(ticket.acceptedQuantity)}</td>
                    <td>{formatMoney(ticket.value, terms.currency)}</td>
                    {deliverable && (
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Correct ticket ${ticket.number}`}
                          onClick={() => open({ kind: "correct", ticket })}
                        >
                          Correct
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card stack" aria-labelledby="ledger-history-heading">
        <h2 id="ledger-history-heading">Ledger history</h2>
        {delivery.entries.length === 0 ? (
          <p className="muted">Nothing yet: every dispatch, ticket and correction is listed here with who and when.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Accepted after</th>
                <th>Value after</th>
              </tr>
            </thead>
            <tbody>
              {delivery.entries.map((entry, index) => (
                <tr key={index} data-testid="ledger-entry">
                  <td>{when(entry.at)}</td>
                  <td>
                    {entry.by.name} <span className="muted">({PARTY[entry.by.party]})</span>
                  </td>
                  <td>{entry.text}</td>
                  <td>{quantity(entry.accepted)}</td>
                  <td>{formatMoney(entry.value, terms.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {deliverable && belowMinimum && <CloseContractForm contractId={contract.id} ending="close-short" />}
    </section>
  );
}

function Weights({ version, unit }: { version: TicketVersion; unit: string }) {
  return (
    <>
      Net {formatQuantity(version.netWeight, unit)}
      <div className="muted">
        Gross {formatQuantity(version.grossWeight, unit)}, tare {formatQuantity(version.tareWeight, unit)}
      </div>
    </>
  );
}

function Measurements({ version }: { version: TicketVersion }) {
  if (version.measurements.length === 0) return <span className="muted">Not measured</span>;
  return (
    <ul className="measurements">
      {version.measurements.map((measurement) => (
        <li key={measurement.name}>
          {measurement.name} {describeValue(measurement.value, measurement.unit)}{" "}
          {measurement.inSpec ? (
            <span className="muted">in spec</span>
          ) : (
            <span className="badge error" title={`In spec: ${describeRange(measurement)}`}>
              out of spec
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** An earlier version of a ticket in one line: when and by whom, what it said, and why it was replaced if it was. */
function VersionLine({
  version,
  contract,
  timeZone,
}: {
  version: TicketVersion;
  contract: Contract;
  timeZone: string;
}) {
  const { terms } = contract;
  return (
    <>
      <strong>v{version.version}</strong>, recorded{" "}
      <time dateTime={version.recordedAt}>{formatDateTime(version.recordedAt, timeZone)}</time> by{" "}
      {version.recordedBy.name}
      {version.correctionReason && <> (corrected: {version.correctionReason})</>}
      <div>
        <Weights version={version} unit={terms.unit} /> · {DECISION_LABEL[version.decision]}
        {version.decision === "accept_with_discount" &&
          ` (${describeDiscountTerms(version.discountKind, version.discountAmount, terms.currency, terms.unit)})`}{" "}
        · {formatQuantity(version.acceptedQuantity, terms.unit)} accepted · {formatMoney(version.value, terms.currency)}
      </div>
      <Measurements version={version} />
    </>
  );
}
