import type { Database } from "@lotbridge/webhooks/database";
import { desc, sql } from "drizzle-orm";
import { type DevMail, devMailbox } from "./tables";

/**
 * The development mailbox, newest first: only the mail addressed to `address`, so that a user signed in to look at
 * their mail never sees other people's (or other organizations') messages.
 */
export async function listDevMailbox(db: Database, address: string, limit = 50): Promise<DevMail[]> {
  return db
    .select()
    .from(devMailbox)
    .where(
      sql`lower(${devMailbox.to}) like ${`%<${address.toLowerCase()}>`} or lower(${devMailbox.to}) = ${address.toLowerCase()}`,
    )
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 500));
}
