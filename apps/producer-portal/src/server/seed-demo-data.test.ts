import { organization, user } from "@lotbridge/auth/tables";
import { expect, it } from "vitest";
import { portal } from "./portal";
import { seedDemoData } from "./seed-demo-data";

it("seeds three producer organizations and their users once, and never again on a restart", async () => {
  const { db } = portal();
  expect(await seedDemoData(db)).toBe(true);
  const counts = async () => [await db.$count(organization), await db.$count(user)];
  const first = await counts();
  expect(first).toEqual([3, 4]);
  expect(await seedDemoData(db)).toBe(false);
  expect(await counts()).toEqual(first);
});
