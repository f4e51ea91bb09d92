import { contractSchema } from "@lotbridge/contract/contract";
import { formatDate } from "@lotbridge/format/format-date";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { and, eq } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";
import { applyContractSnapshot } from "../contracts/apply-contract-snapshot";
import { producerContracts } from "../contracts/producer-contract-table";
import { producerDispatches } from "./producer-dispatch-table";

/** How the buyer portal answered a dispatch call: its contract snapshot, or why it was not taken. */
export type DispatchAnswer = { delivered: true; body: unknown } | { delivered: false; reason: string };

/**
 * Records the buyer portal's answer to a dispatch the organization announced (found by the outbox message that
 * carried it). Delivered: the dispatch is `delivered` under the buyer's dispatch id (the answered contract's dispatch
 * whose externalId is ours) and the answered contract is applied if newer, so the `delivery.dispatched` event that
 * follows changes nothing. Refused or given up: the dispatch is `refused` with the reason and the organization told.
 * An answer for a dispatch no longer sending (recorded already) changes nothing.
 */
export async function recordDispatchAnswer(
  tx: ProducerTx,
  publicUrl: string,
  callId: string,
  answer: DispatchAnswer,
): Promise<void> {
  const [dispatch] = await tx
    .select()
    .from(producerDispatches)
    .where(and(eq(producerDispatches.callId, callId), eq(producerDispatches.status, "sending")))
    .for("update");
  if (!dispatch) return;
  if (answer.delivered) {
    const contract = contractSchema.safeParse(answer.body);
    const buyerDispatchId = contract.success
      ? (contract.data.delivery.dispatches.find((d) => d.externalId === dispatch.id)?.id ?? null)
      : null;
    await tx
      .update(producerDispatches)
      .set({ status: "delivered", buyerDispatchId })
      .where(eq(producerDispatches.id, dispatch.id));
    // Only the organization's own contract: the replica's guard, whatever the answer names.
    if (contract.success && contract.data.id === dispatch.contractId) {
      const [held] = await tx
        .select({ organizationId: producerContracts.organizationId })
        .from(producerContracts)
        .where(eq(producerContracts.id, dispatch.contractId));
      if (held?.organizationId === contract.data.producer.organizationId) {
        await applyContractSnapshot(tx, publicUrl, contract.data);
      }
    }
    return;
  }
  await tx
    .update(producerDispatches)
    .set({ status: "refused", refusalReason: answer.reason })
    .where(eq(producerDispatches.id, dispatch.id));
  const [contract] = await tx
    .select({ number: producerContracts.number, snapshot: producerContracts.snapshot })
    .from(producerContracts)
    .where(eq(producerContracts.id, dispatch.contractId));
  const number = contract?.number ?? dispatch.contractId;
  const unit = contract?.snapshot.terms.unit ?? "";
  await notifyOrganization(tx, publicUrl, {
    organizationId: dispatch.organizationId,
    type: "delivery.refused",
    title: `The load ${dispatch.vehicleReference} you announced on contract ${number} was refused`,
    body: answer.reason,
    link: `/contracts/${dispatch.contractId}`,
    facts: [
      ["Contract", number],
      ["Vehicle", dispatch.vehicleReference],
      ["Planned for", formatDate(dispatch.plannedDate)],
      ["Estimated weight", formatQuantity(dispatch.estimatedWeight, unit).trim()],
      ["Announced by", dispatch.createdByName],
    ],
    emailByDefault: true,
  });
}
