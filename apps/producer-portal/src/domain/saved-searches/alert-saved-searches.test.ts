import { insertUser, newAuthId } from "@lotbridge/auth/create-account";
import { member, organization } from "@lotbridge/auth/tables";
import type { Lot } from "@lotbridge/contract/lot";
import { notification, notificationPreference } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { listMarketplaceLots } from "@/domain/marketplace/list-marketplace-lots";
import { marketLots } from "@/domain/marketplace/market-lot-table";
import { marketplaceQuerySchema } from "@/domain/marketplace/marketplace-query";
import { applyOnce } from "@/integration/apply-once";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { SAVED_SEARCH_ALERT } from "./alert-saved-searches";
import { saveSearch } from "./save-search";
import { savedSearchInputSchema } from "./saved-search-input";
import { savedSearchAlerts, savedSearches } from "./saved-search-table";

const PUBLIC_URL = "http://producer.test";
const DAY = 86_400_000;

interface Person {
  memberId: string;
  organizationId: string;
  email: string;
}

async function farm(name: string, emails: string[]): Promise<Person[]> {
  const { db } = portal();
  const organizationId = newAuthId("org");
  await db.insert(organization).values({ id: organizationId, name, slug: organizationId });
  const people: Person[] = [];
  for (const email of emails) {
    const userId = await insertUser(db, organizationId, { name: email.split("@")[0], email, role: "member" }, "x");
    const [row] = await db.select({ id: member.id }).from(member).where(eq(member.userId, userId));
    people.push({ memberId: row.id, organizationId, email });
  }
  return people;
}

const save = (who: Person, body: Record<string, string>) =>
  saveSearch(portal().db, who, savedSearchInputSchema.parse({ name: `Search ${Math.random()}`, ...body }));

/** A lot event applied as a webhook or the feed brings it: through the inbox, in one transaction. */
const deliver = (type: "lot.published" | "lot.updated" | "lot.closed", lot: Lot, id?: string) => {
  const event = lotEvent(type, lot);
  return applyOnce(portal().db, { ...event, id: id ?? event.id }, "webhook", { publicUrl: PUBLIC_URL });
};

const alertsOf = (who: Person) =>
  portal()
    .db.select()
    .from(notification)
    .where(and(eq(notification.memberId, who.memberId), eq(notification.type, SAVED_SEARCH_ALERT)));
const emailsTo = async (who: Person) =>
  (await portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "email"))).filter(
    (m) => (m.payload as { to: { address: string } }).to.address === who.email && m.eventType === SAVED_SEARCH_ALERT,
  );

let piet: Person;
let greta: Person;
let hanna: Person;

beforeAll(async () => {
  [piet, greta] = await farm("Greenacre", ["piet@greenacre.test", "greta@greenacre.test"]);
  [hanna] = await farm("Hillside", ["hanna@hillside.test"]);
});

beforeEach(async () => {
  const { db } = portal();
  await db.delete(savedSearchAlerts);
  await db.delete(savedSearches);
  await db.delete(notification);
  await db.delete(outboxMessage);
  await db.delete(notificationPreference);
  await db.delete(marketLots);
});

