import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";
import { formatRelativeDeadline } from "./format-relative-deadline";

const now = new Date("2026-12-01T00:00:00Z");
const after = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe("formatRelativeDeadline", () => {
  it("says how long until a deadline, rounded down", () => {
    expect(formatRelativeDeadline(after(2 * 1440 + 21 * 60 + 59), now)).toBe("closes in 2 days 21 h");
    expect(formatRelativeDeadline(after(1440), now)).toBe("closes in 1 day");
    expect(formatRelativeDeadline(after(135), now)).toBe("closes in 2 h 15 min");
    expect(formatRelativeDeadline(after(45), now)).toBe("closes in 45 min");
    expect(formatRelativeDeadline(after(0.5), now)).toBe("closes in under a minute");
  });

  it("says how long ago a deadline passed", () => {
    expect(formatRelativeDeadline(after(-180), now)).toBe("closed 3 h ago");
    expect(formatRelativeDeadline(after(0), now)).toBe("closed just now");
    expect(formatRelativeDeadline(after(-3 * 1440), now)).toBe("closed 3 days ago");
    expect(formatRelativeDeadline(after(30), now, { future: "answer due in", past: "was due" })).toBe(
      "answer due in 30 min",
    );
    expect(formatRelativeDeadline("garbage", now)).toBe("—");
  });

  it("formats a span on its own", () => {
    expect(formatDuration(59_999)).toBe("under a minute");
    expect(formatDuration(-61 * 60_000)).toBe("1 h 1 min");
  });
});
