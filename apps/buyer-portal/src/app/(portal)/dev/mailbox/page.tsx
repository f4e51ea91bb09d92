import { currentMember } from "@lotbridge/auth/current-member";
import { listDevMailbox } from "@lotbridge/notifications/list-dev-mailbox";
import { DevMailbox } from "@lotbridge/ui/dev-mailbox";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { portal } from "@/server/portal";

/** Without SMTP_URL, mail is kept here instead of being sent: each user sees what they would have received. */
export default async function DevMailboxPage() {
  const { auth, db, config } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) return null;
  if (config.SMTP_URL) {
    return <p>Mail is sent through the configured SMTP server; there is no development mailbox.</p>;
  }
  return (
    <section className="stack">
      <h1>Development mailbox</h1>
      <p className="muted">
        No SMTP server is configured (SMTP_URL), so the mail addressed to you ({me.email}) is kept here.
      </p>
      <DevMailbox mails={await listDevMailbox(db, me, 50)} timeZone={await readViewerTimeZone()} />
    </section>
  );
}
