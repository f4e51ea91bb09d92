import type { Database } from "@lotbridge/db/database";
import { asc, eq } from "drizzle-orm";
import { type DeliveryAttempt, deliveryAttempt } from "./tables";

/** Every attempt to send one message, oldest first: the delivery log of an admin page. */
export async function messageAttempts(db: Database, messageId: string): Promise<DeliveryAttempt[]> {
  return db
    .select()
    .from(deliveryAttempt)
    .where(eq(deliveryAttempt.messageId, messageId))
    .orderBy(asc(deliveryAttempt.startedAt), asc(deliveryAttempt.attemptNumber));
}
