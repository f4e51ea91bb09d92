import type { Database } from "@lotbridge/db/database";
import { newId } from "@lotbridge/db/new-id";
import { OUTBOX_CHANNEL } from "@lotbridge/webhooks/outbox-channel";
import { outboxMessage } from "@lotbridge/webhooks/tables";
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
  const emails = input.email ? await emailsFor(tx, input, created, memberOf) : [];
  // One multi-row insert for every email, and one statement for every wake-up (the notification stream's signals, the
  // dispatchers'), whatever the organization's size: a bid's request pays the same few round trips for ten members
  // as for one. Each email is an outbox message as enqueueMessage writes it.
  if (emails.length > 0) await tx.insert(outboxMessage).values(emails);
  const signals: NotificationSignal[] = created.map((row) => ({ id: row.id, memberId: memberOf(row).memberId }));
  await tx.execute(
    sql`select (select count(pg_notify(${NOTIFICATION_CHANNEL}, signal::text)) from json_array_elements(${JSON.stringify(signals)}::json) as signal), ${emails.length > 0 ? sql`pg_notify(${OUTBOX_CHANNEL}, '')` : sql`null`}`,
  );
  return created;
}

/** The outbox rows of the emails `created` calls for: one per recipient whose preferences want this type by email. */
async function emailsFor(
  tx: Database,
  input: NotifyInput,
  created: UserNotification[],
  memberOf: (row: UserNotification) => NotificationRecipient,
): Promise<(typeof outboxMessage.$inferInsert)[]> {
  const wantsEmail = await emailChoices(tx, input.type, created.map(memberOf), input.emailByDefault);
  return created.flatMap((row) => {
    const recipient = memberOf(row);
    if (!input.email || !recipient.email || !wantsEmail.get(recipient.memberId)) return [];
    const { subject, text, html } = input.email(recipient, row);
    const payload: EmailPayload = {
      to: { name: recipient.name, address: recipient.email },
      memberId: recipient.memberId,
      subject,
      text,
      html,
    };
    return [{ id: newId("msg"), kind: "email", destination: "smtp", payload, eventId: row.id, eventType: input.type }];
  });
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
