import { describe, expect, it } from "vitest";
import { calendarDate, timestampInput } from "./iso-time";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);

describe("dates and times a caller sends", () => {
  it.each(["0000-01-01", "1999-12-31", "2101-01-01", "9999-12-31"])("refuses the calendar date %s", (date) => {
    expect(messages(calendarDate().safeParse(date))).toEqual(["must be between 2000 and 2100"]);
  });

  it.each(["0000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2100-12-31T20:00:00-05:00"])(
    "refuses the moment %s (judged in UTC)",
    (moment) => {
      expect(messages(timestampInput().safeParse(moment))).toEqual(["must be between 2000 and 2100"]);
    },
  );

  it("accepts the first and last day of the range", () => {
    expect(calendarDate().parse("2000-01-01")).toBe("2000-01-01");
    expect(calendarDate().parse("2100-12-31")).toBe("2100-12-31");
    expect(timestampInput().parse("2000-01-01T00:00:00Z")).toBe("2000-01-01T00:00:00Z");
    expect(timestampInput().parse("2100-12-31T23:59:59+00:00")).toBe("2100-12-31T23:59:59+00:00");
  });

  it("still answers a malformed date with the example, not the range", () => {
    expect(messages(calendarDate().safeParse("01.09.2026"))).toEqual(["must be a date like 2026-09-01"]);
  });
});
