import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readDemoMarker, writeDemoMarker } from "./demo-marker";
import { StoryStop, waitFor } from "./portal-client";

describe("a demo story step waits for the other portal, bounded", () => {
  it("answers as soon as the check finds what it waits for", async () => {
    let asked = 0;
    const value = await waitFor("never shown", async () => (++asked === 3 ? "arrived" : undefined), 5_000, 5);
    expect(value).toBe("arrived");
    expect(asked).toBe(3);
  });

  it("fails after its limit with a sentence naming what did not arrive, and the portal's last answer", async () => {
    const started = Date.now();
    const waiting = waitFor(
      `Omar's bid on "Milling oats for flakes" did not reach the buyer portal`,
      async () => {
        throw new Error("GET /api/bids/pbid_1 as Omar answered 503: down");
      },
      200,
      10,
    );
    await expect(waiting).rejects.toThrow(
      `Omar's bid on "Milling oats for flakes" did not reach the buyer portal within 200 ms (last answer: GET /api/bids/pbid_1 as Omar answered 503: down)`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops at once on an answer that waiting cannot change (the buyer portal refused the bid)", async () => {
    const started = Date.now();
    await expect(
      waitFor(
        "never shown",
        async () => {
          throw new StoryStop("the buyer portal refused the bid");
        },
        10_000,
      ),
    ).rejects.toThrow("the buyer portal refused the bid");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("the demo story's marker", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("is kept per demo buyer organization, in a folder it creates, and an unreadable one counts as none", () => {
    dir = mkdtempSync(join(tmpdir(), "demo-marker-"));
    const file = join(dir, "nested", "demo-story.json");
    expect(readDemoMarker(file)).toBeUndefined();
    writeDemoMarker(file, { buyerOrganizationId: "org_1", playedAt: "2026-12-01T03:00:00.000Z" });
    expect(readDemoMarker(file)).toEqual({ buyerOrganizationId: "org_1", playedAt: "2026-12-01T03:00:00.000Z" });
    writeFileSync(file, "{ not json");
    expect(readDemoMarker(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ playedAt: null }));
    expect(readDemoMarker(file)).toBeUndefined();
  });
});
