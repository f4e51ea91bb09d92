import { organization } from "@lotbridge/auth/tables";
import { notifyOrganization, notifyPeople } from "@lotbridge/runtime/notify-organization";
import type { Database } from "@lotbridge/webhooks/database";
import type { OutboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import { eq } from "drizzle-orm";
import { lots } from "../lots/lot-table";
import { integrationAdminRecipients } from "./integration-admins";

type Snapshot = { buyerOrganization?: { id?: string }; buyer?: { organizationId?: string }; lotId?: string };

/**
 * A webhook the producer portal never took (dead after every retry, or refused for good, e.g. 410 Gone) is news for
 * whoever can act on it: the integration admins when the operator names them (INTEGRATION_ADMINS); otherwise the
 * admins of the buyer organization it was about, and for a message about no organization (a ping) every
 * organization's admins.
 */
export async function notifyDeliveryFailure(
  tx: Database,
  publicUrl: string,
  message: OutboxMessage,
  result: SendResult,
  integrationAdmins: readonly string[] = [],
): Promise<void> {
  if (message.kind !== "webhook") return;
  const notice = {
    type: "integration.failing",
    title: "Messages to the producer portal are failing",
    body: `${message.eventType ?? "A message"} could not be delivered: ${result.error ?? `answer ${result.status}`}.`,
    link: "/integrations",
    facts: [
      ["Event", message.eventId ?? message.id],
      ["Attempts", String(message.attempts)],
    ] as [string, string][],
    emailByDefault: true,
  };
  if (integrationAdmins.length > 0) {
    await notifyPeople(tx, publicUrl, await integrationAdminRecipients(tx, integrationAdmins), notice);
    return;
  }
  const data = (message.payload as { data?: Snapshot } | null)?.data ?? {};
  let organizationIds = [data.buyerOrganization?.id ?? data.buyer?.organizationId].filter((id): id is string => !!id);
  if (organizationIds.length === 0 && data.lotId) {
    const [lot] = await tx.select({ org: lots.organizationId }).from(lots).where(eq(lots.id, data.lotId));
    if (lot) organizationIds = [lot.org];
  }
  if (organizationIds.length === 0) {
    organizationIds = (await tx.select({ id: organization.id }).from(organization)).map((o) => o.id);
  }
  for (const organizationId of organizationIds) {
    await notifyOrganization(tx, publicUrl, { ...notice, organizationId, adminsOnly: true });
  }
}
