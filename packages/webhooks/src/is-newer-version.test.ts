import { describe, expect, it } from "vitest";
import { isNewerVersion } from "./is-newer-version";

describe("isNewerVersion", () => {
  it("applies a first snapshot and strictly newer ones only", () => {
    expect(isNewerVersion(undefined, 1)).toBe(true);
    expect(isNewerVersion(null, 1)).toBe(true);
    expect(isNewerVersion(3, 4)).toBe(true);
    expect(isNewerVersion(4, 4)).toBe(false);
    expect(isNewerVersion(4, 2)).toBe(false);
  });
});