describe("matching a lot against saved searches", () => {
  it("a saved search matches exactly the lots the marketplace lists for the same filters", async () => {
    const lots = [
      lotSnapshot({ title: "Malting barley, spring crop", commodity: "Barley", volume: "300.000" }),
      lotSnapshot({
        title: "Feed barley",
        commodity: "barley",
        deliveryLocation: "Rotterdam port",
        volume: "1200.000",
      }),
      lotSnapshot({
        title: "Milling wheat 100%",
        commodity: "Wheat",
        deliveryStart: "2027-07-01",
        deliveryEnd: "2027-07-31",
      }),
      lotSnapshot({ title: "Rapeseed", commodity: "Rapeseed", description: "Double-zero_quality", volume: "50.000" }),
    ];
    for (const lot of lots) await portal().db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", lot)));
    const filters: Record<string, string>[] = [
      {},
      { q: "barley" },
      { q: "MALTING  spring" },
      { q: "barley rotterdam" },
      { q: "100%" },
      { q: "zero_q" },
      { q: "zero%q" },
      { commodity: "BARLEY" },
      { location: "hamburg" },
      { location: "rotterdam port" },
      { deliveryFrom: "2027-08-01" },
      { deliveryTo: "2027-08-15" },
      { deliveryFrom: "2027-07-15", deliveryTo: "2027-07-20" },
      { minVolume: "300" },
      { maxVolume: "300" },
      { minVolume: "300.001", maxVolume: "1200" },
      { q: "barley", commodity: "Barley", minVolume: "500" },
    ];
    const { db } = portal();
    for (const filter of filters) {
      const listed = (await listMarketplaceLots(db, marketplaceQuerySchema.parse({ ...filter, limit: "100" }))).data;
      const search = await save(piet, filter);
      const matched: string[] = [];
      for (const lot of lots) {
        await db.delete(savedSearchAlerts);
        // Re-open each lot in turn (closed, then published again) so the alert hook matches it against the search.
        const closed = { ...lot, status: "closed" as const, version: lot.version + 1 };
        const reopened = { ...lot, version: lot.version + 2 };
        await db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.closed", closed), { publicUrl: PUBLIC_URL }));
        await db.transaction((tx) =>
          applyLotSnapshot(tx, lotEvent("lot.published", reopened), { publicUrl: PUBLIC_URL }),
        );
        lot.version += 2;
        const [alert] = await db.select().from(savedSearchAlerts).where(eq(savedSearchAlerts.lotId, lot.id));
        if (alert?.savedSearchId === search.id) matched.push(lot.id);
      }
      await db.delete(savedSearches);
      expect({ filter, matched: matched.sort() }).toEqual({ filter, matched: listed.map((l) => l.id).sort() });
    }
  });
});

