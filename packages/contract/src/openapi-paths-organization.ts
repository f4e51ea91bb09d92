import { lotStatuses } from "./lot";
import { type Access, idParameter, operation } from "./openapi-operation";
import { type JsonObject, type OpenApiDocument, parameterRef, schemaRef } from "./openapi-schemas";
import { issuedOrganizationKeySchema, newOrganizationKeySchema, organizationKeySchema } from "./organization-api-key";

/**
 * Schemas this section refers to, to be registered as components: `requests` documented as clients send them,
 * `responses` as the portal answers.
 */
export const organizationKeySchemas = {
  requests: [newOrganizationKeySchema],
  responses: [organizationKeySchema, issuedOrganizationKeySchema],
};

const listOf = (schema: string): JsonObject => ({
  type: "object",
  required: ["data"],
  properties: { data: { type: "array", items: schemaRef(schema) } },
});

const etag = { ETag: { $ref: "#/components/headers/LotVersion" } };
const noStore = {
  "Cache-Control": { description: "`no-store`: the key is shown once.", schema: { type: "string" } },
};

const ORGANIZATION_KEY =
  "With an organization key, the organization is the key's own: another organization's lot or contract answers 404, " +
  "as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.";

/** A signed-in member of the buyer organization, or one of the organization's keys with `scope`. */
const memberOrKey = (scope: "lots:write" | "bids:read" | "contracts:read"): Access[] => ["buyer-session", { scope }];

/**
 * The buyer organization's API for its own systems (an ERP, a weighbridge): the same routes its pages call with a
 * member's session, also open to an organization key (`lots:write`, `bids:read`, `contracts:read`), and the admins'
 * management of those keys; the builder refuses a second description of any of these paths and methods.
 * Organization keys also read `GET /api/contracts/{id}` and its `/document` with `contracts:read`:
 * `organizationKeyReads` lists them for the section that writes those operations.
 */
