import type { Contract } from "@lotbridge/contract/contract";
import type { DeliveryActor, LedgerEntry } from "@lotbridge/contract/delivery";
import type { EventType } from "@lotbridge/contract/event-catalog";
import { eq, sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { publishEvent } from "../../integration/publish-event";
import { contractSnapshot } from "../contracts/contract-snapshot";
import { contracts } from "../contracts/contract-table";
import { deliveryLedgerEntries } from "./delivery-tables";

/** What changed, for the ledger's history: the accepted quantity and value after it are computed here. */
export interface DeliveryChange {
  kind: LedgerEntry["kind"];
  by: DeliveryActor;
  dispatchId?: string | null;
  ticketId?: string | null;
  text: string;
}

/** The event types a change of a contract's delivery is announced with. */
type ContractEventType = Extract<
  EventType,
  "contract.updated" | "contract.fulfilled" | "contract.closed_short" | `delivery.${string}`
>;

/**
 * Called after a change of a contract's delivery is written, in the same transaction (which holds the contract's row
 * lock): adds the ledger entry with the accepted quantity and value after the change, bumps the contract's version and
 * sends the event with the new snapshot to the contract's platform. Answers that snapshot.
 */
export async function announceDelivery(
  tx: BuyerTx,
  contractId: string,
  type: ContractEventType,
  entry: DeliveryChange,
  now: Date,
): Promise<Contract> {
  const [changed] = await tx
    .update(contracts)
    .set({ version: sql`${contracts.version} + 1`, updatedAt: now })
    .where(eq(contracts.id, contractId))
    .returning();
  if (!changed) throw new Error(`announceDelivery: contract ${contractId} does not exist`);
  // The snapshot already computes the ledger after the change; the new entry is the one thing it cannot have read
  // yet, so it is appended as stored instead of reading everything twice.
  const contract = await contractSnapshot(tx, changed);
  const [stored] = await tx
    .insert(deliveryLedgerEntries)
    .values({
      contractId,
      at: now,
      kind: entry.kind,
      byParty: entry.by.party,
      byName: entry.by.name,
      dispatchId: entry.dispatchId ?? null,
      ticketId: entry.ticketId ?? null,
      accepted: contract.delivery.ledger.accepted,
      value: contract.delivery.ledger.value,
      text: entry.text,
    })
    .returning();
  contract.delivery.entries.push({
    at: stored.at.toISOString(),
    kind: stored.kind,
    by: { party: stored.byParty, name: stored.byName },
    dispatchId: stored.dispatchId,
    ticketId: stored.ticketId,
    accepted: stored.accepted,
    value: stored.value,
    text: stored.text,
  });
  await publishEvent(tx, type, contract, now);
  return contract;
}
