import type { Database } from "@lotbridge/db/database";
import { sql } from "drizzle-orm";
import { outboxMessage } from "./tables";

/** The outbox as monitoring sees it: what waits to be sent (webhooks, API calls, email), since when, what was given up. */
export interface OutboxHealth {
  waiting: number;
  /** Age of the oldest message still waiting; null when none waits. A growing age means nothing is being delivered. */
  oldestWaitingSeconds: number | null;
  dead: number;
}

export async function outboxHealth(db: Database): Promise<OutboxHealth> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${outboxMessage.status} = 'pending')::int`,
      oldestWaitingSeconds: sql<
        number | null
      >`floor(extract(epoch from now() - min(${outboxMessage.createdAt}) filter (where ${outboxMessage.status} = 'pending')))::int`,
      dead: sql<number>`count(*) filter (where ${outboxMessage.status} = 'dead')::int`,
    })
    .from(outboxMessage)
    .where(sql`${outboxMessage.status} in ('pending', 'dead')`);
  return row;
}
