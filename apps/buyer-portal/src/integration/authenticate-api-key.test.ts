import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { authenticatePlatformKey } from "./authenticate-api-key";
import { apiKeys } from "./integration-tables";
import { issueApiKey } from "./issue-api-key";

const MINUTE = 60_000;
let issued: { id: string; key: string };

beforeAll(async () => {
  issued = await issueApiKey(portal().db, { name: "last used", platform: "producer-portal", scopes: ["bids:write"] });
});

const lastUsed = async () =>
  (await portal().db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, issued.id)))[0]?.at;
const use = (now: Date) =>
  authenticatePlatformKey(portal().db, new Headers({ "x-api-key": issued.key }), "bids:write", now);

describe("a key's last-used time", () => {
  it("is set on first use, kept for a minute, and moved on by the first use after it", async () => {
    const first = new Date("2027-03-01T10:00:00Z");
    expect(await lastUsed()).toBeNull();
    await use(first);
    expect(await lastUsed()).toEqual(first);

    await use(new Date(first.getTime() + 59_000));
    expect(await lastUsed()).toEqual(first);

    const later = new Date(first.getTime() + MINUTE + 1);
    await use(later);
    expect(await lastUsed()).toEqual(later);
  });

  it("is not touched by a refused call", async () => {
    const before = await lastUsed();
    await expect(
      authenticatePlatformKey(
        portal().db,
        new Headers({ "x-api-key": issued.key }),
        "lots:read",
        new Date("2030-01-01"),
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect(await lastUsed()).toEqual(before);
  });
});
