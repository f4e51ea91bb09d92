import type { Contract } from "@lotbridge/contract/contract";
import type { Ticket, TicketVersion } from "@lotbridge/contract/delivery";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { describeMeasurement } from "./describe-measurement";

/** One thing to tell the producer organization about its contract's delivery. */
export interface DeliveryNotice {
  type: "delivery.received" | "delivery.out_of_spec" | "delivery.corrected" | "contract.overdue";
  title: string;
  body: string;
  facts: [string, string][];
}

const outOfSpecText = (version: TicketVersion) =>
  version.measurements
    .filter((m) => !m.inSpec)
    .map(describeMeasurement)
    .join(", ");

/** What the buyer decided about a load, in a few words: "24.18 t accepted", "rejected: wet". */
function outcomeOf(contract: Contract, version: TicketVersion): string {
  const { unit, currency } = contract.terms;
  if (version.decision === "reject") return `rejected: ${version.rejectionReason || "no reason given"}`;
  const accepted = `${formatQuantity(version.acceptedQuantity, unit)} accepted`;
  if (version.decision === "accept") return accepted;
  const rate =
    version.discountKind === "percent"
      ? `${formatDecimal(version.discountAmount ?? "0")} %`
      : formatPrice(version.discountAmount ?? "0", currency, unit);
  return `${accepted} with a discount of ${formatMoney(version.discount, currency)} (${rate})`;
}

/** The weights, quality and value of one ticket version, for a notice's body. */
function ticketText(contract: Contract, version: TicketVersion): string {
  const { unit, currency } = contract.terms;
  const quality = version.measurements.length
    ? ` Quality: ${version.measurements.map((m) => `${describeMeasurement(m)}${m.inSpec ? "" : " out of spec"}`).join("; ")}.`
    : "";
  return (
    `Weighed ${formatDateTime(version.receivedAt, "UTC")}: net ${formatQuantity(version.netWeight, unit)} ` +
    `(gross ${formatQuantity(version.grossWeight, unit)}, tare ${formatQuantity(version.tareWeight, unit)}).${quality} ` +
    `Value ${formatMoney(version.value, currency)}.`
  );
}

/** Where the ledger stands, for a notice's body and facts. */
function ledgerFacts(contract: Contract): [string, string][] {
  const { ledger } = contract.delivery;
  const { unit, currency } = contract.terms;
  return [
    ["Accepted so far", `${formatQuantity(ledger.accepted, unit)} of ${formatQuantity(ledger.volume, unit)}`],
    ["Within the tolerance", `${formatQuantity(ledger.minimum, unit)} – ${formatQuantity(ledger.maximum, unit)}`],
    ["Value so far", formatMoney(ledger.value, currency)],
  ];
}

/**
 * What a newer snapshot of a contract tells the producer about its delivery, compared with the one held before: each
 * ticket recorded since (and, when out of spec, which values), each ticket whose version rose (with the buyer's
 * reason, and its values when the correction leaves it out of spec in another way), and the delivery window's end
 * once flagged. Tickets already held at their version tell nothing, so a snapshot applied once tells each thing once.
 */
export function describeDeliveryChange(before: Contract | undefined, after: Contract): DeliveryNotice[] {
  const notices: DeliveryNotice[] = [];
  const held = new Map<string, Ticket>((before?.delivery.tickets ?? []).map((t) => [t.id, t]));
  const facts = (ticket: Ticket): [string, string][] => [["Ticket", ticket.number], ...ledgerFacts(after)];
  for (const ticket of after.delivery.tickets) {
    const previous = held.get(ticket.id);
    if (previous && previous.version >= ticket.version) continue;
    if (!previous) {
      const rejected = ticket.decision === "reject";
      notices.push({
        type: "delivery.received",
        title: rejected
          ? `Load ${ticket.number} was rejected: ${ticket.rejectionReason || "no reason given"}`
          : `Load ${ticket.number} received: ${outcomeOf(after, ticket)}`,
        body: ticketText(after, ticket),
        facts: facts(ticket),
      });
    } else {
      notices.push({
        type: "delivery.corrected",
        title: `Ticket ${ticket.number} corrected (v${ticket.version}): ${ticket.correctionReason ?? "no reason given"}`,
        body: `Now ${outcomeOf(after, ticket)}; before ${outcomeOf(after, previous)}. ${ticketText(after, ticket)}`,
        facts: facts(ticket),
      });
    }
    const outOfSpec = outOfSpecText(ticket);
    if (ticket.outOfSpec && outOfSpec !== (previous ? outOfSpecText(previous) : "")) {
      notices.push({
        type: "delivery.out_of_spec",
        title: `Load ${ticket.number} is out of spec: ${outOfSpec}`,
        body: `${after.buyer.name} decided: ${outcomeOf(after, ticket)}. ${ticketText(after, ticket)}`,
        facts: facts(ticket),
      });
    }
  }
  const { overdueSince, ledger } = after.delivery;
  if (overdueSince && !before?.delivery.overdueSince) {
    const { unit } = after.terms;
    notices.push({
      type: "contract.overdue",
      title: `Contract ${after.number} is overdue: the delivery window ended ${formatDate(after.terms.deliveryEnd)}`,
      body:
        `${formatQuantity(ledger.accepted, unit)} of ${formatQuantity(ledger.volume, unit)} accepted, ` +
        `${formatQuantity(ledger.remaining, unit)} remaining (at least ${formatQuantity(ledger.minimum, unit)} fulfils it).`,
      facts: ledgerFacts(after),
    });
  }
  return notices;
}
