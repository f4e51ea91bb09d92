import { describe, expect, it } from "vitest";
import { shareInFlight } from "./share-in-flight";

describe("shareInFlight", () => {
  it("shares a running call among callers of the same key, and calls again once it has settled", async () => {
    const calls: string[] = [];
    const read = shareInFlight(async (key) => {
      calls.push(key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `${key}@${calls.length}`;
    });

    expect(await Promise.all([read("a"), read("a"), read("b")])).toEqual(["a@2", "a@2", "b@2"]);
    expect(await read("a")).toBe("a@3");
    expect(calls).toEqual(["a", "b", "a"]);
  });

  it("does not keep a failure: the next call tries again", async () => {
    let fail = true;
    const read = shareInFlight(async () => {
      if (fail) throw new Error("no answer");
      return "row";
    });
    await expect(read("a")).rejects.toThrow("no answer");
    fail = false;
    expect(await read("a")).toBe("row");
  });
});
