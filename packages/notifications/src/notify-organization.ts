import { organizationRecipients, type Recipient } from "@lotbridge/auth/organization-recipients";
import type { Database } from "@lotbridge/db/database";
import { notify } from "./notify";
import { renderEmail } from "./render-email";
import type { UserNotification } from "./tables";

export interface Notice {
  type: string;
  title: string;
  body: string;
  /** Path in this portal, e.g. `/lots/lot_…`; emails turn it into a link on PUBLIC_URL. */
  link?: string;
  /** The object's key facts, shown in the email. */
  facts?: [string, string][];
  emailByDefault: boolean;
}

export interface OrganizationNotice extends Notice {
  organizationId: string;
  /** Only the organization's admins (e.g. integration failures), instead of every member. */
  adminsOnly?: boolean;
}

/**
 * Tells the people of an organization about a change, inside the transaction that made it: a notification each, and
 * an email each for those whose preferences want one.
 */
export async function notifyOrganization(
  tx: Database,
  publicUrl: string,
  notice: OrganizationNotice,
): Promise<UserNotification[]> {
  const recipients = await organizationRecipients(tx as never, notice.organizationId, {
    adminsOnly: notice.adminsOnly,
  });
  return notifyPeople(tx, publicUrl, recipients, notice);
}

/** The same for a list of people, e.g. the producers holding bids on a lot, or one user. */
export function notifyPeople(
  tx: Database,
  publicUrl: string,
  recipients: Recipient[],
  notice: Notice,
): Promise<UserNotification[]> {
  const href = notice.link ? new URL(notice.link, publicUrl).toString() : undefined;
  return notify(tx, {
    type: notice.type,
    recipients,
    title: notice.title,
    body: notice.body,
    link: notice.link ?? null,
    emailByDefault: notice.emailByDefault,
    email: () => ({
      subject: notice.title,
      ...renderEmail({
        title: notice.title,
        facts: [["What happened", notice.body], ...(notice.facts ?? [])],
        link: href,
        linkLabel: "Open in Lotbridge",
        footer: `You can choose which emails you get at ${new URL("/notifications/settings", publicUrl).toString()}`,
      }),
    }),
  });
}
