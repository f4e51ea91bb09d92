import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect-path";

const origin = "https://buyer.example.com";

describe("where sign-in sends you next", () => {
  it.each([
    ["/\\evil.example", "a backslash (next=/%5Cevil.example, decoded)"],
    ["/\\evil.example/x", "a backslash with a path"],
    ["/\t/evil.example", "a tab (next=/%09/evil.example, decoded)"],
    ["//evil.example", "a protocol-relative address"],
    ["/.//evil.example", "a path that normalizes to a protocol-relative address"],
    ["https://evil.example", "an absolute address elsewhere"],
    ["javascript:alert(1)", "a script URL"],
    ["", "nothing"],
  ])("an off-site target %j (%s) sends you home instead", (next) => {
    expect(safeRedirectPath(next, origin)).toBe("/");
  });

  it.each(["/%5Cevil.example/x", "/%09/evil.example"])("a still-encoded %j stays a path on the portal", (next) => {
    const path = safeRedirectPath(next, origin);
    expect(path).toBe(next);
    expect(new URL(path, origin).origin).toBe(origin);
  });

  it("a page of the portal is kept with its query and fragment", () => {
    expect(safeRedirectPath("/lots?x=1", origin)).toBe("/lots?x=1");
    expect(safeRedirectPath("/lots/lot_1?tab=bids#offer", origin)).toBe("/lots/lot_1?tab=bids#offer");
    expect(safeRedirectPath(`${origin}/contracts`, origin)).toBe("/contracts");
  });
});
