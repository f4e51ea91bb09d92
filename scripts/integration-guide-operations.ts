import { buildOpenApiDocument } from "@lotbridge/contract/openapi";

/**
 * The guide's table of every operation, written from the OpenAPI document itself, so the guide promises exactly what
 * the document has: who may call it, whether it takes an Idempotency-Key, what it answers.
 */

// biome-ignore lint/suspicious/noExplicitAny: the renderer walks a JSON document by property names
type Json = Record<string, any>;

const METHODS = ["get", "post", "put", "patch", "delete"];
const BLOCK = /<!-- operations -->\n[\s\S]*?<!-- \/operations -->/;

function who(operation: Json): string {
  const requirements = operation.security as Json[];
  if (requirements.length === 0) return "anyone";
  const scopes = [...new Set(requirements.flatMap((r) => (r.ApiKey as string[] | undefined) ?? []))];
  const parts = scopes.map((scope) => `key \`${scope}\``);
  if (requirements.some((r) => "ApiKey" in r) && scopes.length === 0) parts.push("any key");
  if (requirements.some((r) => "BuyerSession" in r)) {
    parts.push(String(operation.description).includes("operators") ? "operator session" : "buyer session");
  }
  return parts.join(", ");
}

function idempotency(operation: Json): string {
  const refs = ((operation.parameters as Json[] | undefined) ?? []).map((p) => p.$ref);
  if (refs.includes("#/components/parameters/IdempotencyKey")) return "required";
  if (refs.includes("#/components/parameters/IdempotencyKeyOptional")) return "honoured";
  return "";
}

/** The markdown table, one row per operation in the document's order. */
export function renderOperationsTable(document: Json = buildOpenApiDocument()): string {
  const rows = Object.entries(document.paths as Record<string, Json>).flatMap(([path, methods]) =>
    METHODS.filter((method) => methods[method]).map((method) => {
      const operation = methods[method];
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => status.startsWith("2")).join(", ");
      const problems = statuses.filter((status) => /^[45]/.test(status)).join(" ");
      return `| \`${method.toUpperCase()} ${path}\` | ${operation.summary} | ${who(operation)} | ${idempotency(operation)} | ${success} | ${problems} |`;
    }),
  );
  return [
    "| call | what | who may call | Idempotency-Key | success | problems |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** `text` with its operations block rewritten; a guide without one is an error. */
export function renderOperationsBlock(text: string): string {
  if (!BLOCK.test(text)) throw new Error("docs/integration-guide.md has no <!-- operations --> block.");
  return text.replace(BLOCK, () => `<!-- operations -->\n${renderOperationsTable()}\n<!-- /operations -->`);
}
