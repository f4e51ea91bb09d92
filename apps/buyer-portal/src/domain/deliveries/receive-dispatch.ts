import type { Contract } from "@lotbridge/contract/contract";
import { type DispatchInput, MAX_DISPATCHES } from "@lotbridge/contract/delivery";
import { DomainError } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import { formatDate } from "@lotbridge/format/format-date";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { and, eq } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { atomically } from "../bids/atomically";
import type { BidChange, ProducerCaller } from "../bids/producer-caller";
import { contractSnapshot } from "../contracts/contract-snapshot";
import { findContractRow } from "../contracts/find-contract";
import { announceDelivery } from "./announce-delivery";
import { contractDispatches } from "./delivery-tables";
import { requireDeliverable, startDelivery } from "./start-delivery";

/**
 * Stores a load the producer platform announces for its organization on one of its contracts (docs/deliveries.md,
 * "Dispatches"): only while the contract is active or in delivery, at most MAX_DISPATCHES. `externalId` is the
 * producer's id of the dispatch; the same one again answers the contract as it is, storing nothing. The first dispatch
 * moves the contract to `in_delivery`. Sends `delivery.dispatched` and tells the buyer organization.
 */
export function receiveDispatch(
  db: BuyerTx,
  caller: ProducerCaller,
  contractId: string,
  externalId: string,
  input: DispatchInput,
  { publicUrl, now: at }: BidChange,
): Promise<Contract> {
  return atomically(db, async (tx) => {
    const row = await findContractRow(tx, { party: "producer", caller }, contractId, { lock: true });
    // Read once the lock is held, so that the contract's loads are dated in the order they were recorded.
    const now = at ?? new Date();
    const [known] = await tx
      .select({ id: contractDispatches.id })
      .from(contractDispatches)
      .where(and(eq(contractDispatches.contractId, row.id), eq(contractDispatches.externalId, externalId)));
    if (known) return contractSnapshot(tx, row);
    requireDeliverable(row, "a dispatch");
    if ((await tx.$count(contractDispatches, eq(contractDispatches.contractId, row.id))) >= MAX_DISPATCHES) {
      throw new DomainError(
        "too-many-dispatches",
        409,
        `Contract ${row.number} already has ${MAX_DISPATCHES} dispatches, the most one contract holds.`,
      );
    }
    const id = newId("dsp");
    await tx.insert(contractDispatches).values({
      id,
      contractId: row.id,
      externalId,
      plannedDate: input.plannedDate,
      vehicleReference: input.vehicleReference,
      estimatedWeight: input.estimatedWeight,
      note: input.note,
      announcedAt: now,
      announcedByName: row.producerName,
    });
    await startDelivery(tx, row, now);
    const estimated = formatQuantity(input.estimatedWeight, row.unit);
    const planned = formatDate(input.plannedDate);
    const contract = await announceDelivery(
      tx,
      row.id,
      "delivery.dispatched",
      {
        kind: "dispatched",
        by: { party: "producer", name: row.producerName },
        dispatchId: id,
        text: `Load announced: ${input.vehicleReference}, about ${estimated}, expected ${planned}`,
      },
      now,
    );
    await notifyOrganization(tx, publicUrl, {
      organizationId: row.buyerOrganizationId,
      type: "delivery.dispatched",
      title: `${row.producerName} announced a load on contract ${row.number}`,
      body: `${input.vehicleReference}, about ${estimated} of ${row.lotTitle}, expected at ${row.deliveryLocation} on ${planned}.`,
      link: `/contracts/${row.id}`,
      emailByDefault: false,
    });
    return contract;
  });
}
