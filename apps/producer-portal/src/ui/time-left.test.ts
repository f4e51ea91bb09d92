import { describe, expect, it } from "vitest";
import { describeTimeLeft } from "./time-left";

const now = new Date("2026-11-02T09:00:00Z");
const plus = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe("time left to bid", () => {
  it.each([
    [3 * 1440 + 4 * 60 + 10, "3 days 4 h"],
    [1440, "1 day"],
    [2 * 60 + 15, "2 h 15 min"],
    [60, "1 h"],
    [45, "45 min"],
    [0.5, "under a minute"],
    [0, "bidding has ended"],
    [-30, "bidding has ended"],
  ])("%d minutes before the deadline reads %s", (minutes, text) => {
    expect(describeTimeLeft(plus(minutes), now)).toBe(text);
  });
});
