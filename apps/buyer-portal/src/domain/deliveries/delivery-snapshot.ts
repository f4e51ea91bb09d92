import type { Delivery, Dispatch, Ticket, TicketVersion } from "@lotbridge/contract/delivery";
import { computeLedger } from "@lotbridge/contract/delivery-ledger";
import type { Tolerance } from "@lotbridge/contract/delivery-terms";
import { asc, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import type { ContractRow } from "../contracts/contract-table";
import { contractDispatches, deliveryLedgerEntries, deliveryTickets, deliveryTicketVersions } from "./delivery-tables";

type VersionRow = typeof deliveryTicketVersions.$inferSelect;

/** The contract's tolerance as its row holds it. */
export const toleranceOf = (row: ContractRow): Tolerance => ({
  percent: row.tolerancePercent,
  option: row.toleranceOption,
  beyond: row.toleranceBeyond,
});

/** What the ledger and the API read of a stored ticket version. */
export function ticketVersionView(version: VersionRow): TicketVersion {
  return {
    version: version.version,
    receivedAt: version.receivedAt.toISOString(),
    dispatchId: version.dispatchId,
    grossWeight: version.grossWeight,
    tareWeight: version.tareWeight,
    netWeight: version.netWeight,
    measurements: version.measurements,
    outOfSpec: version.outOfSpec,
    decision: version.decision,
    discountKind: version.discountKind,
    discountAmount: version.discountAmount,
    rejectionReason: version.rejectionReason,
    acceptedQuantity: version.acceptedQuantity,
    discount: version.discount,
    value: version.value,
    note: version.note,
    correctionReason: version.correctionReason,
    recordedAt: version.recordedAt.toISOString(),
    recordedBy: { party: version.recordedByParty, name: version.recordedByName },
  };
}

/**
 * The tickets of a contract in the order they were recorded, each in its current version with the earlier ones as
 * `history`: one query, every version joined to its ticket.
 */
export async function contractTickets(tx: BuyerTx, contractId: string): Promise<Ticket[]> {
  const rows = await tx
    .select({
      id: deliveryTickets.id,
      number: deliveryTickets.number,
      currentVersion: deliveryTickets.currentVersion,
      version: deliveryTicketVersions,
    })
    .from(deliveryTickets)
    .innerJoin(deliveryTicketVersions, eq(deliveryTicketVersions.ticketId, deliveryTickets.id))
    .where(eq(deliveryTickets.contractId, contractId))
    .orderBy(asc(deliveryTickets.createdAt), asc(deliveryTickets.id), asc(deliveryTicketVersions.version));
  const tickets: Ticket[] = [];
  let history: TicketVersion[] = [];
  for (const row of rows) {
    const view = ticketVersionView(row.version);
    if (row.version.version < row.currentVersion) {
      history.push(view);
    } else if (row.version.version === row.currentVersion) {
      tickets.push({ id: row.id, number: row.number, ...view, history });
      history = [];
    }
  }
  return tickets;
}

/** The delivery section of a contract's snapshot (docs/deliveries.md): four queries whatever the number of loads. */
export async function deliverySnapshot(tx: BuyerTx, row: ContractRow): Promise<Delivery> {
  const dispatchRows = await tx
    .select()
    .from(contractDispatches)
    .where(eq(contractDispatches.contractId, row.id))
    .orderBy(asc(contractDispatches.announcedAt), asc(contractDispatches.id));
  const tickets = await contractTickets(tx, row.id);
  const entryRows = await tx
    .select()
    .from(deliveryLedgerEntries)
    .where(eq(deliveryLedgerEntries.contractId, row.id))
    .orderBy(asc(deliveryLedgerEntries.id));
  const dispatches: Dispatch[] = dispatchRows.map((dispatch) => ({
    id: dispatch.id,
    externalId: dispatch.externalId,
    plannedDate: dispatch.plannedDate,
    vehicleReference: dispatch.vehicleReference,
    estimatedWeight: dispatch.estimatedWeight,
    note: dispatch.note,
    announcedAt: dispatch.announcedAt.toISOString(),
    announcedBy: { party: "producer", name: dispatch.announcedByName },
    ticketIds: tickets.filter((ticket) => ticket.dispatchId === dispatch.id).map((ticket) => ticket.id),
  }));
  return {
    dispatches,
    tickets,
    ledger: computeLedger({ volume: row.volume, pricePerUnit: row.pricePerUnit, tolerance: toleranceOf(row) }, tickets),
    entries: entryRows.map((entry) => ({
      at: entry.at.toISOString(),
      kind: entry.kind,
      by: { party: entry.byParty, name: entry.byName },
      dispatchId: entry.dispatchId,
      ticketId: entry.ticketId,
      accepted: entry.accepted,
      value: entry.value,
      text: entry.text,
    })),
    overdueSince: row.overdueSince?.toISOString() ?? null,
    settlement:
      row.settlementIssuedAt && row.settlementHash
        ? {
            issuedAt: row.settlementIssuedAt.toISOString(),
            documentHash: row.settlementHash,
            filename: `settlement-${row.number}.pdf`,
          }
        : null,
  };
}
