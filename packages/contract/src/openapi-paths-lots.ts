import { lotStatuses } from "./lot";
import { operation } from "./openapi-operation";
import { type JsonObject, type OpenApiDocument, parameterRef, schemaRef } from "./openapi-schemas";

const listOf = (schema: string): JsonObject => ({
  type: "object",
  required: ["data"],
  properties: { data: { type: "array", items: schemaRef(schema) } },
});

const etag = { ETag: { $ref: "#/components/headers/LotVersion" } };

/**
 * The buyer's own lots and contracts: what the buyer portal's pages call with a buyer user's session. Organization
 * keys (a buyer's ERP) reach the same routes where openapi-paths-organization.ts says so; its operations replace
 * these in the document.
 */
export function lotPaths(): OpenApiDocument["paths"] {
  const lotId = parameterRef("LotId");
  const lotAnswer = (description: string, status = 200) => ({ status, description, schema: "Lot", headers: etag });
  const transition = (operationId: string, summary: string, description: string) =>
    operation({
      operationId,
      tag: "Buyer lots",
      summary,
      description,
      access: "buyer-session",
      parameters: [lotId],
      success: lotAnswer("The lot in its new state."),
      problems: [401, 403, 404, 409],
    });
  return {
    "/api/lots": {
      get: operation({
        operationId: "listOwnLots",
        tag: "Buyer lots",
        summary: "List the organization's lots",
        description: "Every lot of the caller's organization, drafts included, newest first; filter by status.",
        access: "buyer-session",
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
          "to 16 MB so that an oversized field is answered by the schema, naming the field.",
        access: "buyer-session",
        body: { schema: "LotInput", required: true },
        success: lotAnswer("The draft as stored.", 201),
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/lots/{id}": {
      get: operation({
        operationId: "getOwnLot",
        tag: "Buyer lots",
        summary: "Read one of the organization's lots",
        description: "Any state, drafts included. A lot of another organization answers 404.",
        access: "buyer-session",
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
          "`lot.updated` and tells producers with open bids. The volume cannot fall below what is allocated.",
        access: "buyer-session",
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
        success: lotAnswer("The lot with its new terms and version."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
      delete: operation({
        operationId: "deleteDraftLot",
        tag: "Buyer lots",
        summary: "Delete a draft",
        description: "Only drafts can be deleted; a published lot is closed or cancelled instead (409).",
        access: "buyer-session",
        parameters: [lotId],
        success: { status: 204, description: "Deleted." },
        problems: [401, 403, 404, 409],
      }),
    },
    "/api/lots/{id}/publish": {
      post: transition(
        "publishLot",
        "Publish a draft",
        "Makes the draft visible to producers and sends `lot.published` to every producer platform.",
      ),
    },
    "/api/lots/{id}/close": {
      post: transition(
        "closeLot",
        "Close a published lot for bidding",
        "Stops bidding before the deadline and sends `lot.closed`; open bids can still be decided.",
      ),
    },
    "/api/lots/{id}/cancel": {
      post: transition(
        "cancelLot",
        "Cancel a lot",
        "Cancels a draft, published or closed lot and sends `lot.cancelled` for a lot producers have seen.",
      ),
    },
    "/api/contracts": {
      get: operation({
        operationId: "listOwnContracts",
        tag: "Contracts",
        summary: "List the organization's contracts",
        description: "Every contract the caller's buyer organization is party to, newest first.",
        access: "buyer-session",
        success: { status: 200, description: "The organization's contracts.", schema: listOf("Contract") },
        problems: [401, 403],
      }),
    },
  };
}
