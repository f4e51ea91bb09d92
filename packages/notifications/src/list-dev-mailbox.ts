import type { Database } from "@lotbridge/webhooks/database";
import { desc } from "drizzle-orm";
import { type DevMail, devMailbox } from "./tables";

/** The development mailbox, newest first. */
export async function listDevMailbox(db: Database, limit = 50): Promise<DevMail[]> {
  return db
    .select()
    .from(devMailbox)
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 500));
}
