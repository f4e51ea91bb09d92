import type { LotInput } from "@lotbridge/contract/lot";
import { DomainError } from "@lotbridge/contract/problem";
import { newId } from "@lotbridge/db/new-id";
import { sql } from "drizzle-orm";
import type { BuyerDb } from "../../db/database";
import { type LotRow, lots } from "./lot-table";

export interface Actor {
  userId: string;
  organizationId: string;
}

/** A buyer starts a lot as a private draft; producers see nothing until it is published. */
export async function createDraftLot(db: BuyerDb, actor: Actor, input: LotInput, now = new Date()): Promise<LotRow> {
  if (new Date(input.biddingDeadline) <= now) {
    throw new DomainError("deadline-passed", 422, "biddingDeadline: must be in the future.", [
      { field: "biddingDeadline", message: "must be in the future" },
    ]);
  }
  const [row] = await db
    .insert(lots)
    .values({
      id: newId("lot"),
      number: sql`'LOT-' || to_char(now() at time zone 'utc', 'YYYY') || '-' || lpad(nextval('lot_number_seq')::text, 6, '0')`,
      organizationId: actor.organizationId,
      createdBy: actor.userId,
      ...input,
      biddingDeadline: new Date(input.biddingDeadline),
    })
    .returning();
  return row;
}
