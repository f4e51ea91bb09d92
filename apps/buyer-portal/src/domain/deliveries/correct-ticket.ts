import type { Contract } from "@lotbridge/contract/contract";
import type { TicketCorrection } from "@lotbridge/contract/delivery";
import { notFound } from "@lotbridge/contract/problem";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { atomically } from "../bids/atomically";
import type { BidChange } from "../bids/producer-caller";
import { findContractRow } from "../contracts/find-contract";
import { announceDelivery } from "./announce-delivery";
import { assessTicketVersion, versionOutcome } from "./assess-ticket-version";
import { deliveryTickets, deliveryTicketVersions } from "./delivery-tables";
import { requireDeliverable } from "./start-delivery";
import type { TicketWriter } from "./ticket-writer";

/**
 * Corrects a ticket of one of the writer's organization's contracts with a new version and its reason
 * (docs/deliveries.md, "Corrections"): the same checks as a new ticket, the ledger recomputed with the corrected
 * version in place of the current one. Nothing is overwritten: version n + 1 is added and becomes current. Sends
 * `delivery.corrected`.
 */
export function correctTicket(
  db: BuyerTx,
  writer: TicketWriter,
  contractId: string,
  ticketId: string,
  input: TicketCorrection,
  { now: at }: Partial<BidChange> = {},
): Promise<Contract> {
  return atomically(db, async (tx) => {
    const reader = { party: "buyer" as const, organizationId: writer.organizationId };
    const row = await findContractRow(tx, reader, contractId, { lock: true });
    // Read once the lock is held, so that the contract's loads are dated in the order they were recorded.
    const now = at ?? new Date();
    const [ticket] = await tx
      .select()
      .from(deliveryTickets)
      .where(and(eq(deliveryTickets.id, ticketId), eq(deliveryTickets.contractId, row.id)));
    if (!ticket) throw notFound("Ticket");
    requireDeliverable(row, "a correction");
    const { version } = await assessTicketVersion(tx, row, ticket.number, input, ticket.id);
    const next = ticket.currentVersion + 1;
    await tx.insert(deliveryTicketVersions).values({
      ticketId: ticket.id,
      version: next,
      ...version,
      correctionReason: input.reason,
      recordedAt: now,
      recordedByParty: "buyer",
      recordedByName: writer.name,
    });
    await tx.update(deliveryTickets).set({ currentVersion: next }).where(eq(deliveryTickets.id, ticket.id));
    return announceDelivery(
      tx,
      row.id,
      "delivery.corrected",
      {
        kind: "corrected",
        by: { party: "buyer", name: writer.name },
        dispatchId: version.dispatchId,
        ticketId: ticket.id,
        text: `Ticket ${ticket.number} corrected (${input.reason}): ${versionOutcome(version, row.unit, row.currency)}`,
      },
      now,
    );
  });
}
