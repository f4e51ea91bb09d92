import type { Database } from "@lotbridge/db/database";
import { newId } from "@lotbridge/db/new-id";
import { enqueueMessage } from "@lotbridge/webhooks/enqueue-message";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { EmailPayload } from "./email-payload";
import { NOTIFICATION_CHANNEL, type NotificationSignal } from "./notification-channel";
import { notification, notificationPreference, type UserNotification } from "./tables";

export interface NotificationRecipient {
  userId: string;
  organizationId: string;
  /** The recipient's membership of `organizationId`: the notification, their email choice and the mail are its. */
  memberId: string;
  email: string;
  name: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface NotifyInput {
  /** The caller's event name, e.g. "bid.received"; preferences are kept per type. */
  type: string;
  recipients: readonly NotificationRecipient[];
  title: string;
  body: string;
  link?: string | null;
  /** Whether a recipient who never chose for this type gets it by email. */
  emailByDefault: boolean;
  /** The caller's email template for one recipient; without it the type is never emailed. */
  email?: (recipient: NotificationRecipient, created: UserNotification) => EmailContent;
}

/**
 * Records a notification for each recipient inside the caller's transaction, so it exists exactly when the change it
 * tells about does. The live signal and the emails ride on the same commit: NOTIFY is delivered only on commit, and
 * each email is an outbox message sent by the dispatcher afterwards, never from the request.
 */
export async function notify(tx: Database, input: NotifyInput): Promise<UserNotification[]> {
  // A member named twice (author and watcher of the same lot) gets one notification, not two.
  const byMember = new Map(input.recipients.map((r) => [r.memberId, r]));
  const recipients = [...byMember.values()];
  if (recipients.length === 0) return [];

  const created = await tx
    .insert(notification)
    .values(
      recipients.map((recipient) => ({
        id: newId("ntf"),
        recipientUserId: recipient.userId,
        organizationId: recipient.organizationId,
        memberId: recipient.memberId,
        type: input.type,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
      })),
    )
    .returning();

  // Every row was written with its recipient's membership just above.
  const memberOf = (row: UserNotification) => byMember.get(row.memberId!)!;
  const signals: NotificationSignal[] = created.map((row) => ({ id: row.id, memberId: memberOf(row).memberId }));
  await tx.execute(
    sql`select pg_notify(${NOTIFICATION_CHANNEL}, signal::text) from json_array_elements(${JSON.stringify(signals)}::json) as signal`,
  );

  if (input.email) {
    const wantsEmail = await emailChoices(tx, input.type, recipients, input.emailByDefault);
    for (const row of created) {
      const recipient = memberOf(row);
      if (!recipient.email || !wantsEmail.get(recipient.memberId)) continue;
      const { subject, text, html } = input.email(recipient, row);
      const payload: EmailPayload = {
        to: { name: recipient.name, address: recipient.email },
        memberId: recipient.memberId,
        subject,
        text,
        html,
      };
      await enqueueMessage(tx, {
        kind: "email",
        destination: "smtp",
        payload,
        eventId: row.id,
        eventType: input.type,
      });
    }
  }
  return created;
}

async function emailChoices(
  tx: Database,
  type: string,
  recipients: readonly NotificationRecipient[],
  byDefault: boolean,
): Promise<Map<string, boolean>> {
  const chosen = await tx
    .select({ memberId: notificationPreference.memberId, email: notificationPreference.email })
    .from(notificationPreference)
    .where(
      and(
        eq(notificationPreference.type, type),
        inArray(
          notificationPreference.memberId,
          recipients.map((r) => r.memberId),
        ),
      ),
    );
  const choices = new Map(recipients.map((r) => [r.memberId, byDefault]));
  for (const row of chosen) choices.set(row.memberId, row.email);
  return choices;
}
