import type { Recipient } from "@lotbridge/auth/organization-recipients";
import type { Lot } from "@lotbridge/contract/lot";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { notifyPeople } from "@lotbridge/notifications/notify-organization";
import { sql } from "drizzle-orm";
import type { ProducerTx } from "../../db/database";

export const SAVED_SEARCH_ALERT = "lot.matches_saved_search";

interface Told extends Record<string, unknown> {
  member_id: string;
  organization_id: string;
  user_id: string;
  user_name: string;
  email: string;
  search_name: string;
}

/**
 * Tells each member whose saved search matches the lot — as it now stands in the marketplace replica — about it, once
 * per member and lot whatever happens later (redelivery, feed replay, re-opening, a second matching search). Called in
 * the transaction that applied the snapshot that opened the lot. Finding the searches, recording the alerts and reading
 * the recipients is one statement; only when someone is told do the notifications (and emails, as their preferences
 * say) follow. The conditions are the marketplace's (listMarketplaceLots) with the search's values in place of the
 * query's: every word of `q` in the lot's text and of `location` in its delivery location (any case), commodity equal
 * in any case, a delivery window that overlaps, and the volume within bounds.
 */
export async function alertSavedSearches(tx: ProducerTx, publicUrl: string, lot: Lot): Promise<number> {
  const { rows } = await tx.execute<Told>(sql`
    with matched as (
      select distinct on (s.member_id) s.member_id, s.id, s.name
      from saved_search s, market_lot m
      where m.id = ${lot.id}
        and m.search_text ilike all (s.q_patterns)
        and m.delivery_location ilike all (s.location_patterns)
        and (s.commodity is null or lower(m.commodity) = lower(s.commodity))
        and (s.delivery_from is null or m.delivery_end >= s.delivery_from)
        and (s.delivery_to is null or m.delivery_start <= s.delivery_to)
        and (s.min_volume is null or m.volume >= s.min_volume)
        and (s.max_volume is null or m.volume <= s.max_volume)
      order by s.member_id, s.created_at, s.id
    ), told as (
      insert into saved_search_alert (member_id, lot_id, saved_search_id)
      select member_id, ${lot.id}, id from matched
      on conflict do nothing
      returning member_id
    )
    select told.member_id, mb.organization_id, mb.user_id, u.name as user_name, u.email, matched.name as search_name
    from told
    join matched on matched.member_id = told.member_id
    join member mb on mb.id = told.member_id
    join "user" u on u.id = mb.user_id
  `);
  if (rows.length === 0) return 0;
  // One notice per search name (members who named their searches alike share it); usually one or a few.
  const bySearchName = new Map<string, Recipient[]>();
  for (const row of rows) {
    const recipient: Recipient = {
      memberId: row.member_id,
      organizationId: row.organization_id,
      userId: row.user_id,
      name: row.user_name,
      email: row.email,
    };
    bySearchName.set(row.search_name, [...(bySearchName.get(row.search_name) ?? []), recipient]);
  }
  const volume = formatQuantity(lot.volume, lot.unit);
  const delivery = `${lot.deliveryLocation} (${lot.incoterm}), ${formatDate(lot.deliveryStart)} – ${formatDate(lot.deliveryEnd)}`;
  const closes = formatDateTime(lot.biddingDeadline, "UTC");
  for (const [searchName, recipients] of bySearchName) {
    await notifyPeople(tx, publicUrl, recipients, {
      type: SAVED_SEARCH_ALERT,
      title: `New lot for "${searchName}": ${lot.number} ${lot.title}`,
      body: `${lot.buyerOrganization.name} wants ${volume} of ${lot.commodity}, delivered ${delivery}. Bidding closes ${closes}.`,
      link: `/lots/${lot.id}`,
      facts: [
        ["Saved search", searchName],
        ["Buyer", lot.buyerOrganization.name],
        ["Volume", volume],
        ["Target price", lot.targetPrice ? formatPrice(lot.targetPrice, lot.currency, lot.unit) : "open"],
        ["Delivery", delivery],
        ["Bidding closes", closes],
      ],
      emailByDefault: true,
    });
  }
  return rows.length;
}
