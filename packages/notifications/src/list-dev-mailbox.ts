import type { Database } from "@lotbridge/db/database";
import { and, desc, eq } from "drizzle-orm";
import { type DevMail, devMailbox } from "./tables";

/** Whose mailbox: the signed-in person's membership and their sign-in email. */
export interface MailboxOwner {
  memberId: string;
  email: string;
}

/**
 * The development mailbox, newest first: only the mail kept for this membership and sent to exactly this address, so
 * that a person looking at their mail never sees anyone else's, nor what was sent to them in an organization they
 * have left. The address is compared whole (never as a pattern: `_` and `%` are ordinary characters of an address).
 */
export async function listDevMailbox(db: Database, owner: MailboxOwner, limit = 50): Promise<DevMail[]> {
  return db
    .select()
    .from(devMailbox)
    .where(and(eq(devMailbox.memberId, owner.memberId), eq(devMailbox.address, owner.email.toLowerCase())))
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 500));
}
