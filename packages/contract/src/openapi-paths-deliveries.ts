import { operation } from "./openapi-operation";
import { type OpenApiDocument, parameterRef } from "./openapi-schemas";

/** Executing a contract: dispatches, weighbridge tickets, fulfilment and settlement (docs/deliveries.md). */
export function deliveriesPaths(): OpenApiDocument["paths"] {
  const contractsWrite = { scope: "contracts:write" } as const;
  const deliveriesWrite = { scope: "deliveries:write" } as const;
  const contractId = parameterRef("ContractId");
  const contract = (description: string, status = 200) => ({ status, description, schema: "Contract" });
  return {
    "/api/contracts/{id}/dispatches": {
      post: operation({
        operationId: "announceDispatch",
        tag: "Deliveries",
        summary: "Announce a load (producer)",
        description:
          "The producer announces a load on an `active` or `in_delivery` contract; the first one moves an active " +
          "contract to `in_delivery`. The Idempotency-Key is the dispatch's identity on your side: replaying it " +
          "answers the contract with the same dispatch, never a second one. Sends `delivery.dispatched`. A contract " +
          "that is not open for deliveries is 409 `contract-not-deliverable`.",
        access: contractsWrite,
        idempotency: "required",
        parameters: [contractId, parameterRef("ProducerOrganization")],
        body: { schema: "DispatchInput", required: true },
        success: contract("The contract with the dispatch in `delivery.dispatches`.", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}/tickets": {
      post: operation({
        operationId: "recordTicket",
        tag: "Deliveries",
        summary: "Record a weighbridge ticket (buyer)",
        description:
          "Records a received load: weights, quality measured against the contract's parameters (each flagged in or " +
          "out of spec) and the buyer's decision. Buyer members with their session, or the buyer organization's own " +
          "weighbridge system with a `deliveries:write` key. Refused with 409 `over-tolerance` when accepting it " +
          "would pass the tolerance and the contract's rule is `refuse`; 409 `duplicate-ticket` for a ticket number " +
          "the contract already has; 409 `contract-not-deliverable` unless `active` or `in_delivery`. Sends " +
          "`delivery.received`.",
        access: [deliveriesWrite, "buyer-session"],
        idempotency: "optional",
        parameters: [contractId],
        body: { schema: "TicketInput", required: true },
        success: contract("The contract with the ticket and the moved ledger.", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}/tickets/{ticketId}/corrections": {
      post: operation({
        operationId: "correctTicket",
        tag: "Deliveries",
        summary: "Correct a ticket with a new version (buyer)",
        description:
          "Adds a new version of the ticket with every field as it should read and the reason; earlier versions stay " +
          "in its `history`. The same rules as recording apply. Sends `delivery.corrected`.",
        access: [deliveriesWrite, "buyer-session"],
        idempotency: "optional",
        parameters: [contractId, parameterRef("TicketId")],
        body: { schema: "TicketCorrection", required: true },
        success: contract("The contract with the corrected ticket.", 201),
        problems: [400, 401, 403, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}/fulfil": {
      post: operation({
        operationId: "fulfilContract",
        tag: "Deliveries",
        summary: "Confirm fulfilment (buyer)",
        description:
          "Fulfils an `in_delivery` contract whose accepted quantity is within the tolerance (409 " +
          "`not-within-tolerance` otherwise; 409 `contract-not-fulfillable` in any other status) and issues the " +
          "settlement statement. Sends `contract.fulfilled`.",
        access: "buyer-session",
        parameters: [contractId],
        body: { schema: "FulfilmentInput", required: true },
        success: contract("The fulfilled contract, with `delivery.settlement`."),
        problems: [400, 401, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}/close-short": {
      post: operation({
        operationId: "closeContractShort",
        tag: "Deliveries",
        summary: "Close a contract short (buyer)",
        description:
          "Ends an `active` or `in_delivery` contract whose accepted quantity is below the tolerance's minimum, with a " +
          "reason (409 `within-tolerance` if it is within: fulfil it instead; 409 `over-tolerance` above the maximum; " +
          "409 `contract-not-closable` in any other status), and issues the settlement statement. Sends " +
          "`contract.closed_short`.",
        access: "buyer-session",
        parameters: [contractId],
        body: { schema: "CloseShortInput", required: true },
        success: contract("The contract closed short, with `delivery.settlement`."),
        problems: [400, 401, 404, 409, 422],
      }),
    },
    "/api/contracts/{id}/settlement": {
      get: operation({
        operationId: "getSettlementDocument",
        tag: "Deliveries",
        summary: "Download the settlement statement PDF",
        description:
          "The settlement statement of a fulfilled or closed-short contract (404 before). Its SHA-256 is " +
          "`delivery.settlement.documentHash`; the producer portal renders the same bytes from the snapshot.",
        access: [contractsWrite, { scope: "contracts:read" }, "buyer-session"],
        parameters: [contractId, parameterRef("ProducerOrganizationOfPlatform")],
        success: {
          status: 200,
          description: "The settlement statement.",
          content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } },
        },
        problems: [400, 401, 403, 404],
      }),
    },
  };
}
