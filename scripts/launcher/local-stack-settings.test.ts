import { expect, it } from "vitest";
import { portalNodeOptions } from "./local-stack-settings";

it("gives the portals small semi-spaces unless a person's own NODE_OPTIONS say otherwise (later flags win)", () => {
  expect(portalNodeOptions(undefined)).toBe("--max-semi-space-size=2");
  expect(portalNodeOptions("--max-semi-space-size=16 --inspect")).toBe(
    "--max-semi-space-size=2 --max-semi-space-size=16 --inspect",
  );
});
