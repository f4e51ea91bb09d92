import { describe, expect, it } from "vitest";
import { isoToZonedInput, zonedInputToIso } from "./zoned-time-input";

describe("a received time typed on the viewer's clock", () => {
  it("is the UTC instant of that wall time in the zone, in winter and in summer", () => {
    expect(zonedInputToIso("2026-11-30T09:40", "Europe/Berlin")).toBe("2026-11-30T08:40:00.000Z");
    expect(zonedInputToIso("2027-07-01T09:40", "Europe/Berlin")).toBe("2027-07-01T07:40:00.000Z");
    expect(zonedInputToIso("2027-07-01T09:40", "America/Chicago")).toBe("2027-07-01T14:40:00.000Z");
    expect(zonedInputToIso("2027-07-01T09:40", "Asia/Kolkata")).toBe("2027-07-01T04:10:00.000Z");
    expect(zonedInputToIso("2027-07-01T09:40", "UTC")).toBe("2027-07-01T09:40:00.000Z");
  });

  it("is right on both sides of a summer-time change; a repeated time is the second, a skipped one an hour later", () => {
    // Berlin moves from +1 to +2 at 2027-03-28 02:00 local, and back at 2027-10-31 03:00 local.
    expect(zonedInputToIso("2027-03-28T01:30", "Europe/Berlin")).toBe("2027-03-28T00:30:00.000Z");
    expect(zonedInputToIso("2027-03-28T03:30", "Europe/Berlin")).toBe("2027-03-28T01:30:00.000Z");
    expect(zonedInputToIso("2027-10-31T01:30", "Europe/Berlin")).toBe("2027-10-30T23:30:00.000Z");
    expect(zonedInputToIso("2027-10-31T04:00", "Europe/Berlin")).toBe("2027-10-31T03:00:00.000Z");
    expect(zonedInputToIso("2027-10-31T02:30", "Europe/Berlin")).toBe("2027-10-31T01:30:00.000Z");
    expect(zonedInputToIso("2027-03-28T02:30", "Europe/Berlin")).toBe("2027-03-28T01:30:00.000Z");
  });

  it("goes back as typed when it is not a full wall time, for the API to name", () => {
    expect(zonedInputToIso("", "Europe/Berlin")).toBe("");
    expect(zonedInputToIso("2027-07-01", "Europe/Berlin")).toBe("2027-07-01");
  });

  it("shows a stored instant on the zone's clock, the inverse of reading it", () => {
    expect(isoToZonedInput("2026-11-30T08:40:00.000Z", "Europe/Berlin")).toBe("2026-11-30T09:40");
    expect(isoToZonedInput("2027-07-01T14:40:00Z", "America/Chicago")).toBe("2027-07-01T09:40");
    expect(isoToZonedInput("not a time", "UTC")).toBe("");
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Adelaide"]) {
      const iso = "2027-05-14T18:05:00.000Z";
      expect(zonedInputToIso(isoToZonedInput(iso, zone), zone)).toBe(iso);
    }
  });
});
