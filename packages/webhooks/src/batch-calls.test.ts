import { describe, expect, it } from "vitest";
import { batchCalls } from "./batch-calls";

describe("batchCalls", () => {
  it("writes the first item at once, alone, and everything that arrives meanwhile in the next call", async () => {
    const writes: number[][] = [];
    const add = batchCalls(async (items: number[]) => {
      writes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return items.map((item) => ({ status: "fulfilled" as const, value: item * 10 }));
    });

    const answers = await Promise.all([1, 2, 3, 4].map(add));
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it("settles each item as the write says, and rejects the whole batch when the write itself throws", async () => {
    let calls = 0;
    const add = batchCalls(async (items: string[]) => {
      calls += 1;
      if (calls === 1) throw new Error("database gone");
      return items.map((item) =>
        item === "bad"
          ? { status: "rejected" as const, reason: new Error("bad item") }
          : { status: "fulfilled" as const, value: item },
      );
    });

    const first = add("a");
    const [good, bad] = [add("b"), add("bad")];
    await expect(first).rejects.toThrow("database gone");
    await expect(good).resolves.toBe("b");
    await expect(bad).rejects.toThrow("bad item");
  });
});
