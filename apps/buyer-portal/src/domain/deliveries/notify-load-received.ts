import { organizationRecipients } from "@lotbridge/auth/organization-recipients";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyPeople } from "@lotbridge/notifications/notify-organization";
import type { BuyerTx } from "../../db/database";
import type { ContractRow } from "../contracts/contract-table";
import { type AssessedVersion, versionOutcome } from "./assess-ticket-version";
import type { TicketWriter } from "./ticket-writer";

/**
 * Tells the buyer organization a load was recorded (`delivery.received`): every member but the one who recorded it,
 * or all of them when the organization's key did. A load with a measurement out of spec is also
 * `delivery.out_of_spec` to every member, naming the parameters.
 */
export async function notifyLoadReceived(
  tx: BuyerTx,
  publicUrl: string,
  row: ContractRow,
  writer: TicketWriter,
  ticketNumber: string,
  version: AssessedVersion,
): Promise<void> {
  const members = await organizationRecipients(tx as never, row.buyerOrganizationId);
  const link = `/contracts/${row.id}`;
  const facts: [string, string][] = [
    ["Contract", `${row.number}, ${row.lotTitle}`],
    ["Producer", row.producerName],
    ["Recorded by", writer.name],
  ];
  const colleagues = members.filter((member) => member.userId !== writer.userId);
  if (colleagues.length > 0) {
    await notifyPeople(tx, publicUrl, colleagues, {
      type: "delivery.received",
      title: `Ticket ${ticketNumber} recorded on contract ${row.number}`,
      body: `${versionOutcome(version, row.unit, row.currency)}.`,
      link,
      facts,
      emailByDefault: false,
    });
  }
  const outOfSpec = version.measurements.filter((measurement) => !measurement.inSpec);
  if (outOfSpec.length > 0) {
    const which = outOfSpec.map((measurement) => {
      const range = [
        measurement.min === null ? null : `min ${formatDecimal(measurement.min)}`,
        measurement.max === null ? null : `max ${formatDecimal(measurement.max)}`,
      ]
        .filter(Boolean)
        .join(", ");
      return `${measurement.name} ${formatDecimal(measurement.value)} ${measurement.unit} (${range})`;
    });
    await notifyPeople(tx, publicUrl, members, {
      type: "delivery.out_of_spec",
      title: `Load ${ticketNumber} on contract ${row.number} is out of spec`,
      body: `${formatQuantity(version.netWeight, row.unit)} from ${row.producerName}: ${which.join("; ")}.`,
      link,
      facts,
      emailByDefault: true,
    });
  }
}