describe("alerts", () => {
  it("a newly published matching lot tells the member once, in the app and by email, and a redelivery tells nobody", async () => {
    await save(piet, { q: "barley", commodity: "Barley" });
    const lot = lotSnapshot({ title: "Malting barley", commodity: "Barley", volume: "5000.000" });
    const event = lotEvent("lot.published", lot);

    expect((await deliver("lot.published", lot, event.id)).outcome).toBe("applied");
    const [alert] = await alertsOf(piet);
    expect(alert).toMatchObject({
      title: expect.stringContaining(`${lot.number} Malting barley`),
      link: `/lots/${lot.id}`,
    });
    expect(alert.body).toContain("5,000 t");
    expect(alert.body).not.toMatch(/\d\.\d{3}|GMT/);
    const [email] = await emailsTo(piet);
    expect((email.payload as { text: string }).text).toContain(`${PUBLIC_URL}/lots/${lot.id}`);

    // The same webhook again, the feed bringing the same event under the inbox, and the same snapshot re-sent.
    expect((await deliver("lot.published", lot, event.id)).outcome).toBe("duplicate");
    await deliver("lot.published", lot);
    // A later edit of the still open lot is no new lot.
    await deliver("lot.updated", { ...lot, description: "Now with a protein range", version: lot.version + 1 });
    expect(await alertsOf(piet)).toHaveLength(1);
    expect(await emailsTo(piet)).toHaveLength(1);
    expect(await portal().db.$count(savedSearchAlerts)).toBe(1);
  });

  it("a lot that matches nothing tells nobody", async () => {
    await save(piet, { commodity: "Barley" });
    await save(greta, { q: "rapeseed" });
    await save(hanna, { minVolume: "10000" });
    await deliver("lot.published", lotSnapshot({ title: "Milling wheat", commodity: "Wheat" }));
    expect(await portal().db.$count(notification)).toBe(0);
    expect(await portal().db.$count(outboxMessage)).toBe(0);
    expect(await portal().db.$count(savedSearchAlerts)).toBe(0);
  });

  it("re-opening tells a member who saved the search while the lot was closed, and nobody twice", async () => {
    const lot = lotSnapshot({ commodity: "Barley", title: "Feed barley" });
    await save(piet, { commodity: "barley" });
    await deliver("lot.published", lot);
    await deliver("lot.closed", { ...lot, status: "closed", version: lot.version + 1 });
    await save(greta, { q: "feed" });
    await deliver("lot.published", { ...lot, version: lot.version + 2 });
    expect(await alertsOf(piet)).toHaveLength(1);
    expect(await alertsOf(greta)).toHaveLength(1);
    // Closed and re-opened again: once per lot.
    await deliver("lot.closed", { ...lot, status: "closed", version: lot.version + 3 });
    await deliver("lot.published", { ...lot, version: lot.version + 4 });
    expect(await alertsOf(piet)).toHaveLength(1);
    expect(await alertsOf(greta)).toHaveLength(1);
  });

  it("a lot whose deadline passed and is moved out again counts as re-opened", async () => {
    const lot = lotSnapshot({ commodity: "Barley", biddingDeadline: new Date(Date.now() - DAY).toISOString() });
    await save(piet, { commodity: "barley" });
    await deliver("lot.published", lot);
    expect(await alertsOf(piet)).toHaveLength(0);
    await deliver("lot.updated", {
      ...lot,
      biddingDeadline: new Date(Date.now() + DAY).toISOString(),
      version: lot.version + 1,
    });
    expect(await alertsOf(piet)).toHaveLength(1);
  });

  it("two searches of one member matching the same lot tell them once; each matching colleague hears it", async () => {
    const first = await save(piet, { commodity: "Barley" });
    await save(piet, { q: "malting" });
    await save(greta, { q: "malting barley" });
    const lot = lotSnapshot({ title: "Malting barley", commodity: "Barley" });
    await deliver("lot.published", lot);
    expect(await alertsOf(piet)).toHaveLength(1);
    expect(await alertsOf(greta)).toHaveLength(1);
    const [pietsAlert] = await portal()
      .db.select()
      .from(savedSearchAlerts)
      .where(eq(savedSearchAlerts.memberId, piet.memberId));
    expect(pietsAlert.savedSearchId).toBe(first.id);
    expect((await alertsOf(piet))[0].title).toContain(first.name);
  });

  it("with email turned off for saved-search alerts, the member is told in the app only", async () => {
    await portal()
      .db.insert(notificationPreference)
      .values({ memberId: piet.memberId, type: SAVED_SEARCH_ALERT, email: false });
    await save(piet, { commodity: "Barley" });
    await save(greta, { commodity: "Barley" });
    await deliver("lot.published", lotSnapshot({ commodity: "Barley" }));
    expect(await alertsOf(piet)).toHaveLength(1);
    expect(await emailsTo(piet)).toHaveLength(0);
    expect(await emailsTo(greta)).toHaveLength(1);
  });

  it("tells only the people whose search matched: the neighbour farm's member hears nothing of another's search", async () => {
    await save(piet, { commodity: "Barley" });
    await save(hanna, { commodity: "Wheat" });
    await deliver("lot.published", lotSnapshot({ commodity: "Barley" }));
    expect(await alertsOf(piet)).toHaveLength(1);
    expect(await alertsOf(hanna)).toHaveLength(0);
    expect(await alertsOf(greta)).toHaveLength(0);
    expect(await emailsTo(hanna)).toHaveLength(0);
  });

  it("a cancelled, closed or awarded lot tells nobody", async () => {
    await save(piet, {});
    const lot = lotSnapshot();
    await deliver("lot.closed", { ...lot, status: "closed" });
    expect(await portal().db.$count(savedSearchAlerts)).toBe(0);
  });
});
