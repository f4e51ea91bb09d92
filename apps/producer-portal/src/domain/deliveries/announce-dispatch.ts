import type { CurrentMember } from "@lotbridge/auth/current-member";
import type { DispatchInput } from "@lotbridge/contract/delivery";
import { DomainError, notFound } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { enqueueCommand } from "../../integration/commands-out";
import { producerContracts } from "../contracts/producer-contract-table";
import { type ProducerDispatchRow, producerDispatches } from "./producer-dispatch-table";

const STATUS_WORDS: Record<string, string> = {
  pending_signature: "waiting for signatures",
  fulfilled: "fulfilled",
  closed_short: "closed short",
  completed: "completed",
  cancelled: "cancelled",
};

/**
 * Announces a load on one of the organization's contracts, through the outbox: the dispatch is stored `sending` and
 * the call queued in one transaction, with the dispatch's id as the Idempotency-Key (the buyer portal keeps it as the
 * dispatch's externalId, so every retry is the same dispatch). The contract's replica decides only whether the load
 * may be announced at all (open for deliveries); the buyer portal's answer or its `delivery.dispatched` event brings
 * the dispatch into the contract's delivery.
 */
export async function announceDispatch(
  db: ProducerTx,
  member: CurrentMember,
  contractId: string,
  input: DispatchInput,
): Promise<ProducerDispatchRow> {
  return db.transaction(async (tx) => {
    // Shared: dispatches of one contract may be announced side by side, but not while the replica is being replaced.
    const [contract] = await tx
      .select({ id: producerContracts.id, number: producerContracts.number, status: producerContracts.status })
      .from(producerContracts)
      .where(and(eq(producerContracts.id, contractId), eq(producerContracts.organizationId, member.organizationId)))
      .for("share");
    if (!contract) throw notFound("Contract");
    if (contract.status !== "active" && contract.status !== "in_delivery") {
      throw new DomainError(
        "contract-not-deliverable",
        409,
        `Contract ${contract.number} is ${STATUS_WORDS[contract.status] ?? contract.status}; loads can be announced only on an active contract or one in delivery.`,
      );
    }
    const id = newId("pdsp");
    const callId = await enqueueCommand(
      tx,
      "dispatch.announce",
      { contractId: contract.id, organizationId: member.organizationId, dispatch: input },
      id,
    );
    const [dispatch] = await tx
      .insert(producerDispatches)
      .values({
        id,
        contractId: contract.id,
        organizationId: member.organizationId,
        plannedDate: input.plannedDate,
        vehicleReference: input.vehicleReference,
        estimatedWeight: input.estimatedWeight,
        note: input.note,
        callId,
        createdByName: member.name,
      })
      .returning();
    return dispatch;
  });
}
