import type { LotInput } from "@lotbridge/contract/lot";
import { newId } from "@lotbridge/db/new-id";
import { sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { requireFutureDeadline } from "./future-deadline";
import { type LotRow, lots } from "./lot-table";

export interface Actor {
  userId: string;
  organizationId: string;
}

/** A buyer starts a lot as a private draft; producers see nothing until it is published. */
export async function createDraftLot(db: BuyerTx, actor: Actor, input: LotInput, now = new Date()): Promise<LotRow> {
  const deadline = new Date(input.biddingDeadline);
  requireFutureDeadline(deadline, now);
  const [row] = await db
    .insert(lots)
    .values({
      id: newId("lot"),
      number: sql`'LOT-' || to_char(now() at time zone 'utc', 'YYYY') || '-' || lpad(nextval('lot_number_seq')::text, 6, '0')`,
      organizationId: actor.organizationId,
      createdBy: actor.userId,
      ...input,
      biddingDeadline: deadline,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row;
}
