import { describe, expect, it } from "vitest";
import { lotListingQuerySchema } from "./lot-listing";

describe("external lot listing query", () => {
  it("defaults to published lots, 25 per page", () => {
    expect(lotListingQuerySchema.parse({})).toEqual({ status: "published", limit: 25 });
  });

  it("coerces query-string text", () => {
    const params = Object.fromEntries(new URLSearchParams("status=closed&limit=50&updatedSince=2026-11-01T00:00:00Z"));
    expect(lotListingQuerySchema.parse(params)).toEqual({
      status: "closed",
      limit: 50,
      updatedSince: "2026-11-01T00:00:00Z",
    });
  });

  it("refuses drafts, out-of-range limits and vague dates with actionable messages", () => {
    const result = lotListingQuerySchema.safeParse({ status: "draft", limit: "500", updatedSince: "yesterday" });
    expect(Object.fromEntries(result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [])).toEqual({
      status: "must be one of published, closed, awarded",
      limit: "must be a whole number from 1 to 100",
      updatedSince: "must be a date and time like 2026-08-15T12:00:00Z",
    });
  });
});
