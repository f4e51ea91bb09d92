import { compareDecimals, totalFits } from "@lotbridge/contract/decimal";
import type { Ledger, Measurement, Ticket, TicketInput } from "@lotbridge/contract/delivery";
import { computeLedger, measureQuality, netWeightOf, valueTicket } from "@lotbridge/contract/delivery-ledger";
import { largest, TOTAL, VOLUME } from "@lotbridge/contract/limits";
import { DomainError } from "@lotbridge/contract/problem";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import type { ContractRow } from "../contracts/contract-table";
import { contractTickets, toleranceOf } from "./delivery-snapshot";
import { contractDispatches } from "./delivery-tables";

/** What a ticket or a correction records: every field of a ticket but its number. */
export type TicketFields = Omit<TicketInput, "ticketNumber">;

/** A version as it will be stored: what was sent, judged and valued under the contract. */
export interface AssessedVersion {
  receivedAt: Date;
  dispatchId: string | null;
  grossWeight: string;
  tareWeight: string;
  netWeight: string;
  measurements: Measurement[];
  outOfSpec: boolean;
  decision: TicketInput["decision"];
  discountKind: TicketInput["discountKind"];
  discountAmount: string | null;
  rejectionReason: string;
  acceptedQuantity: string;
  discount: string;
  value: string;
  note: string;
}

const invalid = (field: string, message: string) =>
  new DomainError("validation", 422, `${field}: ${message}`, [{ field, message }]);

/**
 * Judges a ticket's version against the contract (docs/deliveries.md, "Tickets"): its dispatch must be one of the
 * contract's, its measurements the contract's parameters in their units, a sent net weight gross − tare, a discount per
 * unit at most the price; then values it and recomputes the ledger with it in place of the ticket's current version
 * (`replacing`) or added. Under the tolerance rule `refuse`, an accepted quantity past the maximum is 409
 * `over-tolerance`. Runs under the contract's row lock, so the ledger it reads is the one the version joins.
 */
export async function assessTicketVersion(
  tx: BuyerTx,
  row: ContractRow,
  number: string,
  fields: TicketFields,
  replacing: string | null,
): Promise<{ version: AssessedVersion; ledger: Ledger }> {
  if (fields.dispatchId !== null) {
    const [dispatch] = await tx
      .select({ id: contractDispatches.id })
      .from(contractDispatches)
      .where(and(eq(contractDispatches.id, fields.dispatchId), eq(contractDispatches.contractId, row.id)));
    if (!dispatch) throw invalid("dispatchId", `must be one of the dispatches of contract ${row.number}`);
  }
  const quality = measureQuality(row.qualityParameters, fields.measurements);
  if ("field" in quality) throw invalid(quality.field, quality.message);
  const netWeight = netWeightOf(fields.grossWeight, fields.tareWeight);
  if (fields.netWeight !== undefined && compareDecimals(fields.netWeight, netWeight) !== 0) {
    throw invalid("netWeight", `must equal grossWeight − tareWeight (${netWeight}), or be left out`);
  }
  if (
    fields.decision === "accept_with_discount" &&
    fields.discountKind === "per_unit" &&
    fields.discountAmount !== null &&
    compareDecimals(fields.discountAmount, row.pricePerUnit) > 0
  ) {
    throw invalid("discountAmount", `must be at most the price per unit, ${row.pricePerUnit}`);
  }
  if (!totalFits(netWeight, row.pricePerUnit)) {
    throw invalid("grossWeight", `makes the load's value more than ${largest(TOTAL)}, the most a ledger can hold`);
  }
  const outOfSpec = quality.measurements.some((measurement) => !measurement.inSpec);
  const terms = { volume: row.volume, pricePerUnit: row.pricePerUnit, tolerance: toleranceOf(row) };
  const valued = valueTicket(terms, {
    netWeight,
    decision: fields.decision,
    discountKind: fields.discountKind,
    discountAmount: fields.discountAmount,
    outOfSpec,
  });
  const version: AssessedVersion = {
    receivedAt: new Date(fields.receivedAt),
    dispatchId: fields.dispatchId,
    grossWeight: fields.grossWeight,
    tareWeight: fields.tareWeight,
    netWeight,
    measurements: quality.measurements,
    outOfSpec,
    decision: fields.decision,
    discountKind: fields.discountKind,
    discountAmount: fields.discountAmount,
    rejectionReason: fields.decision === "reject" ? fields.rejectionReason : "",
    note: fields.note,
    ...valued,
  };
  const current: Ticket[] = await contractTickets(tx, row.id);
  const others = current.filter((ticket) => ticket.id !== replacing);
  const ledger = computeLedger(terms, [...others, version]);
  if (compareDecimals(ledger.accepted, largest(VOLUME)) > 0 || compareDecimals(ledger.value, largest(TOTAL)) > 0) {
    throw invalid("grossWeight", "would take the ledger past the largest quantity or value it can hold");
  }
  if (terms.tolerance.beyond === "refuse" && ledger.overTolerance) {
    const unit = row.unit;
    throw new DomainError(
      "over-tolerance",
      409,
      `Ticket ${number} would take the accepted quantity of contract ${row.number} to ${formatQuantity(ledger.accepted, unit)}, ` +
        `past its maximum of ${formatQuantity(ledger.maximum, unit)} (${formatQuantity(row.volume, unit)} + ${formatDecimal(terms.tolerance.percent)} %); ` +
        "the contract refuses loads beyond its tolerance, so nothing was recorded. Reject the load or record less.",
    );
  }
  return { version, ledger };
}

/** What the ledger's history says a version did, e.g. "24.18 t accepted" or "24.18 t rejected: wet". */
export function versionOutcome(version: AssessedVersion, unit: string, currency: string): string {
  const quantity = formatQuantity(version.netWeight, unit);
  if (version.decision === "reject") return `${quantity} rejected: ${version.rejectionReason}`;
  if (version.decision === "accept_with_discount") {
    return `${quantity} accepted with a discount of ${formatMoney(version.discount, currency)}`;
  }
  return `${quantity} accepted`;
}
