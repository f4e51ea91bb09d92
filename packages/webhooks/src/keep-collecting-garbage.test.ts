import { expect, it } from "vitest";
import { keepCollectingGarbage } from "./keep-collecting-garbage";

// Made in a function of its own, so that no register of the test's own frame still holds the object.
const unheldObject = () => new WeakRef({ large: "x".repeat(1000) });

it("really collects: an object nothing holds is gone after a few collections", async () => {
  const stopCollecting = keepCollectingGarbage(5);
  const unheld = unheldObject();
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unheld.deref()).toBeUndefined();
  } finally {
    stopCollecting();
  }
});
