import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderOpenApiJson } from "@lotbridge/contract/openapi";
import { renderBuyerApiTypes } from "./render-buyer-api-types";

/**
 * Writes docs/openapi.json from the contract schemas, then the producer portal's client types from that file; tests
 * fail until this is rerun after a schema or route change.
 */
const document = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));
const types = fileURLToPath(new URL("../apps/producer-portal/src/integration/buyer-api.d.ts", import.meta.url));
writeFileSync(document, renderOpenApiJson());
console.log(`Wrote ${document}`);
writeFileSync(types, await renderBuyerApiTypes(readFileSync(document, "utf8")));
console.log(`Wrote ${types}`);
