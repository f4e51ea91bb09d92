import { operatorRecipients } from "@lotbridge/auth/operator-recipients";
import { notifyPeople } from "@lotbridge/notifications/notify-organization";
import type { ProducerTx } from "../db/database";

/** The notification type operators get for an event parked as failed or refused (notification-types.ts). */
export const EVENT_NOT_APPLIED = "integration.event_not_applied";

/**
 * Tells the portal's operators, once per event, that an event from the buyer portal was parked: failed on its last
 * attempt, or refused as not this portal's. Operators, not an organization's admins: the Integration page and its
 * Replay are theirs, and a refused event may name another organization's bid. Without operators nobody is told;
 * the log and the Integration page still have it.
 */
export async function notifyOperatorsOfEvent(
  tx: ProducerTx,
  publicUrl: string,
  event: { id: string; type: string; status: "failed" | "refused"; reason: string; attempts: number },
): Promise<void> {
  const failed = event.status === "failed";
  await notifyPeople(tx, publicUrl, await operatorRecipients(tx as never), {
    type: EVENT_NOT_APPLIED,
    title: failed
      ? `An event from the buyer portal could not be applied: ${event.type}`
      : `An event from the buyer portal was refused: ${event.type}`,
    body: failed
      ? `It failed ${event.attempts} times and is parked until an operator replays it: ${event.reason}`
      : `It is not about a bid or contract of this portal and was not applied: ${event.reason}`,
    link: "/integration",
    facts: [
      ["Event", event.id],
      ["Attempts", String(event.attempts)],
    ],
    emailByDefault: true,
  });
}
