import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderBuyerApiTypes } from "./render-buyer-api-types";

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");

describe("the producer portal's generated buyer-portal client types", () => {
  it("are committed exactly as openapi-typescript generates them from docs/openapi.json", async () => {
    const committed = read("../apps/producer-portal/src/integration/buyer-api.d.ts");
    const fresh = await renderBuyerApiTypes(read("../docs/openapi.json"));
    expect(
      committed === fresh,
      "apps/producer-portal/src/integration/buyer-api.d.ts is out of date with docs/openapi.json: run `npm run openapi`",
    ).toBe(true);
  });

  it("type every operation of the document, so a call the document lacks does not compile", async () => {
    const types = await renderBuyerApiTypes(read("../docs/openapi.json"));
    const document = JSON.parse(read("../docs/openapi.json")) as { paths: Record<string, Record<string, unknown>> };
    for (const path of Object.keys(document.paths)) expect(types, path).toContain(`"${path}": {`);
    expect(types).toContain('"X-Producer-Organization": components["parameters"]["ProducerOrganization"];');
    expect(types).toContain('"Idempotency-Key": components["parameters"]["IdempotencyKey"];');
  });
});
