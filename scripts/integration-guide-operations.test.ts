import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { guidePath } from "./integration-guide-examples";
import { renderOperationsBlock, renderOperationsTable } from "./integration-guide-operations";

describe("the integration guide's table of operations", () => {
  it("is in docs/integration-guide.md exactly as the OpenAPI document generates it", () => {
    const text = readFileSync(guidePath, "utf8");
    expect(
      renderOperationsBlock(text) === text,
      "docs/integration-guide.md is out of date with docs/openapi.json: run `npm run guide` and commit the result",
    ).toBe(true);
  });

  it("lists each operation once, with who may call it and its Idempotency-Key", () => {
    const table = renderOperationsTable();
    expect(table).toContain("| `POST /api/bids` | Submit a bid | key `bids:write` | required | 201 |");
    expect(table).toContain("| `PATCH /api/bids/{id}` | Revise a submitted bid | key `bids:write` | honoured | 200 |");
    expect(table).not.toContain("/api/notifications");
    const rows = table.split("\n").slice(2);
    expect(new Set(rows.map((row) => row.split(" | ")[0])).size).toBe(rows.length);
  });
});
