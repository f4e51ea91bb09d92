import type { LotInput } from "@lotbridge/contract/lot";
import { newId } from "@lotbridge/db/new-id";
import { sql } from "drizzle-orm";
import type { BuyerTx } from "../../db/database";
import { deliveryTermValues } from "./delivery-term-values";
import { requireFutureDeadline } from "./future-deadline";
import { type LotRow, lots } from "./lot-table";

/**
 * Who acts on a buyer organization's lots: one of its members (signed in), or one of its organization API keys (the
 * organization's ERP). Either way only the organization's own lots are in reach.
 */
export type Actor = MemberActor | KeyActor;
export type MemberActor = { organizationId: string; userId: string };
export type KeyActor = { organizationId: string; apiKeyId: string };

/** The user a lot records as its creator; none for a key (lot.created_by names an account and is shown nowhere). */
const creatorOf = (actor: Actor) => ("userId" in actor ? actor.userId : null);

/**
 * A buyer starts a lot as a private draft; producers see nothing until it is published. Delivery terms left out are
 * the commodity's usual ones.
 */
export async function createDraftLot(db: BuyerTx, actor: Actor, input: LotInput, now = new Date()): Promise<LotRow> {
  const { tolerance: _, qualityParameters: __, ...terms } = input;
  const deadline = new Date(input.biddingDeadline);
  requireFutureDeadline(deadline, now);
  const [row] = await db
    .insert(lots)
    .values({
      id: newId("lot"),
      number: sql`'LOT-' || to_char(now() at time zone 'utc', 'YYYY') || '-' || lpad(nextval('lot_number_seq')::text, 6, '0')`,
      organizationId: actor.organizationId,
      createdBy: creatorOf(actor),
      ...terms,
      ...deliveryTermValues(input, true),
      biddingDeadline: deadline,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row;
}
