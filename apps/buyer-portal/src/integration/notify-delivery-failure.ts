import { operatorRecipients } from "@lotbridge/auth/operator-recipients";
import type { Database } from "@lotbridge/db/database";
import { notifyPeople } from "@lotbridge/notifications/notify-organization";
import type { OutboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";

/**
 * A webhook the producer portal never took (dead after every retry, or refused for good, e.g. 410 Gone) is news for
 * whoever can act on it: the portal's operators (the memberships holding the operator grant), who alone manage the
 * integration. Not an organization's admins: they cannot open the Integrations page, and a message's error may
 * concern another organization. Without operators nobody is told; the dispatcher's log has it.
 */
export async function notifyDeliveryFailure(
  tx: Database,
  publicUrl: string,
  message: OutboxMessage,
  result: SendResult,
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
  await notifyPeople(tx, publicUrl, await operatorRecipients(tx), notice);
}
