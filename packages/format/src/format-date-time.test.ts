import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date";
import { formatDateTime } from "./format-date-time";
import { resolveTimeZone } from "./resolve-time-zone";
import { timeZoneLabel } from "./time-zone-label";

const winter = "2026-12-03T12:00:00.000Z";
const summer = "2026-07-01T12:00:00.000Z";

describe("formatDateTime", () => {
  it("writes the instant in the viewer's zone with the zone named", () => {
    expect(formatDateTime(winter, "Europe/Berlin")).toBe("3 Dec 2026, 13:00 CET");
    expect(formatDateTime(summer, "Europe/Berlin")).toBe("1 Jul 2026, 14:00 CEST");
    expect(formatDateTime(winter, "America/Chicago")).toBe("3 Dec 2026, 06:00 CST");
    expect(formatDateTime(summer, "America/Chicago")).toBe("1 Jul 2026, 07:00 CDT");
    expect(formatDateTime(winter, "UTC")).toBe("3 Dec 2026, 12:00 UTC");
    expect(formatDateTime(new Date(winter), "Asia/Tokyo")).toBe("3 Dec 2026, 21:00 UTC+9");
    expect(formatDateTime(winter, "Asia/Kolkata")).toBe("3 Dec 2026, 17:30 UTC+5:30");
  });

  it("falls back to UTC for a zone nobody knows, and to a dash for no date", () => {
    expect(formatDateTime(winter, "Mars/Olympus")).toBe("3 Dec 2026, 12:00 UTC");
    expect(formatDateTime(winter, "")).toBe("3 Dec 2026, 12:00 UTC");
    expect(formatDateTime(winter)).toBe("3 Dec 2026, 12:00 UTC");
    expect(formatDateTime(null, "UTC")).toBe("—");
    expect(formatDateTime("not a date", "UTC")).toBe("—");
  });

  it("never names a zone GMT, in any zone the runtime knows, winter or summer", () => {
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      for (const at of [winter, summer]) expect(timeZoneLabel(zone, new Date(at))).not.toMatch(/GMT/);
    }
    expect(timeZoneLabel("Europe/London", new Date(winter))).toBe("UTC");
    expect(timeZoneLabel("Europe/London", new Date(summer))).toBe("BST");
  });
});

describe("formatDate", () => {
  it("writes a calendar date as that day whatever the zone, and an instant as its day in the zone", () => {
    expect(formatDate("2026-12-03")).toBe("3 Dec 2026");
    expect(formatDate("2026-12-03", "Pacific/Kiritimati")).toBe("3 Dec 2026");
    expect(formatDate("2026-12-03T23:30:00Z", "Europe/Berlin")).toBe("4 Dec 2026");
    expect(formatDate("2026-12-03T23:30:00Z", "Nope/Nowhere")).toBe("3 Dec 2026");
    expect(formatDate(undefined)).toBe("—");
    expect(formatDate("2026-09-01")).toBe("1 Sep 2026");
    expect(formatDateTime("2026-09-30T23:59:00Z", "UTC")).toBe("30 Sep 2026, 23:59 UTC");
    expect(formatDateTime("2027-01-01T00:05:00Z", "UTC")).toBe("1 Jan 2027, 00:05 UTC");
  });
});

describe("resolveTimeZone", () => {
  it("keeps a zone the runtime knows and falls back to UTC otherwise", () => {
    expect(resolveTimeZone("America/Chicago")).toBe("America/Chicago");
    expect(resolveTimeZone("../../etc/passwd")).toBe("UTC");
    expect(resolveTimeZone(undefined)).toBe("UTC");
    expect(resolveTimeZone("x".repeat(200))).toBe("UTC");
  });
});
