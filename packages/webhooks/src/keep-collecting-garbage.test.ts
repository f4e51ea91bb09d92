import { expect, it, vi } from "vitest";
import { keepCollectingGarbage } from "./keep-collecting-garbage";

// Made in a function of its own, so that no register of the test's own frame still holds the object.
const unheldObject = () => new WeakRef({ large: "x".repeat(1000) });

it("really collects: an object nothing holds is gone after a few collections", async () => {
  const stopCollecting = keepCollectingGarbage(5);
  const unheld = unheldObject();
  try {
    // Unforced, such an object outlived 10 s of the same busy allocation when tried: the bound tells the two apart.
    // A boolean goes to expect, not the object: each failed try's error would hold it, and so keep it alive.
    await vi.waitFor(() => expect(unheld.deref() === undefined).toBe(true), { timeout: 5000, interval: 5 });
  } finally {
    stopCollecting();
  }
});
