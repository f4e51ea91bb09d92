import fc from "fast-check";

/** The part of JSON Schema (as docs/openapi.json writes it) that request bodies use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

const DAY = 86_400_000;
const OMIT = Symbol("omit");

/** Text no field should store: C0 controls, DEL, lone surrogates, numbers that overflow, up to a megabyte. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.string({ maxLength: 6 }),
      fc.oneof(
        fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
        fc.constantFrom("\u007f", "\ud800", "\udbff", "\udc00", "\udfff"),
      ),
      fc.string({ maxLength: 6 }),
    )
    .map(([before, unfit, after]) => before + unfit + after),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 }),
  fc.constantFrom(
    "",
    " ",
    "999999999999999999999.9999",
    "1e308",
    "-1e308",
    "-0",
    "NaN",
    "Infinity",
    "-1",
    "0x1F",
    "1_000",
    "2027-02-30",
    "0000-01-01T00:00:00Z",
    "275760-09-13T00:00:00Z",
    "null",
    "[]",
    "'; drop table lot; --",
    "../../etc/passwd",
    "%00",
    "\u202e\u200b",
    "🌾".repeat(500),
  ),
  fc.constantFrom(256, 10_001, 1_048_576).map((length) => "x".repeat(length)),
);

const hostileNumber = fc.constantFrom(1e308, -1e308, -0, 2 ** 53 + 1, -(2 ** 63), 1e-320, 0.1 + 0.2, -1, 0);

/** Nested arrays or objects `depth` levels deep, built without recursion. */
export function nested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = kind === "array" ? [value] : { a: value };
  return value;
}

const deeplyNested = fc.constantFrom(nested(1000, "array"), nested(1000, "object"), nested(50, "object"));

/** Any value of the wrong kind: hostile text and numbers, other JSON types, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 2 },
  { arbitrary: fc.constantFrom(true, false, null), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  { arbitrary: deeplyNested, weight: 1 },
);

export interface SchemaContext {
  /** components.schemas of the document, for $ref. */
  schemas: Record<string, JsonSchema>;
  /** Values that exist in the database, by property name (lotId → ids of real lots), used as the valid choice. */
  known?: Record<string, fc.Arbitrary<unknown>>;
}

function resolve(schema: JsonSchema, context: SchemaContext): JsonSchema {
  if (!schema.$ref) return schema;
  return resolve(context.schemas[schema.$ref.replace("#/components/schemas/", "")], context);
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === "date-time") {
    return fc
      .date({ min: new Date(Date.now() + DAY), max: new Date(Date.now() + 400 * DAY), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (schema.format === "date") {
    return fc
      .date({ min: new Date("2027-01-01"), max: new Date("2028-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  }
  if (schema.format === "email") return fc.constantFrom("petra@farm.example", "ops@mill.example");
  if (schema.format === "uri") return fc.constantFrom("https://farm.example/hooks", "http://127.0.0.1:9/x");
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/**
 * Values for `schema` where every field is, independently, valid (mostly), hostile, or missing, with the odd extra
 * property: what a careless or malicious client sends.
 */
export function fromSchema(schema: JsonSchema, context: SchemaContext, name = ""): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, context);
  const known = context.known?.[name];
  if (known) return known;
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  const choices = resolved.oneOf ?? resolved.anyOf;
  if (choices) return fc.oneof(...choices.map((choice) => fromSchema(choice, context, name)));
  if (resolved.allOf) {
    const merged = resolved.allOf.map((part) => resolve(part, context));
    return fromSchema(
      {
        type: "object",
        properties: Object.assign({}, ...merged.map((part) => part.properties)),
        required: merged.flatMap((part) => part.required ?? []),
      },
      context,
      name,
    );
  }
  const type = [resolved.type ?? (resolved.properties ? "object" : "string")].flat().find((t) => t !== "null");
  switch (type) {
    case "object": {
      // Mostly valid, so a typical body spoils one or two fields and the rest reach the code behind validation.
      const fields = Object.entries(resolved.properties ?? {}).map(([key, property]) => [
        key,
        fc.oneof(
          { arbitrary: fromSchema(property, context, key), weight: 12 },
          { arbitrary: hostileValue, weight: 1 },
          { arbitrary: fc.constant(OMIT), weight: 1 },
        ),
      ]);
      const extra = fc.oneof(
        { arbitrary: fc.constant({}), weight: 6 },
        { arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }), weight: 1 },
      );
      return fc.tuple(extra, fc.record(Object.fromEntries(fields))).map(([more, record]) => ({
        ...more,
        ...Object.fromEntries(Object.entries(record).filter(([, value]) => value !== OMIT)),
      }));
    }
    case "array":
      return fc.array(fromSchema(resolved.items ?? {}, context, name), {
        minLength: resolved.minItems ?? 0,
        maxLength: Math.min(resolved.maxItems ?? 3, 3),
      });
    case "integer":
      return fc.integer({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 1000 });
    case "number":
      return fc.double({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    default:
      return validString(resolved);
  }
}

/** Field names the portals' own (non-OpenAPI) routes read, for bodies built without a schema. */
const FIELD_NAMES = [
  "action",
  "reason",
  "title",
  "commodity",
  "volume",
  "pricePerUnit",
  "currency",
  "expiresAt",
  "message",
  "deliveryTerms",
  "name",
  "email",
  "role",
  "password",
  "currentPassword",
  "newPassword",
  "ids",
  "url",
  "secret",
  "scopes",
  "platform",
  "enabled",
  "types",
  "email_enabled",
  "preferences",
  "validUntil",
  "signerName",
  "documentHash",
];

/** A body for a route with no schema in the document: known field names with plausible or hostile values. */
export const genericBody: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.dictionary(
      fc.constantFrom(...FIELD_NAMES),
      fc.oneof(hostileValue, fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 })),
      { maxKeys: 5 },
    ),
    weight: 4,
  },
  { arbitrary: hostileValue, weight: 1 },
);

/** What arrives on the wire: a JSON text with its content type, or something that only pretends to be one. */
export interface WireBody {
  text: string;
  contentType: string;
}

const notJson = fc.constantFrom(
  "",
  "{",
  '{"volume": 1e999}',
  "not json at all",
  "\ufeff{}",
  "\u0000",
  "[".repeat(100_000),
  '{"a":"\\ud800"}',
  "null",
);

/** A request body as sent: mostly `body` as JSON, sometimes raw non-JSON, the wrong content type or a wrong top type. */
export function wireBody(body: fc.Arbitrary<unknown>): fc.Arbitrary<WireBody> {
  const json = "application/json";
  return fc.oneof(
    { arbitrary: body.map((value) => ({ text: JSON.stringify(value) ?? "", contentType: json })), weight: 8 },
    { arbitrary: notJson.map((text) => ({ text, contentType: json })), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          body,
          fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"),
        )
        .map(([value, contentType]) => ({ text: JSON.stringify(value) ?? "", contentType })),
      weight: 1,
    },
    { arbitrary: hostileValue.map((value) => ({ text: JSON.stringify(value) ?? "", contentType: json })), weight: 1 },
  );
}
