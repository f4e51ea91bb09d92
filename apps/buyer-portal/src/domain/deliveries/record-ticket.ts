import type { Contract } from "@lotbridge/contract/contract";
import { MAX_TICKETS, type TicketInput } from "@lotbridge/contract/delivery";
import { DomainError } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { atomically } from "../bids/atomically";
import type { BidChange } from "../bids/producer-caller";
import { findContractRow } from "../contracts/find-contract";
import { announceDelivery } from "./announce-delivery";
import { assessTicketVersion, versionOutcome } from "./assess-ticket-version";
import { deliveryTickets, deliveryTicketVersions } from "./delivery-tables";
import { notifyLoadReceived } from "./notify-load-received";
import { requireDeliverable, startDelivery } from "./start-delivery";
import type { TicketWriter } from "./ticket-writer";

const duplicate = (number: string, contractNumber: string) =>
  new DomainError(
    "duplicate-ticket",
    409,
    `Ticket ${number} is already recorded on contract ${contractNumber}; correct that ticket instead of recording it again.`,
  );

/**
 * Records a weighbridge ticket on one of the writer's organization's contracts (docs/deliveries.md, "Tickets"), in one
 * transaction under the contract's row lock: the ticket and its version 1, the first one moving the contract to
 * `in_delivery`, the ledger entry, `delivery.received` to the contract's platform, and the buyer organization told.
 * Anything refused stores nothing.
 */
export function recordTicket(
  db: BuyerTx,
  writer: TicketWriter,
  contractId: string,
  input: TicketInput,
  { publicUrl, now: at }: BidChange,
): Promise<Contract> {
  return atomically(db, async (tx) => {
    const reader = { party: "buyer" as const, organizationId: writer.organizationId };
    const row = await findContractRow(tx, reader, contractId, { lock: true });
    // Read once the lock is held, so that the contract's loads are dated in the order they were recorded.
    const now = at ?? new Date();
    requireDeliverable(row, "a ticket");
    const [counts] = await tx
      .select({
        tickets: sql<number>`count(*)::int`,
        sameNumber: sql<number>`count(*) filter (where lower(${deliveryTickets.number}) = lower(${input.ticketNumber}))::int`,
      })
      .from(deliveryTickets)
      .where(eq(deliveryTickets.contractId, row.id));
    if (counts.sameNumber > 0) throw duplicate(input.ticketNumber, row.number);
    if (counts.tickets >= MAX_TICKETS) {
      throw new DomainError(
        "too-many-tickets",
        409,
        `Contract ${row.number} already has ${MAX_TICKETS} tickets, the most one contract holds.`,
      );
    }
    const { version } = await assessTicketVersion(tx, row, input.ticketNumber, input, null);
    const id = newId("tkt");
    // The row lock serialises tickets of one contract; the unique index is the backstop, answered the same way.
    const [stored] = await tx
      .insert(deliveryTickets)
      .values({ id, contractId: row.id, number: input.ticketNumber, currentVersion: 1, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: deliveryTickets.id });
    if (!stored) throw duplicate(input.ticketNumber, row.number);
    await tx.insert(deliveryTicketVersions).values({
      ticketId: id,
      version: 1,
      ...version,
      correctionReason: null,
      recordedAt: now,
      recordedByParty: "buyer",
      recordedByName: writer.name,
    });
    await startDelivery(tx, row, now);
    const contract = await announceDelivery(
      tx,
      row.id,
      "delivery.received",
      {
        kind: "received",
        by: { party: "buyer", name: writer.name },
        dispatchId: version.dispatchId,
        ticketId: id,
        text: `Ticket ${input.ticketNumber}: ${versionOutcome(version, row.unit, row.currency)}`,
      },
      now,
    );
    await notifyLoadReceived(tx, publicUrl, row, writer, input.ticketNumber, version);
    return contract;
  });
}
