import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eventTypes } from "./event-catalog";
import { eventComponentName } from "./event-envelope";
import { buildOpenApiDocument, renderOpenApiJson } from "./openapi";

const committedPath = fileURLToPath(new URL("../../../docs/openapi.json", import.meta.url));

const operations = [
  ["get", "/api/lots/external"],
  ["get", "/api/lots/external/{id}"],
  ["post", "/api/bids"],
  ["get", "/api/bids/{id}"],
  ["patch", "/api/bids/{id}"],
  ["put", "/api/bids/{id}"],
  ["post", "/api/bids/{id}/withdraw"],
  ["post", "/api/bids/{id}/counter"],
  ["post", "/api/bids/{id}/counter-offers"],
  ["post", "/api/bids/{id}/counter-offers/{offerId}/accept"],
  ["post", "/api/bids/{id}/counter-offers/{offerId}/reject"],
  ["get", "/api/contracts/{id}"],
  ["get", "/api/contracts/{id}/document"],
  ["post", "/api/contracts/{id}/signatures"],
  ["post", "/api/contracts/{id}/cancel"],
  ["post", "/api/contracts/{id}/complete"],
  ["get", "/api/events"],
  ["post", "/api/integration/pongs"],
  ["get", "/api/openapi.json"],
  ["get", "/api/health"],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: the test walks a JSON document by property names
type Json = Record<string, any>;
const doc = buildOpenApiDocument() as unknown as Json;
const op = (method: string, path: string): Json => doc.paths[path][method];

/** Follows every $ref in the document and returns the ones that point nowhere. */
function danglingRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) danglingRefs(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") {
        const target = inner
          .slice(2)
          .split("/")
          .reduce<Json | undefined>((node, part) => node?.[part], doc);
        if (target === undefined) found.push(inner);
      } else danglingRefs(inner, found);
    }
  }
  return found;
}

