import type { Contract } from "@lotbridge/contract/contract";
import type { TicketVersion } from "@lotbridge/contract/delivery";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { Facts } from "@lotbridge/ui/facts";
import { describeRange } from "@/domain/deliveries/describe-range";
import type { ProducerDispatchRow } from "@/domain/deliveries/producer-dispatch-table";

const DECISION: Record<TicketVersion["decision"], string> = {
  accept: "Accepted",
  accept_with_discount: "Accepted with discount",
  reject: "Rejected",
};

const ENTRY: Record<Contract["delivery"]["entries"][number]["kind"], string> = {
  dispatched: "Load announced",
  received: "Load received",
  corrected: "Ticket corrected",
  fulfilled: "Fulfilled",
  closed_short: "Closed short",
  overdue: "Overdue",
};

const PARTY = { buyer: "buyer", producer: "your organization", system: "the portal" } as const;

/**
 * The contract's delivery as the buyer portal's snapshot has it, field for field: expected arrivals, weighbridge
 * tickets with quality and the buyer's decision (and every earlier version), the ledger and its history. The loads
 * this portal announced that the buyer portal has not taken (yet) are listed apart, from this portal's own record.
 */
export function DeliverySection({
  contract,
  ownDispatches,
  timeZone,
}: {
  contract: Contract;
  ownDispatches: ProducerDispatchRow[];
  timeZone: string;
}) {
  const { delivery, terms } = contract;
  const { ledger } = delivery;
  const quantity = (value: string) => formatQuantity(value, terms.unit);
  const money = (value: string) => formatMoney(value, terms.currency);
  const time = (at: string) => <time dateTime={at}>{formatDateTime(at, timeZone)}</time>;
  const open = contract.status === "active" || contract.status === "in_delivery";

  return (
    <section className="card stack delivery" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Delivery</h2>
      <div data-testid="ledger">
        <Facts
          items={[
            ["Accepted", `${quantity(ledger.accepted)} of ${quantity(ledger.volume)}`],
            [
              "Within the tolerance",
              `${quantity(ledger.minimum)} – ${quantity(ledger.maximum)}: ${
                ledger.overTolerance ? "over the tolerance" : ledger.withinTolerance ? "yes" : open ? "not yet" : "no"
              }`,
            ],
            ["Remaining", quantity(ledger.remaining)],
            ["Rejected", quantity(ledger.rejected)],
            ["Value so far", money(ledger.value)],
            ["Discounts", money(ledger.discounts)],
            ["Loads", `${ledger.loads}${ledger.outOfSpecLoads ? `, ${ledger.outOfSpecLoads} out of spec` : ""}`],
          ]}
        />
      </div>

      {ownDispatches.length > 0 && (
        <section className="stack" aria-labelledby="own-dispatches-heading">
          <h3 id="own-dispatches-heading">Loads you announced</h3>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Vehicle</th>
                  <th>Planned arrival</th>
                  <th>Estimated weight</th>
                  <th>Announced</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {ownDispatches.map((d) => (
                  <tr key={d.id} data-testid="own-dispatch">
                    <td>{d.vehicleReference}</td>
                    <td>{formatDate(d.plannedDate)}</td>
                    <td>{quantity(d.estimatedWeight)}</td>
                    <td>
                      {time(d.createdAt.toISOString())} by {d.createdByName}
                    </td>
                    <td>
                      {d.status === "sending" && <span className="badge">Sending</span>}
                      {d.status === "delivered" && <span className="badge">Delivered to the buyer</span>}
                      {d.status === "refused" && (
                        <>
                          <span className="badge error">Refused</span> {d.refusalReason}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ownDispatches.some((d) => d.status === "sending") && (
            <p className="muted">
              A load is sending until the buyer portal has it; it is then an expected arrival below.
            </p>
          )}
        </section>
      )}

      <section className="stack" aria-labelledby="arrivals-heading">
        <h3 id="arrivals-heading">Expected arrivals</h3>
        {delivery.dispatches.length === 0 ? (
          <p className="muted">No load announced yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Vehicle</th>
                  <th>Planned arrival</th>
                  <th>Estimated weight</th>
                  <th>Note</th>
                  <th>Announced</th>
                  <th>Tickets</th>
                </tr>
              </thead>
              <tbody>
                {delivery.dispatches.map((d) => (
                  <tr key={d.id} data-testid="arrival">
                    <td>{d.vehicleReference}</td>
                    <td>{formatDate(d.plannedDate)}</td>
                    <td>{quantity(d.estimatedWeight)}</td>
                    <td>{d.note || "—"}</td>
                    <td>
                      {time(d.announcedAt)} by {d.announcedBy.name}
                    </td>
                    <td>
                      {d.ticketIds.length === 0
                        ? "not received yet"
                        : d.ticketIds.map((id) => delivery.tickets.find((t) => t.id === id)?.number ?? id).join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="tickets-heading">
        <h3 id="tickets-heading">Weighbridge tickets</h3>
        {delivery.tickets.length === 0 ? (
          <p className="muted">No load received yet.</p>
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
                  <th>Accepted</th>
                  <th>Value</th>
                </tr>
              </thead>
              <tbody>
                {delivery.tickets.map((ticket) => (
                  <tr key={ticket.id} data-testid="ticket">
                    <td>
                      {ticket.number}
                      {ticket.version > 1 && (
                        <details>
                          <summary>corrected (v{ticket.version})</summary>
                          <p>Why: {ticket.correctionReason}</p>
                          <ol className="ticket-history">
                            {ticket.history.map((earlier) => (
                              <li key={earlier.version}>
                                v{earlier.version}, recorded {time(earlier.recordedAt)} by {earlier.recordedBy.name}:
                                net {quantity(earlier.netWeight)} (gross {quantity(earlier.grossWeight)}, tare{" "}
                                {quantity(earlier.tareWeight)}), {DECISION[earlier.decision].toLowerCase()}, accepted{" "}
                                {quantity(earlier.acceptedQuantity)}, value {money(earlier.value)}
                                {earlier.measurements.length > 0 &&
                                  `; ${earlier.measurements.map((m) => `${m.name} ${formatDecimal(m.value)} ${m.unit}${m.inSpec ? "" : " (out of spec)"}`).join(", ")}`}
                                {earlier.correctionReason && `; corrected because: ${earlier.correctionReason}`}
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                    </td>
                    <td>{time(ticket.receivedAt)}</td>
                    <td>
                      net {quantity(ticket.netWeight)}
                      <div className="muted">
                        gross {quantity(ticket.grossWeight)}, tare {quantity(ticket.tareWeight)}
                      </div>
                    </td>
                    <td>
                      {ticket.measurements.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="measurements">
                          {ticket.measurements.map((m) => (
                            <li key={m.name} className={m.inSpec ? undefined : "out-of-spec"}>
                              {m.name} {formatDecimal(m.value)} {m.unit}{" "}
                              <span className={m.inSpec ? "muted" : "badge error"}>
                                {m.inSpec ? "in spec" : "out of spec"}
                              </span>{" "}
                              <span className="muted">({describeRange(m)})</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {DECISION[ticket.decision]}
                      {ticket.decision === "reject" && ticket.rejectionReason && `: ${ticket.rejectionReason}`}
                      {ticket.decision === "accept_with_discount" && (
                        <div className="muted">
                          discount {money(ticket.discount)} (
                          {ticket.discountKind === "percent"
                            ? `${formatDecimal(ticket.discountAmount ?? "0")} % of the load's value`
                            : `${formatPrice(ticket.discountAmount ?? "0", terms.currency, terms.unit)} off the price`}
                          )
                        </div>
                      )}
                      {ticket.note && <div className="muted">{ticket.note}</div>}
                    </td>
                    <td>{quantity(ticket.acceptedQuantity)}</td>
                    <td>{money(ticket.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="stack" aria-labelledby="ledger-history-heading">
        <h3 id="ledger-history-heading">Ledger history</h3>
        {delivery.entries.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <ol className="ledger-history">
            {delivery.entries.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                {time(entry.at)} — {ENTRY[entry.kind]}, {entry.by.name} ({PARTY[entry.by.party]}): {entry.text}.{" "}
                <span className="muted">
                  Accepted {quantity(entry.accepted)}, value {money(entry.value)}.
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
