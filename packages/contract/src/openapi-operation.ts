import { z } from "zod";
import type { ApiKeyScope } from "./api-key-scope";
import { type JsonObject, parameterRef, responseRef, schemaRef } from "./openapi-schemas";
import { prefixedId } from "./prefixed-id";

/**
 * Problem answers every operation may refer to, as components/responses. 413, 415 and 429 are added by `operation`
 * itself where they apply (a body, an API key), so a section cannot forget them.
 */
export const problemResponses = {
  400: ["BadRequest", "The request is malformed: the body is not JSON, or a required header is missing."],
  401: ["Unauthenticated", "No valid credentials: the API key or session is missing, wrong, rotated or revoked."],
  403: ["Forbidden", "The credentials are valid but lack the scope or role this needs. Nothing was written."],
  404: ["NotFound", "Nothing with this id exists, or it is not visible to the caller."],
  409: [
    "Conflict",
    "The object's state does not allow this now (for example a bid that is no longer submitted), or the " +
      "Idempotency-Key was already used for a different request.",
  ],
  413: ["PayloadTooLarge", "The body is larger than this operation reads (1 MB unless its description says more)."],
  415: ["UnsupportedMediaType", "The body is not sent as `application/json` (optionally `; charset=utf-8`)."],
  422: ["ValidationFailed", "A field is invalid; `errors` names each field with a sentence saying what to fix."],
  429: [
    "TooManyRequests",
    "Too many requests for now. Try again after the `Retry-After` header's seconds; the producer portal's outbox " +
      "does so on its retry schedule.",
  ],
} as const;

export type ProblemStatus = keyof typeof problemResponses;

/**
 * Who may call an operation: an API key with a scope (a platform's or a buyer organization's, by the scope), any
 * valid key, a signed-in buyer user, an operator of the buyer portal, or anyone.
 */
export type Access = { scope: ApiKeyScope } | "any-api-key" | "buyer-session" | "operator-session" | "public";

export interface OperationSpec {
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** Several entries: any one of them is enough. */
  access: Access | Access[];
  parameters?: JsonObject[];
  body?: { schema: string | JsonObject; required: boolean };
  /** `required` (refused without one) or `optional` (honoured when sent); replays answer `idempotent-replayed`. */
  idempotency?: "required" | "optional";
  success: {
    status: number;
    description: string;
    content?: JsonObject;
    schema?: string | JsonObject;
    headers?: Record<string, JsonObject>;
  };
  otherResponses?: Record<string, JsonObject>;
  problems: ProblemStatus[];
}

export const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

export function queryParameters(query: JsonObject): JsonObject[] {
  const required = new Set((query.required as string[] | undefined) ?? []);
  return Object.entries(query.properties as Record<string, JsonObject>).map(([name, property]) => {
    const { description, ...schema } = property;
    return { name, in: "query", ...(required.has(name) ? { required: true } : {}), description, schema };
  });
}

export function idParameter(name: string, prefix: string, description: string): JsonObject {
  const { $schema: _, ...schema } = z.toJSONSchema(prefixedId(prefix));
  return { name, in: "path", required: true, description, schema };
}

const usesKey = (access: Access) => typeof access === "object" || access === "any-api-key";

function requirement(access: Access): { security: JsonObject[]; note: string } {
  if (access === "public") return { security: [], note: "Public: no credentials needed." };
  if (access === "buyer-session") {
    return { security: [{ BuyerSession: [] }], note: "For signed-in buyer users (session cookie)." };
  }
  if (access === "operator-session") {
    return {
      security: [{ BuyerSession: [] }],
      note: "For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.",
    };
  }
  if (access === "any-api-key") {
    return { security: [{ ApiKey: [] }, { BearerApiKey: [] }], note: "Needs a valid API key; no particular scope." };
  }
  return {
    security: [{ ApiKey: [access.scope] }, { BearerApiKey: [access.scope] }],
    note: `Needs an API key with the \`${access.scope}\` scope.`,
  };
}

const schemaOf = (schema: string | JsonObject) => (typeof schema === "string" ? schemaRef(schema) : schema);

/** One OpenAPI operation, with its security, headers and problem answers spelled out the same way everywhere. */
export function operation(spec: OperationSpec): JsonObject {
  const accesses = Array.isArray(spec.access) ? spec.access : [spec.access];
  const requirements = accesses.map(requirement);
  const success =
    spec.success.content ??
    (spec.success.schema ? { "application/json": { schema: schemaOf(spec.success.schema) } } : undefined);
  const idempotencyParameter =
    spec.idempotency === "required"
      ? [parameterRef("IdempotencyKey")]
      : spec.idempotency === "optional"
        ? [parameterRef("IdempotencyKeyOptional")]
        : [];
  const successHeaders = {
    ...spec.success.headers,
    ...(spec.idempotency ? { "idempotent-replayed": headerRef("IdempotentReplayed") } : {}),
  };
  const problems = new Set<ProblemStatus>(spec.problems);
  if (spec.body) {
    problems.add(413);
    problems.add(415);
  }
  if (spec.idempotency) problems.add(409);
  if (accesses.some(usesKey)) problems.add(429);
  const sortedProblems = [...problems].sort((a, b) => a - b);
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: `${spec.description}\n\n${requirements.map((r) => r.note).join(" Or: ")}`,
    security: requirements.flatMap((r) => r.security),
    ...(spec.parameters?.length || idempotencyParameter.length
      ? { parameters: [...(spec.parameters ?? []), ...idempotencyParameter] }
      : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: spec.body.required,
            content: { "application/json": { schema: schemaOf(spec.body.schema) } },
          },
        }
      : {}),
    responses: {
      [spec.success.status]: {
        description: spec.success.description,
        ...(Object.keys(successHeaders).length ? { headers: successHeaders } : {}),
        ...(success ? { content: success } : {}),
      },
      ...spec.otherResponses,
      ...Object.fromEntries(sortedProblems.map((status) => [status, responseRef(problemResponses[status][0])])),
    },
  };
}
