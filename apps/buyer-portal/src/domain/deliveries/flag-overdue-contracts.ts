import type { Contract } from "@lotbridge/contract/contract";
import { computeLedger } from "@lotbridge/contract/delivery-ledger";
import { formatDate } from "@lotbridge/format/format-date";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyOrganization } from "@lotbridge/notifications/notify-organization";
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { contracts } from "../contracts/contract-table";
import { announceDelivery } from "./announce-delivery";
import { contractTickets, toleranceOf } from "./delivery-snapshot";

/**
 * Flags, once, every contract still open for deliveries (`active` or `in_delivery`) whose delivery window ended before
 * today (UTC): `overdueSince`, an `overdue` ledger entry, `contract.updated`, and the buyer organization is told. One
 * short transaction per contract under its row lock; rows another transaction holds (a ticket being recorded, another
 * instance's job) are skipped and picked up by a later run, and the lock's re-read condition keeps a contract just
 * fulfilled, or already flagged, from being flagged.
 */
export async function flagOverdueContracts(
  db: BuyerDb,
  now: Date,
  { publicUrl }: { publicUrl: string },
): Promise<Contract[]> {
  const today = now.toISOString().slice(0, 10);
  const flagged: Contract[] = [];
  for (;;) {
    const contract = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(contracts)
        .where(
          and(
            inArray(contracts.status, ["active", "in_delivery"]),
            isNull(contracts.overdueSince),
            lt(contracts.deliveryEnd, today),
          ),
        )
        .orderBy(asc(contracts.deliveryEnd), asc(contracts.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return undefined;
      const tickets = await contractTickets(tx, row.id);
      const ledger = computeLedger(
        { volume: row.volume, pricePerUnit: row.pricePerUnit, tolerance: toleranceOf(row) },
        tickets,
      );
      const quantity = (value: string) => formatQuantity(value, row.unit);
      const ended = formatDate(row.deliveryEnd);
      const left = /[1-9]/.test(ledger.remaining)
        ? `${quantity(ledger.remaining)} still to deliver`
        : "nothing left to deliver, not yet confirmed fulfilled";
      await tx.update(contracts).set({ overdueSince: now }).where(eq(contracts.id, row.id));
      const overdue = await announceDelivery(
        tx,
        row.id,
        "contract.updated",
        {
          kind: "overdue",
          by: { party: "system", name: "Lotbridge" },
          text: `Delivery window ended on ${ended} with ${left}`,
        },
        now,
      );
      await notifyOrganization(tx, publicUrl, {
        organizationId: row.buyerOrganizationId,
        type: "contract.overdue",
        title: `Contract ${row.number} is overdue`,
        body:
          `The delivery window ended on ${ended} with ${quantity(ledger.accepted)} of ${quantity(row.volume)} ` +
          `accepted from ${row.producerName}. Fulfil it, close it short, or record the remaining loads.`,
        link: `/contracts/${row.id}`,
        facts: [
          ["Contract", `${row.number} · ${row.lotTitle}`],
          ["Producer", row.producerName],
          ["Delivery window", `${formatDate(row.deliveryStart)} to ${ended}`],
          ["Accepted", `${quantity(ledger.accepted)} of ${quantity(row.volume)}`],
        ],
        emailByDefault: true,
      });
      return overdue;
    });
    if (!contract) return flagged;
    flagged.push(contract);
  }
}