describe("OpenAPI document", () => {
  it("is committed as docs/openapi.json exactly as the schemas generate it", () => {
    const committed = readFileSync(committedPath, "utf8");
    expect(
      committed === renderOpenApiJson(),
      "docs/openapi.json is out of date with packages/contract: run `npm run openapi` and commit the result",
    ).toBe(true);
  });

  it("is deterministic", () => {
    expect(renderOpenApiJson()).toBe(renderOpenApiJson());
  });

  it("is an OpenAPI 3.1 document whose components hold the shared schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const id of ["Bid", "Offer", "Lot", "LotPage", "Contract", "Problem", "EventEnvelope", "EventFeedPage"]) {
      expect(doc.components.schemas[id], id).toMatchObject({});
    }
    expect(Object.keys(doc.components.schemas)).toEqual([...Object.keys(doc.components.schemas)].sort());
    expect(danglingRefs(doc)).toEqual([]);
  });

  it("references shared schemas instead of inlining them", () => {
    expect(doc.components.schemas.Bid.properties.bidder).toEqual({ $ref: "#/components/schemas/Bidder" });
    expect(doc.components.schemas.Bid.properties.offers.items).toEqual({ $ref: "#/components/schemas/Offer" });
    expect(doc.components.schemas.LotPublishedEvent.properties.data).toEqual({ $ref: "#/components/schemas/Lot" });
    expect(renderOpenApiJson()).not.toContain("#/$defs/");
  });

  it("documents money as decimal strings, never numbers", () => {
    const bid = doc.components.schemas.Bid.properties;
    for (const field of ["volume", "pricePerUnit", "total"]) expect(bid[field].type, field).toBe("string");
    expect(doc.components.schemas.BidSubmission.properties.pricePerUnit.pattern).toBe("^\\d{1,11}(\\.\\d{1,4})?$");
  });

  it("has every path of the integration contract, each answering problems as problem+json", () => {
    for (const [method, path] of operations) {
      expect(op(method, path), `${method.toUpperCase()} ${path}`).toBeDefined();
    }
    for (const name of ["BadRequest", "Unauthenticated", "Forbidden", "NotFound", "Conflict", "ValidationFailed"]) {
      expect(doc.components.responses[name].content["application/problem+json"].schema).toEqual({
        $ref: "#/components/schemas/Problem",
      });
    }
    expect(Object.keys(op("post", "/api/bids").responses)).toEqual([
      "201",
      "400",
      "401",
      "403",
      "404",
      "409",
      "413",
      "415",
      "422",
      "429",
    ]);
    expect(op("post", "/api/bids").requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/BidSubmission",
    });
  });

  it("requires an Idempotency-Key on bid submission", () => {
    const header = doc.components.parameters.IdempotencyKey;
    expect(op("post", "/api/bids").parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(header).toMatchObject({ name: "Idempotency-Key", in: "header", required: true });
  });

  it("declares the Idempotency-Key and the replay header on every operation that honours one", () => {
    const optional = { $ref: "#/components/parameters/IdempotencyKeyOptional" };
    const honouring = [
      ["patch", "/api/bids/{id}"],
      ["post", "/api/bids/{id}/withdraw"],
      ["post", "/api/bids/{id}/counter-offers"],
      ["post", "/api/bids/{id}/counter-offers/{offerId}/accept"],
      ["post", "/api/bids/{id}/counter-offers/{offerId}/reject"],
      ["post", "/api/contracts/{id}/signatures"],
    ] as const;
    for (const [method, path] of honouring) {
      const operation = op(method, path);
      expect(operation.parameters, `${method} ${path}`).toContainEqual(optional);
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"))?.[1] as Json;
      expect(success.headers["idempotent-replayed"], `${method} ${path}`).toEqual({
        $ref: "#/components/headers/IdempotentReplayed",
      });
      expect(operation.responses["409"], `${method} ${path}`).toBeDefined();
    }
    expect(doc.components.parameters.IdempotencyKeyOptional).toMatchObject({
      name: "Idempotency-Key",
      required: false,
    });
    expect(op("post", "/api/bids").responses["201"].headers["idempotent-replayed"]).toBeDefined();
  });

  it("answers too large, wrong media type and rate limits as problem+json where they can happen", () => {
    for (const name of ["PayloadTooLarge", "UnsupportedMediaType", "TooManyRequests"]) {
      expect(doc.components.responses[name].content["application/problem+json"]).toBeDefined();
    }
    expect(doc.components.responses.TooManyRequests.headers["Retry-After"]).toBeDefined();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, Json>)) {
        const name = `${method} ${path}`;
        if (operation.requestBody)
          expect(Object.keys(operation.responses), name).toEqual(expect.arrayContaining(["413", "415"]));
        const byKey = (operation.security as Json[]).some((requirement) => "ApiKey" in requirement);
        if (byKey) expect(operation.responses["429"], name).toBeDefined();
      }
    }
    expect(op("get", "/api/lots/external").responses["413"]).toBeUndefined();
  });

  it("documents the buyer's own lot API and the operators' admin API", () => {
    for (const [method, path] of [
      ["get", "/api/lots"],
      ["post", "/api/lots"],
      ["get", "/api/lots/{id}"],
      ["put", "/api/lots/{id}"],
      ["delete", "/api/lots/{id}"],
      ["post", "/api/lots/{id}/publish"],
      ["post", "/api/lots/{id}/close"],
      ["post", "/api/lots/{id}/cancel"],
      ["get", "/api/contracts"],
      ["get", "/api/admin/integration"],
      ["post", "/api/admin/api-keys"],
    ] as const) {
      expect(op(method, path), `${method} ${path}`).toBeDefined();
    }
    expect(op("post", "/api/lots").requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/LotInput",
    });
    expect(op("get", "/api/lots/{id}").responses["200"].headers.ETag).toBeDefined();
  });

  it("names each operation once", () => {
    const ids = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods as Record<string, Json>).map((operation) => operation.operationId),
    );
    expect(ids.length).toBe(new Set(ids).size);
  });

  it("notes the scope or session each call needs", () => {
    expect(op("get", "/api/lots/external").security).toEqual([
      { ApiKey: ["lots:read"] },
      { BearerApiKey: ["lots:read"] },
    ]);
    expect(op("patch", "/api/bids/{id}").security).toEqual([
      { ApiKey: ["bids:write"] },
      { BearerApiKey: ["bids:write"] },
    ]);
    expect(op("post", "/api/contracts/{id}/signatures").description).toContain("`contracts:write` scope");
    expect(op("put", "/api/bids/{id}").security).toEqual([{ BuyerSession: [] }]);
    expect(op("post", "/api/bids/{id}/counter").security).toEqual([{ BuyerSession: [] }]);
    expect(op("get", "/api/health").security).toEqual([]);
    expect(doc.components.securitySchemes.ApiKey).toMatchObject({ type: "apiKey", in: "header", name: "X-API-Key" });
    expect(doc.components.securitySchemes.BearerApiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.BuyerSession).toMatchObject({ type: "apiKey", in: "cookie" });
  });

  it("turns listing queries into query parameters with their defaults", () => {
    const params = op("get", "/api/lots/external").parameters as Json[];
    expect(params.map((p) => p.name)).toEqual(["status", "commodity", "q", "updatedSince", "cursor", "limit"]);
    expect(params.find((p) => p.name === "limit")).toMatchObject({
      in: "query",
      schema: { type: "integer", minimum: 1, maximum: 100, default: 25 },
    });
    expect((op("get", "/api/events").parameters as Json[]).map((p) => p.name)).toEqual(["after", "limit"]);
  });

  it("serves the contract document as a PDF", () => {
    expect(Object.keys(op("get", "/api/contracts/{id}/document").responses["200"].content)).toEqual([
      "application/pdf",
    ]);
  });

  it("has one signed webhook per event type, with the event's envelope as body", () => {
    expect(Object.keys(doc.webhooks)).toEqual(eventTypes);
    for (const type of eventTypes) {
      const post = doc.webhooks[type].post;
      expect(post.requestBody.content["application/json"].schema).toEqual({
        $ref: `#/components/schemas/${eventComponentName(type)}`,
      });
      expect(post.parameters.map((p: Json) => doc.components.parameters[p.$ref.split("/").pop()].name)).toEqual([
        "webhook-id",
        "webhook-timestamp",
        "webhook-signature",
      ]);
    }
    expect(doc.components.schemas.BidCounterOfferEvent.properties.type).toMatchObject({ const: "bid.counter_offer" });
    expect(doc.components.schemas.EventEnvelope.oneOf).toHaveLength(eventTypes.length);
  });
});
