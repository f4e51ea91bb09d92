import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FuzzRequest, fuzzRoute } from "../testing/fuzz-routes";

const requests: fc.Arbitrary<FuzzRequest> = fc
  .integer({ min: 0, max: 9 })
  .map((n) => ({ method: "POST", path: `/api/things/${n}`, params: { id: String(n) }, query: "", headers: {} }));

const json = (status: number) => new Response("{}", { status, headers: { "content-type": "application/json" } });

describe("the fuzzer", () => {
  it("fails on a 5xx, naming the seed and the request", async () => {
    const handler = async (_: Request, { params }: { params: Promise<{ id: string }> }) =>
      json(Number((await params).id) % 2 === 1 ? 500 : 404);
    await expect(
      fuzzRoute({
        name: "POST /api/things/[id]",
        origin: "http://localhost",
        handler,
        requests,
        rowCounts: async () => ({}),
        changesOnRefusal: {},
      }),
    ).rejects.toThrow(/seed \d+.*5xx: POST \/api\/things\/[13579] params=\{"id":"[13579]"\}.* → 500/s);
  });

  it("fails when a refusal changes a table's row count, unless that table is allowed to", async () => {
    let rows = 0;
    const handler = async () => {
      rows++;
      return json(422);
    };
    const target = { name: "POST /api/things/[id]", origin: "http://localhost", handler, requests };
    const rowCounts = async () => ({ "public.thing": rows });
    await expect(fuzzRoute({ ...target, rowCounts, changesOnRefusal: {} })).rejects.toThrow(
      /refused but stored \(public\.thing \d+ → \d+\)/,
    );
    await fuzzRoute({ ...target, rowCounts, changesOnRefusal: { "public.thing": "a log of refusals" } });
  });
});
