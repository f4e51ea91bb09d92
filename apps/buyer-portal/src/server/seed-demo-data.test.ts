import { organization, user } from "@lotbridge/auth/tables";
import { expect, it } from "vitest";
import { lots } from "@/domain/lots/lot-table";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";

it("seeds two buyer organizations, their users and draft lots once, and never again on a restart", async () => {
  const { db } = portal();
  expect(await seedDemoData(db)).toBe(true);
  const counts = async () => [await db.$count(organization), await db.$count(user), await db.$count(lots)];
  const first = await counts();
  expect(first[0]).toBe(2);
  expect(first[2]).toBeGreaterThanOrEqual(3);
  expect((await db.select({ status: lots.status }).from(lots)).every((l) => l.status === "draft")).toBe(true);
  expect(await seedDemoData(db)).toBe(false);
  expect(await counts()).toEqual(first);
});
