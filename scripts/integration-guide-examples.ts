import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { buildOpenApiDocument } from "@lotbridge/contract/openapi";
import { sample } from "openapi-sampler";
import type { z } from "zod";
import { renderOperationsBlock } from "./integration-guide-operations";
import { type Fill, OMIT, specs } from "./integration-guide-story";

/**
 * The payload examples of docs/integration-guide.md, generated from the contract's schemas so that they cannot drift:
 *
 * 1. openapi-sampler draws a skeleton from the schema's JSON Schema (the OpenAPI components built from the zod schemas),
 *    so every field the schema has appears in the example, in the schema's order;
 * 2. one story (a wheat lot, a bid, a counter-offer, a contract) fills in realistic values; naming a field the schema
 *    does not have is an error, and so is leaving a field at a placeholder the sampler made up;
 * 3. the zod schema parses the result, which must come out unchanged.
 *
 * So a renamed, added or retyped field breaks `npm run guide` (and scripts/integration-guide-examples.test.ts) until
 * the story is brought up to date. Run it to rewrite the blocks between `<!-- example:NAME -->` and
 * `<!-- /example:NAME -->` in the guide.
 */

export const guidePath = fileURLToPath(new URL("../docs/integration-guide.md", import.meta.url));

export interface Example {
  name: string;
  schema: z.ZodType;
  value: unknown;
}

// ---------------------------------------------------------------------------------------------------------------------
// Sampling, filling and checking.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The sampler's placeholders: a value still looking like one was not filled in by the story. */
function looksMadeUp(value: unknown): boolean {
  if (typeof value === "string") {
    return value === "string" || value.includes("\\") || value.startsWith("2019-08-24") || value === "user@example.com";
  }
  return typeof value === "number" && Math.abs(value) >= Number.MAX_SAFE_INTEGER;
}

/** The sampled skeleton with the story's values laid over it; a value for a field the schema lacks is an error. */
export function fillIn(sampled: unknown, fill: Fill, path: string): unknown {
  if (Array.isArray(fill)) {
    // A nullable list whose default is null samples as null: a list of plain values needs no item to fill in (the
    // schema's parse below still checks each of them).
    if (sampled === null && fill.every((item) => !isObject(item) && !Array.isArray(item))) return fill;
    if (!Array.isArray(sampled)) throw new Error(`${path}: the schema has no list here.`);
    const [template] = sampled;
    // A list whose default is empty samples as []: its items are taken as the story wrote them, and the schema's parse
    // below checks each (a field the item lacks is dropped there, which the equality check refuses).
    if (template === undefined) return fill;
    return fill.map((item, i) => fillIn(template, item, `${path}[${i}]`));
  }
  if (isObject(fill)) {
    if (!isObject(sampled)) throw new Error(`${path}: the schema has no object here.`);
    for (const key of Object.keys(fill)) {
      if (!(key in sampled)) throw new Error(`${path}.${key}: the schema has no such field; update the story.`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(sampled)) {
      if (!(key in fill)) out[key] = value;
      else if (fill[key] !== OMIT) out[key] = fillIn(value, fill[key], `${path}.${key}`);
    }
    return out;
  }
  return fill;
}

function madeUpPaths(value: unknown, path: string, found: string[] = []): string[] {
  const children: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item])
    : isObject(value)
      ? Object.entries(value).map(([key, inner]) => [`${path}.${key}`, inner])
      : [];
  for (const [childPath, child] of children) madeUpPaths(child, childPath, found);
  if (children.length === 0 && looksMadeUp(value)) found.push(path);
  return found;
}

/** Every example of the guide, each proven valid by its schema. */
export async function buildExamples(): Promise<Example[]> {
  const document = buildOpenApiDocument();
  const examples: Example[] = [];
  for (const spec of await specs()) {
    const skeleton = sample(
      { $ref: `#/components/schemas/${spec.component}` },
      { skipReadOnly: false, skipNonRequired: false, quiet: true },
      document,
    );
    const value = fillIn(skeleton, spec.fill, spec.name);
    const madeUp = madeUpPaths(value, spec.name);
    if (madeUp.length > 0) {
      throw new Error(
        `Give these fields a realistic value in scripts/integration-guide-examples.ts: ${madeUp.join(", ")}`,
      );
    }
    const parsed = spec.schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${spec.name} does not match its schema: ${issue.path.join(".")} ${issue.message}`);
    }
    if (!isDeepStrictEqual(parsed.data, value)) {
      throw new Error(`${spec.name}: parsing changes the example (a default, a trim or a dropped field).`);
    }
    examples.push({ name: spec.name, schema: spec.schema, value });
  }
  return examples;
}

// ---------------------------------------------------------------------------------------------------------------------
// The guide's marked blocks.

const BLOCK = /<!-- example:([^ ]+) -->\n[\s\S]*?<!-- \/example:\1 -->/g;

export function renderBlock(example: Example): string {
  return [
    `<!-- example:${example.name} -->`,
    "```json",
    JSON.stringify(example.value, null, 2),
    "```",
    `<!-- /example:${example.name} -->`,
  ].join("\n");
}

/** The names of the example blocks in `text`, in order. */
export function blockNames(text: string): string[] {
  return [...text.matchAll(BLOCK)].map((match) => match[1]);
}

/** `text` with every example block rewritten from `examples`; a block without an example is an error. */
export function renderGuide(text: string, examples: Example[]): string {
  const byName = new Map(examples.map((example) => [example.name, example]));
  return text.replace(BLOCK, (_block, name: string) => {
    const example = byName.get(name);
    if (!example) throw new Error(`docs/integration-guide.md has a block example:${name} that no example generates.`);
    return renderBlock(example);
  });
}

async function main() {
  const text = readFileSync(guidePath, "utf8");
  const examples = await buildExamples();
  const missing = examples.map((e) => e.name).filter((name) => !blockNames(text).includes(name));
  if (missing.length > 0) throw new Error(`docs/integration-guide.md has no block for: ${missing.join(", ")}`);
  const updated = renderOperationsBlock(renderGuide(text, examples));
  if (updated !== text) writeFileSync(guidePath, updated);
  console.log(`${updated === text ? "Unchanged" : "Wrote"} ${guidePath} (${examples.length} examples, operations)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
