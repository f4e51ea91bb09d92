import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { blockNames, buildExamples, type Example, fillIn, guidePath, renderGuide } from "./integration-guide-examples";

let examples: Example[];
const guide = () => readFileSync(guidePath, "utf8");

beforeAll(async () => {
  examples = await buildExamples();
});

/** The JSON inside each example block of the guide, as a reader sees it. */
function printedExamples(text: string): Map<string, unknown> {
  const printed = new Map<string, unknown>();
  for (const match of text.matchAll(/<!-- example:([^ ]+) -->\n```json\n([\s\S]*?)\n```\n<!-- \/example:\1 -->/g)) {
    printed.set(match[1], JSON.parse(match[2]));
  }
  return printed;
}

describe("the integration guide's payload examples", () => {
  it("are in docs/integration-guide.md exactly as the schemas generate them", () => {
    const text = guide();
    expect(
      renderGuide(text, examples) === text,
      "docs/integration-guide.md is out of date with packages/contract: run `npm run guide` and commit the result",
    ).toBe(true);
    expect([...blockNames(text)].sort()).toEqual(examples.map((example) => example.name).sort());
  });

  it("each parse with their schema, as printed in the guide", () => {
    const printed = printedExamples(guide());
    for (const example of examples) {
      expect(example.schema.safeParse(example.value).error, example.name).toBeUndefined();
      expect(printed.has(example.name), example.name).toBe(true);
      expect(example.schema.safeParse(printed.get(example.name)).error, example.name).toBeUndefined();
    }
  });

  it("cannot name a field the schema does not have, so a renamed field breaks the generation", () => {
    expect(() => fillIn({ volume: "1" }, { volume: "2", quantity: "2" }, "Bid")).toThrow(/Bid\.quantity/);
    expect(() => fillIn({ offers: [{ round: 1 }] }, { offers: [{ rnd: 2 }] }, "Bid")).toThrow(/offers\[0\]\.rnd/);
  });

  it("fills a nullable list sampled as its null default with plain values only", () => {
    expect(fillIn({ eventTypes: null }, { eventTypes: ["lot.published"] }, "E")).toEqual({
      eventTypes: ["lot.published"],
    });
    expect(() => fillIn({ offers: null }, { offers: [{ round: 1 }] }, "Bid")).toThrow(
      /Bid\.offers: the schema has no list/,
    );
  });
});
