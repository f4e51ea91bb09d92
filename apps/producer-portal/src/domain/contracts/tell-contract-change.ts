import type { Contract } from "@lotbridge/contract/contract";
import type { Party } from "@lotbridge/contract/offer";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import type { ProducerTx } from "../../db/database";

type Told = { type: string; title: string; body: string; emailByDefault: boolean };

const signedBy = (contract: Contract | undefined, party: Party) =>
  contract?.signatures.some((s) => s.party === party) ?? false;

/**
 * What a newer contract snapshot tells the producer organization: at most one notice per change, the weightiest.
 * The producer's own signature tells nothing (they just gave it); when it completes the contract, "active" does.
 */
export async function tellContractChange(
  tx: ProducerTx,
  publicUrl: string,
  before: Contract | undefined,
  after: Contract,
): Promise<void> {
  const told = noticeFor(before, after);
  if (!told) return;
  const { terms, lot } = after;
  await notifyOrganization(tx, publicUrl, {
    organizationId: after.producer.organizationId,
    ...told,
    link: `/contracts/${after.id}`,
    facts: [
      ["Contract", after.number],
      ["Buyer", after.buyer.name],
      ["Lot", `${lot.number} — ${lot.title}`],
      ["Volume", formatQuantity(terms.volume, terms.unit)],
      ["Price per unit", formatPrice(terms.pricePerUnit, terms.currency, terms.unit)],
      ["Total", formatMoney(terms.total, terms.currency)],
    ],
  });
}

function noticeFor(before: Contract | undefined, after: Contract): Told | undefined {
  const { number, terms, lot } = after;
  const agreed = `${lot.number} ${lot.title}: ${formatQuantity(terms.volume, terms.unit)} at ${formatPrice(terms.pricePerUnit, terms.currency, terms.unit)}, total ${formatMoney(terms.total, terms.currency)}.`;
  if (after.status === "cancelled" && before?.status !== "cancelled") {
    const reason = after.cancellationReason || "the buyer gave no reason";
    return {
      type: "contract.cancelled",
      title: `Contract ${number} was cancelled: ${reason}`,
      body: `${agreed} It no longer binds either party.`,
      emailByDefault: true,
    };
  }
  if (after.status === "completed" && before?.status !== "completed") {
    const note = after.statusHistory.findLast((change) => change.status === "completed")?.reason;
    return {
      type: "contract.completed",
      title: `Contract ${number} is completed`,
      body: `${after.buyer.name} recorded it as fulfilled. ${agreed}${note ? ` Note: ${note}` : ""}`,
      emailByDefault: true,
    };
  }
  if (after.status === "active" && before?.status !== "active") {
    return {
      type: "contract.active",
      title: `Contract ${number} is active: both parties signed`,
      body: agreed,
      emailByDefault: true,
    };
  }
  if (after.status !== "pending_signature") return undefined;
  if (!before) {
    return {
      type: "contract.created",
      title: `Contract ${number} is ready for your signature`,
      body: `${agreed} Read the document and sign it in the portal.`,
      emailByDefault: true,
    };
  }
  if (signedBy(after, "buyer") && !signedBy(before, "buyer")) {
    return {
      type: "contract.signed",
      title: `${after.buyer.name} signed contract ${number}`,
      body: signedBy(after, "producer") ? agreed : `${agreed} It waits for your signature.`,
      emailByDefault: false,
    };
  }
  return undefined;
}
