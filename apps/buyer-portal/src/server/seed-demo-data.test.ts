import { organization, user } from "@lotbridge/auth/tables";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { lots } from "@/domain/lots/lot-table";
import { integrationEvents } from "@/integration/integration-tables";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";

it("seeds two buyer organizations, their users and a dozen lots once, and never again on a restart", async () => {
  const { db } = portal();
  expect(await seedDemoData(db)).toBe(true);
  const counts = async () => [
    await db.$count(organization),
    await db.$count(user),
    await db.$count(lots),
    await db.$count(integrationEvents),
  ];
  const first = await counts();
  expect(first.slice(0, 3)).toEqual([2, 3, 12]);
  expect(await seedDemoData(db)).toBe(false);
  expect(await counts()).toEqual(first);

  const rows = await db.select().from(lots);
  const byStatus = (status: string) => rows.filter((row) => row.status === status);
  expect(byStatus("draft")).toHaveLength(3);
  expect(byStatus("published")).toHaveLength(7);
  expect(byStatus("closed")).toHaveLength(1);
  expect(byStatus("cancelled")).toHaveLength(1);
  expect(new Set(rows.map((row) => row.commodity)).size).toBeGreaterThanOrEqual(6);
  // One published lot closes within two days, so "closing soon" has something to show on the first day.
  const closingSoon = byStatus("published").filter(
    (row) => row.biddingDeadline.getTime() - Date.now() < 48 * 60 * 60 * 1000,
  );
  expect(closingSoon.map((row) => row.title)).toEqual(["Feed barley, winter varieties"]);
  // Every lot producers saw went out as an event; the drafts, and the draft cancelled, did not.
  const events = (await db.select().from(integrationEvents)).map((e) => [
    e.type,
    (e.envelope as { data: { id: string } }).data.id,
  ]);
  expect(events.filter(([type]) => type === "lot.published")).toHaveLength(8);
  expect(events.filter(([type]) => type === "lot.closed")).toHaveLength(1);
  for (const draft of byStatus("draft")) expect(events.map(([, id]) => id)).not.toContain(draft.id);
  // … and each is queued as a webhook to the producer portal's endpoint, configured before the first publication
  // (start-up applies it only after the seed), so the demo lots arrive at once rather than at the next catch-up.
  const toProducerPortal = await db
    .select({ type: outboxMessage.eventType })
    .from(outboxMessage)
    .where(and(eq(outboxMessage.kind, "webhook"), eq(outboxMessage.destination, "producer-portal")));
  expect(toProducerPortal.filter((m) => m.type === "lot.published")).toHaveLength(8);
  expect(toProducerPortal.filter((m) => m.type === "lot.closed")).toHaveLength(1);
  // The original three drafts keep their owners.
  const owners = Object.fromEntries(
    (await db.select({ id: organization.id, name: organization.name }).from(organization)).map((o) => [o.id, o.name]),
  );
  expect(
    byStatus("draft")
      .map((row) => [row.title, owners[row.organizationId]])
      .sort(),
  ).toEqual([
    ["Malting barley, spring varieties", "Northfield Mills"],
    ["Milling wheat, harvest 2027", "Northfield Mills"],
    ["Yellow maize for feed", "Riverside Grain Traders"],
  ]);
  expect(await db.$count(notification, eq(notification.type, "lot.published"))).toBeGreaterThan(0);
});
