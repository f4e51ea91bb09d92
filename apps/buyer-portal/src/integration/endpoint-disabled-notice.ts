import { operatorRecipients } from "@lotbridge/auth/operator-recipients";
import type { Database } from "@lotbridge/db/database";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { notifyPeople } from "@lotbridge/notifications/notify-organization";
import type { WebhookEndpoint } from "@lotbridge/webhooks/tables";

/**
 * An endpoint turned off for failing too long is news for the operators, who alone can fix and re-enable it (the
 * same people told about dead messages, see notify-delivery-failure.ts). Its messages wait meanwhile.
 */
export async function notifyEndpointDisabled(
  tx: Database,
  publicUrl: string,
  endpoint: WebhookEndpoint,
): Promise<void> {
  await notifyPeople(tx, publicUrl, await operatorRecipients(tx), {
    type: "integration.endpoint-disabled",
    title: "A webhook endpoint was disabled",
    body:
      `${endpoint.url} failed every delivery for too long and no longer receives messages; they wait until it is ` +
      `enabled again. ${endpoint.disabledReason ?? ""}`.trim(),
    link: "/integrations",
    facts: [
      ["Endpoint", endpoint.id],
      ["Platform", endpoint.subscriber ?? "none"],
      ["Failing since", endpoint.failingSince ? formatDateTime(endpoint.failingSince, "UTC") : "unknown"],
    ],
    emailByDefault: true,
  });
}
