import { type Access, idParameter, operation, queryParameters } from "./openapi-operation";
import { type JsonObject, type OpenApiDocument, parameterRef, schemaRef } from "./openapi-schemas";

export { idParameter };

/** The platform API: what a producer platform calls with its key, and the service routes anyone may call. */
export function paths(queries: Record<string, JsonObject>): OpenApiDocument["paths"] {
  const lotsRead = { scope: "lots:read" } as const;
  const bidsWrite = { scope: "bids:write" } as const;
  const contractsWrite = { scope: "contracts:write" } as const;
  const bidId = parameterRef("BidId");
  const producerOrganization = parameterRef("ProducerOrganization");
  const contractId = parameterRef("ContractId");
  // A producer platform for its organization, the buyer organization's own systems, or its signed-in members.
  const contractReader: Access[] = [contractsWrite, { scope: "contracts:read" }, "buyer-session"];
  const bidAnswer = (description: string, status = 200) => ({ status, description, schema: "Bid" });
  return {
    "/api/lots/external": {
      get: operation({
        operationId: "listLots",
        tag: "Lots",
        summary: "List lots producers may bid on",
        description:
          "Published lots by default; filter by status, commodity, words or last change, one page at a time. Lots " +
          "come in the order they were published, and the cursor is a position in that order: paging returns every " +
          "lot exactly once, and lots published while you page appear on a later page.",
        access: lotsRead,
        parameters: queryParameters(queries.LotListingQuery),
        success: { status: 200, description: "A page of lots.", schema: "LotPage" },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/lots/external/{id}": {
      get: operation({
        operationId: "getLot",
        tag: "Lots",
        summary: "Read one lot",
        description:
          "Every detail of a lot that was ever published, in whatever state it is now (a cancelled lot answers " +
          "with status `cancelled`). Drafts answer 404.",
        access: lotsRead,
        parameters: [parameterRef("LotId")],
        success: { status: 200, description: "The lot.", schema: "Lot" },
        problems: [401, 403, 404],
      }),
    },
    "/api/bids": {
      post: operation({
        operationId: "submitBid",
        tag: "Bids",
        summary: "Submit a bid",
        description:
          "Stores a producer's bid on a published lot and sends `bid.received`. Replaying the same Idempotency-Key " +
          "returns the bid stored the first time and never creates a second one. A producer organization holds at " +
          "most one live bid per lot; revise it instead.",
        access: bidsWrite,
        idempotency: "required",
        body: { schema: "BidSubmission", required: true },
        success: bidAnswer("The bid as stored (also on a replay of the same Idempotency-Key).", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}": {
      get: operation({
        operationId: "getBid",
        tag: "Bids",
        summary: "Read a bid and its negotiation thread",
        description:
          "Only for the producer platform and organization that placed the bid (X-Producer-Organization); anyone " +
          "else gets 404.",
        access: bidsWrite,
        parameters: [bidId, producerOrganization],
        success: bidAnswer("The bid with every offer of its thread."),
        problems: [400, 401, 403, 404],
      }),
      patch: operation({
        operationId: "reviseBid",
        tag: "Bids",
        summary: "Revise a submitted bid",
        description: "Changes the fields sent, while the bid is still `submitted`.",
        access: bidsWrite,
        idempotency: "optional",
        parameters: [bidId, producerOrganization],
        body: { schema: "BidRevision", required: true },
        success: bidAnswer("The revised bid."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
      put: operation({
        operationId: "decideBid",
        tag: "Bids",
        summary: "Accept or reject a bid (buyer)",
        description:
          "Accepting allocates the bid's volume on the lot, creates the contract and sends `bid.accepted` and " +
          "`contract.created`, all in one transaction; rejecting sends `bid.rejected` with the reason.",
        access: "buyer-session",
        parameters: [bidId],
        body: { schema: "BidDecision", required: true },
        success: bidAnswer("The decided bid."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}/withdraw": {
      post: operation({
        operationId: "withdrawBid",
        tag: "Bids",
        summary: "Withdraw a submitted bid",
        description: "Withdraws the bid while it is still `submitted` and sends `bid.withdrawn`.",
        access: bidsWrite,
        idempotency: "optional",
        parameters: [bidId, producerOrganization],
        success: bidAnswer("The withdrawn bid."),
        problems: [400, 401, 403, 404, 409],
      }),
    },
    "/api/bids/{id}/counter": {
      post: operation({
        operationId: "counterBid",
        tag: "Negotiation",
        summary: "Counter a bid (buyer)",
        description: "Proposes new terms against the producer's latest offer and sends `bid.counter_offer`.",
        access: "buyer-session",
        parameters: [bidId],
        body: { schema: "CounterOfferInput", required: true },
        success: bidAnswer("The bid with the new offer last in its thread.", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}/counter-offers": {
      post: operation({
        operationId: "counterBack",
        tag: "Negotiation",
        summary: "Counter the buyer's counter-offer (producer)",
        description: "Proposes new terms against the buyer's latest pending offer, which becomes `superseded`.",
        access: bidsWrite,
        idempotency: "optional",
        parameters: [bidId, producerOrganization],
        body: { schema: "CounterOfferInput", required: true },
        success: bidAnswer("The bid with the new offer last in its thread.", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/bids/{id}/counter-offers/{offerId}/accept": {
      post: operation({
        operationId: "acceptCounterOffer",
        tag: "Negotiation",
        summary: "Accept the buyer's counter-offer (producer)",
        description:
          "Accepts the latest pending offer before it expires: the buyer portal allocates the volume, creates the " +
          "contract and sends `bid.counter_accepted` and `contract.created`.",
        access: bidsWrite,
        idempotency: "optional",
        parameters: [bidId, producerOrganization, parameterRef("OfferId")],
        success: bidAnswer("The accepted bid."),
        problems: [400, 401, 403, 404, 409],
      }),
    },
    "/api/bids/{id}/counter-offers/{offerId}/reject": {
      post: operation({
        operationId: "rejectCounterOffer",
        tag: "Negotiation",
        summary: "Reject the buyer's counter-offer (producer)",
        description: "Rejects the latest pending offer and sends `bid.counter_rejected`. The body may be left out.",
        access: bidsWrite,
        idempotency: "optional",
        parameters: [bidId, producerOrganization, parameterRef("OfferId")],
        body: { schema: "OfferRejection", required: false },
        success: bidAnswer("The bid with the rejected offer."),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}": {
      get: operation({
        operationId: "getContract",
        tag: "Contracts",
        summary: "Read a contract",
        description:
          "The contract as both portals show it. For the producer platform and organization that is its producer " +
          "party (X-Producer-Organization); buyer users read their organization's contracts with their session.",
        access: contractReader,
        parameters: [contractId, parameterRef("ProducerOrganizationOfPlatform")],
        success: { status: 200, description: "The contract.", schema: "Contract" },
        problems: [400, 401, 403, 404],
      }),
    },
    "/api/contracts/{id}/document": {
      get: operation({
        operationId: "getContractDocument",
        tag: "Contracts",
        summary: "Download the contract PDF",
        description:
          "The same PDF both parties see. A signature's `documentHash` is the SHA-256 of exactly these bytes. It " +
          "holds only what was agreed, so it never changes after the contract is created.",
        access: contractReader,
        parameters: [contractId, parameterRef("ProducerOrganizationOfPlatform")],
        success: {
          status: 200,
          description: "The contract document.",
          content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } },
        },
        problems: [400, 401, 403, 404],
      }),
    },
    "/api/contracts/{id}/signatures": {
      post: operation({
        operationId: "signContract",
        tag: "Contracts",
        summary: "Sign a contract (producer)",
        description:
          "Records the producer's signature on the current document; once both parties have signed the contract " +
          "becomes `active`. Sends `contract.updated`. A party signs once (409 `already-signed`); a hash of any " +
          "other document is refused (422 `document-mismatch`). Buyer users sign with their session; the signer " +
          "is then the signed-in user and only `documentHash` is read.",
        access: [contractsWrite, "buyer-session"],
        idempotency: "optional",
        parameters: [contractId, producerOrganization],
        body: { schema: "SignatureInput", required: true },
        success: { status: 201, description: "The contract with the new signature.", schema: "Contract" },
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}/cancel": {
      post: operation({
        operationId: "cancelContract",
        tag: "Contracts",
        summary: "Cancel a contract before it is active (buyer)",
        description:
          "Cancels a contract still awaiting signatures, with the reason; its volume returns to the lot. Sends " +
          "`contract.updated` (and `lot.updated`).",
        access: "buyer-session",
        parameters: [contractId],
        body: { schema: "ContractCancellation", required: true },
        success: { status: 200, description: "The cancelled contract.", schema: "Contract" },
        problems: [400, 401, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}/complete": {
      post: operation({
        operationId: "completeContract",
        tag: "Contracts",
        summary: "Mark an active contract without deliveries completed (buyer)",
        description:
          "For a contract settled outside the portal: declares an `active` contract with no dispatch and no ticket " +
          "fulfilled, with an optional note. Final. A contract with deliveries recorded is 409 `contract-in-delivery` " +
          "(fulfil or close it short instead). Sends `contract.updated`; the document and its hash do not change.",
        access: "buyer-session",
        parameters: [contractId],
        body: { schema: "ContractCompletion", required: true },
        success: { status: 200, description: "The completed contract.", schema: "Contract" },
        problems: [400, 401, 404, 409, 422],
      }),
    },
    "/api/events": {
      get: operation({
        operationId: "listEvents",
        tag: "Events",
        summary: "Read the events feed",
        description:
          "Every event ever sent to the producer portal, oldest first, with the same bodies as the webhooks. Replay " +
          "it from your last cursor to catch up after missed deliveries; apply snapshots by `version` as usual.",
        access: lotsRead,
        parameters: queryParameters(queries.EventFeedQuery),
        success: { status: 200, description: "A page of events.", schema: "EventFeedPage" },
        problems: [400, 401, 403, 422],
      }),
    },
    "/api/integration/pongs": {
      post: operation({
        operationId: "answerPing",
        tag: "Events",
        summary: "Answer a ping",
        description:
          "The producer portal calls this when a `ping` webhook reached it, proving both directions of the " +
          "integration. Send an Idempotency-Key; a repeat returns the first answer.",
        access: "any-api-key",
        idempotency: "required",
        body: { schema: "PongInput", required: true },
        success: { status: 201, description: "The ping's answer was recorded.", schema: "Pong" },
        problems: [400, 401, 404, 409, 422],
      }),
    },
    "/api/openapi.json": {
      get: operation({
        operationId: "getOpenApiDocument",
        tag: "Service",
        summary: "This OpenAPI document",
        description: "The API and its webhooks, generated from the same schemas the portal validates with.",
        access: "public",
        success: {
          status: 200,
          description: "An OpenAPI 3.1 document.",
          content: { "application/json": { schema: { type: "object" } } },
        },
        problems: [],
      }),
    },
    "/api/health": {
      get: operation({
        operationId: "getHealth",
        tag: "Service",
        summary: "Health check",
        description: "Whether the portal and its database answer. Reveals no configuration.",
        access: "public",
        success: { status: 200, description: "The portal and its database answer.", schema: "Health" },
        otherResponses: {
          503: {
            description: "The database does not answer.",
            content: { "application/json": { schema: schemaRef("Health") } },
          },
        },
        problems: [],
      }),
    },
  };
}
