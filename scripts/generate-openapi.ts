import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderOpenApiJson } from "@lotbridge/contract/openapi";

/** Writes docs/openapi.json from the contract schemas; a test fails until it is rerun after a schema change. */
const target = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));
writeFileSync(target, renderOpenApiJson());
console.log(`Wrote ${target}`);
