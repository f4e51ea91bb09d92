import type { Contract } from "@lotbridge/contract/contract";
import type { Party } from "@lotbridge/contract/offer";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import type { ProducerTx } from "../../db/database";
import { describeDeliveryChange } from "../deliveries/describe-delivery-change";

type Told = { type: string; title: string; body: string; emailByDefault: boolean };

const signedBy = (contract: Contract | undefined, party: Party) =>
  contract?.signatures.some((s) => s.party === party) ?? false;

/**
 * What a newer contract snapshot tells the producer organization, compared with the one held before: what happened
 * to its delivery (each load received, out of spec or corrected, the window's end passed; see
 * describeDeliveryChange), then at most one notice of its status, the weightiest. The producer's own signature tells
 * nothing (they just gave it); when it completes the contract, "active" does; its own dispatch tells nothing either.
 * Called only for a snapshot newer than the one held, inside the transaction that stores it, so each is told once.
 */
export async function tellContractChange(
  tx: ProducerTx,
  publicUrl: string,
  before: Contract | undefined,
  after: Contract,
): Promise<void> {
  const { terms, lot } = after;
  const contractFacts: [string, string][] = [
    ["Contract", after.number],
    ["Buyer", after.buyer.name],
    ["Lot", `${lot.number} — ${lot.title}`],
    ["Volume", formatQuantity(terms.volume, terms.unit)],
    ["Price per unit", formatPrice(terms.pricePerUnit, terms.currency, terms.unit)],
    ["Total", formatMoney(terms.total, terms.currency)],
  ];
  const link = `/contracts/${after.id}`;
  const organizationId = after.producer.organizationId;
  for (const { facts, ...notice } of describeDeliveryChange(before, after)) {
    await notifyOrganization(tx, publicUrl, {
      organizationId,
      ...notice,
      link,
      facts: [...facts, ...contractFacts],
      emailByDefault: true,
    });
  }
  const told = noticeFor(before, after);
  if (told) await notifyOrganization(tx, publicUrl, { organizationId, ...told, link, facts: contractFacts });
}

/** How the delivery ended, for the fulfilled and closed-short notices. */
function deliveredText(after: Contract): string {
  const { ledger, settlement } = after.delivery;
  const { unit, currency, tolerance } = after.terms;
  const range = `${formatQuantity(ledger.minimum, unit)} – ${formatQuantity(ledger.maximum, unit)}`;
  return (
    `${formatQuantity(ledger.accepted, unit)} accepted of ${formatQuantity(ledger.volume, unit)} ` +
    `(±${formatDecimal(tolerance.percent)} %: ${range}) in ${ledger.loads} ${ledger.loads === 1 ? "load" : "loads"}, ` +
    `worth ${formatMoney(ledger.value, currency)}` +
    (ledger.discounts === "0.00" ? "" : ` after discounts of ${formatMoney(ledger.discounts, currency)}`) +
    `.${settlement ? " The settlement statement is ready to download from the contract's page." : ""}`
  );
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
  if (after.status === "fulfilled" && before?.status !== "fulfilled") {
    return {
      type: "contract.fulfilled",
      title: `Contract ${number} is fulfilled`,
      body: `${after.buyer.name} confirmed the delivery: ${deliveredText(after)}`,
      emailByDefault: true,
    };
  }
  if (after.status === "closed_short" && before?.status !== "closed_short") {
    const reason =
      after.statusHistory.findLast((change) => change.status === "closed_short")?.reason || "the buyer gave no reason";
    return {
      type: "contract.closed_short",
      title: `Contract ${number} was closed short: ${reason}`,
      body: `${after.buyer.name} ended the contract with less than the tolerance allows: ${deliveredText(after)}`,
      emailByDefault: true,
    };
  }
  const open = (status: Contract["status"] | undefined) => status === "active" || status === "in_delivery";
  if (open(after.status) && !open(before?.status)) {
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