export function organizationPaths(): OpenApiDocument["paths"] {
  const lotId = parameterRef("LotId");
  const keyId = idParameter("id", "key", "The organization key's id (key_…).");
  const lotAnswer = (description: string, status = 200) => ({ status, description, schema: "Lot", headers: etag });
  const lotChange = (operationId: string, summary: string, description: string) =>
    operation({
      operationId,
      tag: "Buyer lots",
      summary,
      description: `${description} ${ORGANIZATION_KEY}`,
      access: memberOrKey("lots:write"),
      parameters: [lotId],
      idempotency: "optional",
      success: lotAnswer("The lot in its new state."),
      problems: [401, 403, 404, 409],
    });
  return {
    "/api/lots": {
      get: operation({
        operationId: "listOwnLots",
        tag: "Buyer lots",
        summary: "List the organization's lots",
        description: `Every lot of the organization, drafts included, newest first; filter by status. ${ORGANIZATION_KEY}`,
        access: memberOrKey("lots:write"),
        parameters: [
          {
            name: "status",
            in: "query",
            description: "Only lots in this state.",
            schema: { type: "string", enum: [...lotStatuses] },
          },
        ],
        success: { status: 200, description: "The organization's lots.", schema: listOf("Lot") },
        problems: [401, 403, 422],
      }),
      post: operation({
        operationId: "createLot",
        tag: "Buyer lots",
        summary: "Create a draft lot",
        description:
          "Stores a draft: private to the organization, no event is sent until it is published. The body may be up " +
          "to 16 MB so that an oversized field is answered by the schema, naming the field. A key's create sent " +
          `twice with the same Idempotency-Key stores one lot and answers the same lot both times. ${ORGANIZATION_KEY}`,
        access: memberOrKey("lots:write"),
        body: { schema: "LotInput", required: true },
        idempotency: "optional",
        success: lotAnswer("The draft as stored (also on a replay of the same Idempotency-Key).", 201),
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/lots/{id}": {
      get: operation({
        operationId: "getOwnLot",
        tag: "Buyer lots",
        summary: "Read one of the organization's lots",
        description: `Any state, drafts included. ${ORGANIZATION_KEY}`,
        access: memberOrKey("lots:write"),
        parameters: [lotId],
        success: lotAnswer("The lot."),
        problems: [401, 403, 404],
      }),
      put: operation({
        operationId: "updateLot",
        tag: "Buyer lots",
        summary: "Replace a draft's or published lot's terms",
        description:
          "Replaces the terms with the whole LotInput. Send `If-Match` with the version you read (the `ETag`): an " +
          "edit made by someone else since is refused with 409 `lot-changed`. Editing a published lot sends " +
          `\`lot.updated\`. The volume cannot fall below what is allocated. ${ORGANIZATION_KEY}`,
        access: memberOrKey("lots:write"),
        parameters: [
          lotId,
          {
            name: "If-Match",
            in: "header",
            description: 'The lot version the edit is based on, e.g. `"3"`; a malformed value is 400.',
            schema: { type: "string" },
          },
        ],
        body: { schema: "LotInput", required: true },
        idempotency: "optional",
        success: lotAnswer("The lot with its new terms and version."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
      delete: operation({
        operationId: "deleteDraftLot",
        tag: "Buyer lots",
        summary: "Delete a draft",
        description: `Only drafts can be deleted; a published lot is closed or cancelled instead (409). ${ORGANIZATION_KEY}`,
        access: memberOrKey("lots:write"),
        parameters: [lotId],
        idempotency: "optional",
        success: { status: 204, description: "Deleted." },
        problems: [401, 403, 404, 409],
      }),
    },
    "/api/lots/{id}/publish": {
      post: lotChange(
        "publishLot",
        "Publish a draft",
        "Makes the draft visible to producers, sends `lot.published` to every producer platform and tells the " +
          "organization's members.",
      ),
    },
    "/api/lots/{id}/close": {
      post: lotChange(
        "closeLot",
        "Close a published lot for bidding",
        "Stops bidding before the deadline and sends `lot.closed`; open bids can still be decided.",
      ),
    },
    "/api/lots/{id}/cancel": {
      post: lotChange(
        "cancelLot",
        "Cancel a lot",
        "Cancels a draft, published or closed lot and sends `lot.cancelled` for a lot producers have seen.",
      ),
    },
    "/api/lots/{id}/bids": {
      get: operation({
        operationId: "listLotBids",
        tag: "Buyer lots",
        summary: "List the bids on one of the organization's lots",
        description: `Every bid on the lot with its negotiation thread, newest first. ${ORGANIZATION_KEY}`,
        access: memberOrKey("bids:read"),
        parameters: [lotId],
        success: { status: 200, description: "The lot's bids.", schema: listOf("Bid") },
        problems: [401, 403, 404],
      }),
    },
    "/api/contracts": {
      get: operation({
        operationId: "listOwnContracts",
        tag: "Contracts",
        summary: "List the organization's contracts",
        description: `Every contract the buyer organization is party to, newest first. ${ORGANIZATION_KEY}`,
        access: memberOrKey("contracts:read"),
        success: { status: 200, description: "The organization's contracts.", schema: listOf("Contract") },
        problems: [401, 403],
      }),
    },
    "/api/organization/api-keys": {
      get: operation({
        operationId: "listOrganizationKeys",
        tag: "Organization keys",
        summary: "List the organization's API keys",
        description:
          "The organization's own keys, revoked ones included, newest first: name, prefix, scopes, when created and " +
          "last used. Never the key or its hash. For the organization's admins; a member is refused with 403.",
        access: "buyer-session",
        success: { status: 200, description: "The organization's keys.", schema: listOf("OrganizationKey") },
        problems: [401, 403],
      }),
      post: operation({
        operationId: "issueOrganizationKey",
        tag: "Organization keys",
        summary: "Issue an API key for one of the organization's systems",
        description:
          "A key owned by the organization, with organization scopes only (`lots:write`, `bids:read`, " +
          "`contracts:read`; a platform's scope is 422 on `scopes`). The answer is the only time the key is shown. " +
          "For the organization's admins; a member is refused with 403.",
        access: "buyer-session",
        body: { schema: "NewOrganizationKey", required: true },
        success: {
          status: 201,
          description: "The new key, shown once.",
          schema: "IssuedOrganizationKey",
          headers: noStore,
        },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/organization/api-keys/{id}/revoke": {
      post: operation({
        operationId: "revokeOrganizationKey",
        tag: "Organization keys",
        summary: "Revoke one of the organization's API keys",
        description:
          "The key is refused (401) from this moment. Revoking a revoked key answers it unchanged. Another " +
          "organization's key, or a platform's, answers 404. For the organization's admins.",
        access: "buyer-session",
        parameters: [keyId],
        success: { status: 200, description: "The key, revoked.", schema: "OrganizationKey" },
        problems: [401, 403, 404],
      }),
    },
  };
}

/** Reads that also take a `contracts:read` organization key, besides their platform key and buyer session. */
export const organizationKeyReads = {
  "/api/contracts/{id}": { get: "contracts:read" },
  "/api/contracts/{id}/document": { get: "contracts:read" },
} as const;
