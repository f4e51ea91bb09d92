// Generated from docs/openapi.json by `npm run openapi` (openapi-typescript). Do not edit: change the contract
// package, regenerate, and the producer portal's calls that no longer fit the document fail to compile.

export interface paths {
    "/api/lots/external": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List lots producers may bid on
         * @description Published lots by default; filter by status, commodity, words or last change, one page at a time. Lots come in the order they were published, and the cursor is a position in that order: paging returns every lot exactly once, and lots published while you page appear on a later page.
         *
         *     Needs an API key with the `lots:read` scope.
         */
        get: operations["listLots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/external/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one lot
         * @description Every detail of a lot that was ever published, in whatever state it is now (a cancelled lot answers with status `cancelled`). Drafts answer 404.
         *
         *     Needs an API key with the `lots:read` scope.
         */
        get: operations["getLot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your platform's bids
         * @description Every bid your platform placed, least recently changed first, with its negotiation thread; another platform's bids are never listed, whatever the filter. Send X-Producer-Organization to list one producer organization's bids only. Keep the newest `updatedAt` you saw and pass it as `updatedSince` to fetch what changed since; page with `cursor` until `nextCursor` is null.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        get: operations["listBids"];
        put?: never;
        /**
         * Submit a bid
         * @description Stores a producer's bid on a published lot and sends `bid.received`. Replaying the same Idempotency-Key returns the bid stored the first time and never creates a second one. A producer organization holds at most one live bid per lot; revise it instead.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        post: operations["submitBid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a bid and its negotiation thread
         * @description Only for the producer platform and organization that placed the bid (X-Producer-Organization); anyone else gets 404.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        get: operations["getBid"];
        /**
         * Accept or reject a bid (buyer)
         * @description Accepting allocates the bid's volume on the lot, creates the contract and sends `bid.accepted` and `contract.created`, all in one transaction; rejecting sends `bid.rejected` with the reason.
         *
         *     For signed-in buyer users (session cookie).
         */
        put: operations["decideBid"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Revise a submitted bid
         * @description Changes the fields sent, while the bid is still `submitted`.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        patch: operations["reviseBid"];
        trace?: never;
    };
    "/api/bids/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a submitted bid
         * @description Withdraws the bid while it is still `submitted` and sends `bid.withdrawn`.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        post: operations["withdrawBid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/counter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Counter a bid (buyer)
         * @description Proposes new terms against the producer's latest offer and sends `bid.counter_offer`.
         *
         *     For signed-in buyer users (session cookie).
         */
        post: operations["counterBid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/counter-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Counter the buyer's counter-offer (producer)
         * @description Proposes new terms against the buyer's latest pending offer, which becomes `superseded`.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        post: operations["counterBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/counter-offers/{offerId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the buyer's counter-offer (producer)
         * @description Accepts the latest pending offer before it expires: the buyer portal allocates the volume, creates the contract and sends `bid.counter_accepted` and `contract.created`.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        post: operations["acceptCounterOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bids/{id}/counter-offers/{offerId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject the buyer's counter-offer (producer)
         * @description Rejects the latest pending offer and sends `bid.counter_rejected`. The body may be left out.
         *
         *     Needs an API key with the `bids:write` scope.
         */
        post: operations["rejectCounterOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a contract
         * @description The contract as both portals show it. For the producer platform and organization that is its producer party (X-Producer-Organization); buyer users read their organization's contracts with their session.
         *
         *     Needs an API key with the `contracts:write` scope. Or: Needs an API key with the `contracts:read` scope. Or: For signed-in buyer users (session cookie).
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the contract PDF
         * @description The same PDF both parties see. A signature's `documentHash` is the SHA-256 of exactly these bytes. It holds only what was agreed, so it never changes after the contract is created.
         *
         *     Needs an API key with the `contracts:write` scope. Or: Needs an API key with the `contracts:read` scope. Or: For signed-in buyer users (session cookie).
         */
        get: operations["getContractDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a contract (producer)
         * @description Records the producer's signature on the current document; once both parties have signed the contract becomes `active`. Sends `contract.updated`. A party signs once (409 `already-signed`); a hash of any other document is refused (422 `document-mismatch`). Buyer users sign with their session; the signer is then the signed-in user and only `documentHash` is read.
         *
         *     Needs an API key with the `contracts:write` scope. Or: For signed-in buyer users (session cookie).
         */
        post: operations["signContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a contract before it is active (buyer)
         * @description Cancels a contract still awaiting signatures, with the reason; its volume returns to the lot. Sends `contract.updated` (and `lot.updated`).
         *
         *     For signed-in buyer users (session cookie).
         */
        post: operations["cancelContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an active contract without deliveries completed (buyer)
         * @description For a contract settled outside the portal: declares an `active` contract with no dispatch and no ticket fulfilled, with an optional note. Final. A contract with deliveries recorded is 409 `contract-in-delivery` (fulfil or close it short instead). Sends `contract.updated`; the document and its hash do not change.
         *
         *     For signed-in buyer users (session cookie).
         */
        post: operations["completeContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the events feed
         * @description Every event ever sent to the producer portal, oldest first, with the same bodies as the webhooks. Replay it from your last cursor to catch up after missed deliveries; apply snapshots by `version` as usual.
         *
         *     Needs an API key with the `lots:read` scope.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/pongs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a ping
         * @description The producer portal calls this when a `ping` webhook reached it, proving both directions of the integration. Send an Idempotency-Key; a repeat returns the first answer.
         *
         *     Needs a valid API key; no particular scope.
         */
        post: operations["answerPing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI document
         * @description The API and its webhooks, generated from the same schemas the portal validates with.
         *
         *     Public: no credentials needed.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description Whether the portal and its database answer. Reveals no configuration.
         *
         *     Public: no credentials needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a platform API key
         * @description Issues a key for a producer platform; the answer is the only time the full key is shown.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["issueApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API key
         * @description Issues a successor with the same platform and scopes; the old key keeps working for `overlapHours`.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key
         * @description The key is refused from now on (401).
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable the producer endpoint again
         * @description Turns the endpoint back on after it answered 410 Gone; its dead messages can then be replayed.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["enableProducerEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the webhook signing secret
         * @description Generates a new `whsec_…` secret; webhooks carry signatures with both secrets for `overlapHours`.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/messages/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message again
         * @description Queues a delivered or dead message again with the same event id, so receivers dedupe. A message still being delivered is 409.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["replayMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List producer platforms
         * @description Every producer platform the buyer portal serves, oldest first, with its webhook endpoints (URL, event-type filter, enabled, failing since) and API keys, never a secret.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        get: operations["listProducerPlatforms"];
        put?: never;
        /**
         * Register a producer platform
         * @description A new subscriber. It sees every lot, and only the bids, contracts and feed events of bids it places. Issue its keys with `POST /api/admin/api-keys` (`platform` = this id) and add its endpoints next. An id or name already taken is 409 naming the field.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["createProducerPlatform"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/platforms/{id}/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a webhook endpoint to a platform
         * @description The endpoint receives the platform's events whose type its filter admits (every type when null): every `lot.*` event, and the `bid.*` and `contract.*` events of the platform's own bids. The signing secret is in this answer only.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["addWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/platforms/{id}/endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Changes the URL, the event-type filter or the enabled state; fields left out stay. A new URL is a new receiver: it starts enabled with a fresh health clock. A disabled endpoint gets no new messages; its platform catches up from `GET /api/events`.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        patch: operations["changeWebhookEndpoint"];
        trace?: never;
    };
    "/api/admin/platforms/{id}/endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an endpoint's signing secret
         * @description A new secret signs every webhook from now; the old one signs beside it for `overlapHours`, so the receiver can switch without refusing a message.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/integration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The integration at a glance
         * @description The first platform's endpoint and its state, message counts by status, the last failure and success, the newest messages with their destination endpoint (optionally of one status, or to one platform's endpoints) and the last ping with its answer.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        get: operations["getIntegrationOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ping one webhook endpoint
         * @description Sends a `ping` event to one endpoint, the first platform's unless `endpointId` names another; only that endpoint's platform sees it on its feed. The producer portal answers with `POST /api/integration/pongs`. An unknown endpoint is 404.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["sendPing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List outgoing messages
         * @description Webhooks and emails, newest first, a page at a time: pass `nextCursor` as `cursor` until it is null. An event sent to several endpoints is one message per endpoint; `eventId` finds them all.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every webhook endpoint's delivery health
         * @description Per endpoint: enabled or why not, since when every attempt has failed, the last delivery, failed attempts in the last 24 hours, and how many messages wait or were given up. An endpoint failing for 5 days is disabled automatically and the operators are told.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        get: operations["listWebhookEndpointHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-endpoints/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a webhook endpoint
         * @description Turns the endpoint on again: the messages held for it go out at once and its failure clock restarts. Messages that died meanwhile stay dead; replay them with `…/replay`.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["enableWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-endpoints/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a webhook endpoint
         * @description Stops sending to the endpoint; its messages wait, attempts untouched, until it is enabled again. The reason is recorded with the operator's name and the time.
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["disableWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhook-endpoints/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a time range to one endpoint
         * @description Queues again every message to this endpoint created in [`since`, `until`) that is dead (and, with `includeDelivered`, delivered), with the same event ids, so the receiver skips what it already has. `until` must be after `since` (422 on `until`).
         *
         *     For the buyer portal's operators (session cookie of a membership holding the operator grant); anyone else gets 403.
         */
        post: operations["replayWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/dispatches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Announce a load (producer)
         * @description The producer announces a load on an `active` or `in_delivery` contract; the first one moves an active contract to `in_delivery`. The Idempotency-Key is the dispatch's identity on your side: replaying it answers the contract with the same dispatch, never a second one. Sends `delivery.dispatched`. A contract that is not open for deliveries is 409 `contract-not-deliverable`.
         *
         *     Needs an API key with the `contracts:write` scope.
         */
        post: operations["announceDispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a weighbridge ticket (buyer)
         * @description Records a received load: weights, quality measured against the contract's parameters (each flagged in or out of spec) and the buyer's decision. Buyer members with their session, or the buyer organization's own weighbridge system with a `deliveries:write` key. Refused with 409 `over-tolerance` when accepting it would pass the tolerance and the contract's rule is `refuse`; 409 `duplicate-ticket` for a ticket number the contract already has; 409 `contract-not-deliverable` unless `active` or `in_delivery`. Sends `delivery.received`.
         *
         *     Needs an API key with the `deliveries:write` scope. Or: For signed-in buyer users (session cookie).
         */
        post: operations["recordTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/tickets/{ticketId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct a ticket with a new version (buyer)
         * @description Adds a new version of the ticket with every field as it should read and the reason; earlier versions stay in its `history`. The same rules as recording apply. Sends `delivery.corrected`.
         *
         *     Needs an API key with the `deliveries:write` scope. Or: For signed-in buyer users (session cookie).
         */
        post: operations["correctTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm fulfilment (buyer)
         * @description Fulfils an `in_delivery` contract whose accepted quantity is within the tolerance (409 `not-within-tolerance` otherwise; 409 `contract-not-fulfillable` in any other status) and issues the settlement statement. Sends `contract.fulfilled`.
         *
         *     For signed-in buyer users (session cookie).
         */
        post: operations["fulfilContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/close-short": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a contract short (buyer)
         * @description Ends an `active` or `in_delivery` contract whose accepted quantity is below the tolerance's minimum, with a reason (409 `within-tolerance` if it is within: fulfil it instead; 409 `over-tolerance` above the maximum; 409 `contract-not-closable` in any other status), and issues the settlement statement. Sends `contract.closed_short`.
         *
         *     For signed-in buyer users (session cookie).
         */
        post: operations["closeContractShort"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the settlement statement PDF
         * @description The settlement statement of a fulfilled or closed-short contract (404 before). Its SHA-256 is `delivery.settlement.documentHash`; the producer portal renders the same bytes from the snapshot.
         *
         *     Needs an API key with the `contracts:write` scope. Or: Needs an API key with the `contracts:read` scope. Or: For signed-in buyer users (session cookie).
         */
        get: operations["getSettlementDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's lots
         * @description Every lot of the organization, drafts included, newest first; filter by status. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        get: operations["listOwnLots"];
        put?: never;
        /**
         * Create a draft lot
         * @description Stores a draft: private to the organization, no event is sent until it is published. The body may be up to 16 MB so that an oversized field is answered by the schema, naming the field. A key's create sent twice with the same Idempotency-Key stores one lot and answers the same lot both times. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        post: operations["createLot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one of the organization's lots
         * @description Any state, drafts included. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        get: operations["getOwnLot"];
        /**
         * Replace a draft's or published lot's terms
         * @description Replaces the terms with the whole LotInput. Send `If-Match` with the version you read (the `ETag`): an edit made by someone else since is refused with 409 `lot-changed`. Editing a published lot sends `lot.updated`. The volume cannot fall below what is allocated. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        put: operations["updateLot"];
        post?: never;
        /**
         * Delete a draft
         * @description Only drafts can be deleted; a published lot is closed or cancelled instead (409). With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        delete: operations["deleteDraftLot"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a draft
         * @description Makes the draft visible to producers, sends `lot.published` to every producer platform and tells the organization's members. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        post: operations["publishLot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a published lot for bidding
         * @description Stops bidding before the deadline and sends `lot.closed`; open bids can still be decided. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        post: operations["closeLot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a lot
         * @description Cancels a draft, published or closed lot and sends `lot.cancelled` for a lot producers have seen. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `lots:write` scope.
         */
        post: operations["cancelLot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}/bids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the bids on one of the organization's lots
         * @description Every bid on the lot with its negotiation thread, newest first. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `bids:read` scope.
         */
        get: operations["listLotBids"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's contracts
         * @description Every contract the buyer organization is party to, newest first. With an organization key, the organization is the key's own: another organization's lot or contract answers 404, as for its signed-in members. A producer platform's key is refused with 403, whatever its scopes.
         *
         *     For signed-in buyer users (session cookie). Or: Needs an API key with the `contracts:read` scope.
         */
        get: operations["listOwnContracts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's API keys
         * @description The organization's own keys, revoked ones included, newest first: name, prefix, scopes, when created and last used. Never the key or its hash. For the organization's admins; a member is refused with 403.
         *
         *     For signed-in buyer users (session cookie).
         */
        get: operations["listOrganizationKeys"];
        put?: never;
        /**
         * Issue an API key for one of the organization's systems
         * @description A key owned by the organization, with organization scopes only (`lots:write`, `bids:read`, `contracts:read`; a platform's scope is 422 on `scopes`). The answer is the only time the key is shown. For the organization's admins; a member is refused with 403.
         *
         *     For signed-in buyer users (session cookie).
         */
        post: operations["issueOrganizationKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke one of the organization's API keys
         * @description The key is refused (401) from this moment. Revoking a revoked key answers it unchanged. Another organization's key, or a platform's, answers 404. For the organization's admins.
         *
         *     For signed-in buyer users (session cookie).
         */
        post: operations["revokeOrganizationKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "lot.published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lot.published
         * @description A buyer published a lot: it is open for bids.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["lotPublishedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lot.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lot.updated
         * @description A buyer changed a published lot; producers with open bids are told.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["lotUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lot.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lot.closed
         * @description Bidding on a lot ended, at its deadline or by the buyer.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["lotClosedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lot.awarded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lot.awarded
         * @description A lot's whole volume is allocated to accepted bids.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["lotAwardedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lot.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lot.cancelled
         * @description A buyer cancelled a lot; its open bids will not be accepted.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["lotCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lot.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lot.deleted
         * @description A lot producers had seen no longer exists; remove it.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["lotDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.received
         * @description The buyer portal stored a producer's bid.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidReceivedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.accepted
         * @description The buyer accepted a bid as placed; a contract follows.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidAcceptedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.rejected
         * @description The buyer rejected a bid, or it lost when the lot was awarded.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidRejectedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.withdrawn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.withdrawn
         * @description The producer withdrew a bid.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidWithdrawnWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.expired
         * @description A bid passed its validUntil without a decision.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidExpiredWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.counter_offer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.counter_offer
         * @description The buyer countered a bid; the new offer is the last one.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidCounterOfferWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.counter_accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.counter_accepted
         * @description A counter-offer was accepted; a contract follows.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidCounterAcceptedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "bid.counter_rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * bid.counter_rejected
         * @description A counter-offer was rejected.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["bidCounterRejectedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contract.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contract.created
         * @description A contract was created from an accepted bid or offer.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["contractCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contract.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contract.updated
         * @description A contract changed: a signature, activation, cancellation, completion or an overdue delivery.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["contractUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "delivery.dispatched": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * delivery.dispatched
         * @description The producer announced a load; the contract's delivery lists it as an expected arrival.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["deliveryDispatchedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "delivery.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * delivery.received
         * @description The buyer recorded a weighbridge ticket (accepted, discounted or rejected); the ledger moved.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["deliveryReceivedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "delivery.corrected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * delivery.corrected
         * @description The buyer corrected a ticket with a new version and a reason; the ledger moved.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["deliveryCorrectedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contract.fulfilled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contract.fulfilled
         * @description The accepted quantity is within the tolerance and the buyer confirmed; the settlement is issued.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["contractFulfilledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contract.closed_short": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contract.closed_short
         * @description The buyer closed the contract with less than the tolerance allows, with a reason; settlement issued.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["contractClosedShortWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * ping
         * @description A test event proving the signed delivery path; change nothing.
         *
         *     Sent to the producer portal's webhook endpoint, signed with Standard Webhooks. Verify the signature, acknowledge duplicates of a `webhook-id` you already processed, and apply the snapshot only if its `data.version` is newer than the one you hold.
         */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description A producer's bid on a lot, with its negotiation thread */
        Bid: {
            id: string;
            lotId: string;
            lotNumber: string;
            /** @enum {string} */
            status: "submitted" | "countered" | "accepted" | "rejected" | "withdrawn" | "expired";
            /** @constant */
            source: "producer-portal";
            /** @description The bid's id in the producer portal */
            externalBidId: string;
            bidder: components["schemas"]["Bidder"];
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            volume: string;
            /** @description Price per unit as a decimal string, at most 99999999999.9999 */
            pricePerUnit: string;
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "PLN" | "CAD" | "AUD" | "BRL" | "UAH" | "RON";
            /** @description Total as a decimal string: volume × price per unit, rounded half up to cents, at most 999999999999999999.99 */
            total: string;
            deliveryTerms: string;
            message: string;
            /**
             * Format: date-time
             * @description The producer's bid stands until this moment; after it the bid expires
             */
            validUntil: string;
            /** @description Why the buyer rejected the bid, or why it was rejected on award */
            rejectionReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Grows by one on every change; apply a snapshot only if its version is newer than the one you hold */
            version: number;
            /** @description The negotiation thread, oldest round first */
            offers: components["schemas"]["Offer"][];
        };
        /** @description The buyer accepted a bid as placed; a contract follows. */
        BidAcceptedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.accepted";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description A counter-offer was accepted; a contract follows. */
        BidCounterAcceptedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.counter_accepted";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description The buyer countered a bid; the new offer is the last one. */
        BidCounterOfferEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.counter_offer";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description A counter-offer was rejected. */
        BidCounterRejectedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.counter_rejected";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description The buyer's answer to a bid */
        BidDecision: {
            /** @constant */
            action: "accept";
        } | {
            /** @constant */
            action: "reject";
            /** @description Shown to the producer */
            reason: string;
        };
        /** @description A bid passed its validUntil without a decision. */
        BidExpiredEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.expired";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description The calling platform's bids, least recently changed first */
        BidPage: {
            data: components["schemas"]["Bid"][];
            /** @description Pass as `cursor` to read on; null when this page is the last */
            nextCursor: string | null;
        };
        /** @description The buyer portal stored a producer's bid. */
        BidReceivedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.received";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description The buyer rejected a bid, or it lost when the lot was awarded. */
        BidRejectedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.rejected";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description Changes to a submitted bid; send only what changes */
        BidRevision: {
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            volume?: string;
            /** @description Price per unit as a decimal string, at most 99999999999.9999 */
            pricePerUnit?: string;
            deliveryTerms?: string;
            message?: string;
            /** Format: date-time */
            validUntil?: string;
        };
        /** @description A new bid on a published lot */
        BidSubmission: {
            lotId: string;
            /** @description The bid's id in the producer portal, echoed in every bid event */
            externalBidId: string;
            bidder: components["schemas"]["Bidder"];
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            volume: string;
            /** @description Price per unit as a decimal string, at most 99999999999.9999 */
            pricePerUnit: string;
            /**
             * @description Must be the lot's currency
             * @enum {string}
             */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "PLN" | "CAD" | "AUD" | "BRL" | "UAH" | "RON";
            /** @default  */
            deliveryTerms: string;
            /**
             * @description A note to the buyer
             * @default
             */
            message: string;
            /**
             * Format: date-time
             * @description The bid stands until this moment; it must be in the future
             */
            validUntil: string;
        };
        /** @description The producer withdrew a bid. */
        BidWithdrawnEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "bid.withdrawn";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Bid"];
        };
        /** @description The producer organization and person behind a bid */
        Bidder: {
            /** @description The producer organization's id in the producer portal */
            organizationId: string;
            organizationName: string;
            /** @description The person who placed the bid */
            name: string;
            /** Format: email */
            email: string;
        };
        CloseShortInput: {
            /** @description Why the contract closes short; both parties read it */
            reason: string;
        };
        /** @description The agreement that results from an accepted bid or counter-offer */
        Contract: {
            id: string;
            /** @description Human contract number, CT-<year>-<6 digits> */
            number: string;
            /**
             * @description active once both parties signed; in_delivery from the first dispatch or ticket; fulfilled or closed_short at the end (completed: declared fulfilled before deliveries were recorded)
             * @enum {string}
             */
            status: "pending_signature" | "active" | "in_delivery" | "fulfilled" | "closed_short" | "completed" | "cancelled";
            buyer: {
                organizationId: string;
                name: string;
            };
            producer: {
                organizationId: string;
                name: string;
                contactName: string;
                contactEmail: string;
            };
            lot: {
                id: string;
                number: string;
                title: string;
                commodity: string;
                qualitySpecs: string;
            };
            terms: {
                /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
                volume: string;
                /** @enum {string} */
                unit: "t" | "kg" | "m3" | "l" | "bu";
                /** @description Price per unit as a decimal string, at most 99999999999.9999 */
                pricePerUnit: string;
                /** @enum {string} */
                currency: "EUR" | "USD" | "GBP" | "CHF" | "PLN" | "CAD" | "AUD" | "BRL" | "UAH" | "RON";
                /** @description Total as a decimal string: volume × price per unit, rounded half up to cents, at most 999999999999999999.99 */
                total: string;
                paymentTerms: string;
                /** @enum {string} */
                incoterm: "EXW" | "FCA" | "CPT" | "CIP" | "DAP" | "DPU" | "DDP" | "FAS" | "FOB" | "CFR" | "CIF";
                deliveryLocation: string;
                /** Format: date */
                deliveryStart: string;
                /** Format: date */
                deliveryEnd: string;
                /**
                 * @default {
                 *       "percent": "0",
                 *       "option": "seller",
                 *       "beyond": "refuse"
                 *     }
                 */
                tolerance: components["schemas"]["DeliveryTolerance"];
                /**
                 * @description Structured quality specs; empty for none
                 * @default []
                 */
                qualityParameters: components["schemas"]["QualityParameter"][];
            };
            lotId: string;
            bidId: string;
            /** @description The offer of the thread whose terms were accepted (the bid itself is round 1) */
            offerId: string | null;
            /** @description At most one per party */
            signatures: {
                /** @enum {string} */
                party: "buyer" | "producer";
                signerName: string;
                signerEmail: string;
                /** Format: date-time */
                signedAt: string;
                /** @description SHA-256 of the contract PDF (GET /api/contracts/{id}/document), lowercase hex */
                documentHash: string;
            }[];
            /** @description Every status the contract has had, oldest first */
            statusHistory: {
                /** @enum {string} */
                status: "pending_signature" | "active" | "in_delivery" | "fulfilled" | "closed_short" | "completed" | "cancelled";
                /** Format: date-time */
                at: string;
                reason: string | null;
            }[];
            cancellationReason: string | null;
            /** @description Dispatches, weighbridge tickets and the ledger; empty until delivery starts */
            delivery: components["schemas"]["Delivery"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Grows by one on every change; apply a snapshot only if its version is newer than the one you hold */
            version: number;
        };
        /** @description Why the buyer cancels a contract */
        ContractCancellation: {
            /** @description Shown to both parties and kept in the status history */
            reason: string;
        };
        /** @description The buyer closed the contract with less than the tolerance allows, with a reason; settlement issued. */
        ContractClosedShortEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contract.closed_short";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Contract"];
        };
        /** @description The buyer declares an active contract fulfilled */
        ContractCompletion: {
            /**
             * @description Optional; shown to both parties and kept in the status history
             * @default
             */
            note: string;
        };
        /** @description A contract was created from an accepted bid or offer. */
        ContractCreatedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contract.created";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Contract"];
        };
        /** @description The accepted quantity is within the tolerance and the buyer confirmed; the settlement is issued. */
        ContractFulfilledEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contract.fulfilled";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Contract"];
        };
        /** @description A contract changed: a signature, activation, cancellation, completion or an overdue delivery. */
        ContractUpdatedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "contract.updated";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Contract"];
        };
        /** @description New terms proposed against the other party's latest offer */
        CounterOfferInput: {
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            volume: string;
            /** @description Price per unit as a decimal string, at most 99999999999.9999 */
            pricePerUnit: string;
            /** @default  */
            deliveryTerms: string;
            /** @default  */
            message: string;
            /**
             * Format: date-time
             * @description The offer can be accepted until this moment
             */
            expiresAt: string;
        };
        /** @description A new endpoint with its signing secret, shown once */
        CreatedWebhookEndpoint: {
            id: string;
            platform: string;
            url: string;
            eventTypes: string[] | null;
            enabled: boolean;
            disabledReason: string | null;
            /** @description Since when every attempt has failed; null while it delivers */
            failingSince: string | null;
            /** @description While a rotation overlaps, the old secret signs beside the new one until then */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The signing secret (whsec_…), shown only in this answer */
            secret: string;
        };
        /** @description The id, number and final version of a lot that no longer exists */
        DeletedLot: {
            id: string;
            number: string;
            /** @description Grows by one on every change; apply a snapshot only if its version is newer than the one you hold */
            version: number;
        };
        Delivery: {
            /** @description Oldest first */
            dispatches: components["schemas"]["Dispatch"][];
            /** @description In the order they were first recorded */
            tickets: components["schemas"]["Ticket"][];
            ledger: components["schemas"]["DeliveryLedger"];
            /** @description Every change of the ledger, oldest first, with who and when */
            entries: components["schemas"]["DeliveryLedgerEntry"][];
            /** @description Set once when the delivery window ended with the contract still open for deliveries */
            overdueSince: string | null;
            /** @description The settlement statement, once fulfilled or closed short */
            settlement: components["schemas"]["Settlement"] | null;
        };
        DeliveryActor: {
            /** @enum {string} */
            party: "buyer" | "producer" | "system";
            /** @description The member's name, the API key's name, or the portal's job */
            name: string;
        };
        /** @description The buyer corrected a ticket with a new version and a reason; the ledger moved. */
        DeliveryCorrectedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delivery.corrected";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Contract"];
        };
        /** @description The producer announced a load; the contract's delivery lists it as an expected arrival. */
        DeliveryDispatchedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delivery.dispatched";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Contract"];
        };
        DeliveryLedger: {
            /** @description The contract's volume */
            volume: string;
            /** @description The least accepted quantity that fulfils the contract: volume − tolerance */
            minimum: string;
            /** @description The most accepted quantity within the tolerance: volume + tolerance */
            maximum: string;
            /** @description Net weight of every accepted load */
            accepted: string;
            /** @description volume − accepted, or 0 */
            remaining: string;
            /** @description Net weight of every rejected load */
            rejected: string;
            withinTolerance: boolean;
            /** @description accepted is more than maximum (only with the tolerance rule flag) */
            overTolerance: boolean;
            /** @description Sum of the tickets' values so far */
            value: string;
            /** @description Total as a decimal string: volume × price per unit, rounded half up to cents, at most 999999999999999999.99 */
            discounts: string;
            loads: number;
            outOfSpecLoads: number;
        };
        DeliveryLedgerEntry: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            kind: "dispatched" | "received" | "corrected" | "fulfilled" | "closed_short" | "overdue";
            by: components["schemas"]["DeliveryActor"];
            dispatchId: string | null;
            ticketId: string | null;
            /** @description The accepted quantity after this change */
            accepted: string;
            /** @description The value so far after this change */
            value: string;
            /** @description What happened, as people read it, e.g. "Ticket W-1042: 24.18 t accepted" */
            text: string;
        };
        /** @description The buyer recorded a weighbridge ticket (accepted, discounted or rejected); the ledger moved. */
        DeliveryReceivedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "delivery.received";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Contract"];
        };
        DeliveryTolerance: {
            /** @description Plus or minus this percent of the volume, e.g. "5" for ±5 %; "0" for exactly the volume */
            percent: string;
            /**
             * @description Whose option the quantity within the tolerance is (MOLSO / MOLBO)
             * @enum {string}
             */
            option: "seller" | "buyer";
            /**
             * @description An accepted load that would pass volume + percent: refuse (409 over-tolerance) or flag (accepted, marked)
             * @enum {string}
             */
            beyond: "refuse" | "flag";
        };
        /** @description A load the producer announced: an expected arrival */
        Dispatch: {
            id: string;
            /** @description The producer platform's own id of the dispatch */
            externalId: string | null;
            /** Format: date */
            plannedDate: string;
            vehicleReference: string;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            estimatedWeight: string;
            note: string;
            /** Format: date-time */
            announcedAt: string;
            announcedBy: components["schemas"]["DeliveryActor"];
            /** @description Tickets recorded against this dispatch */
            ticketIds: string[];
        };
        /** @description A load the producer announces on an active contract */
        DispatchInput: {
            /**
             * Format: date
             * @description The day the load is expected at the delivery location
             */
            plannedDate: string;
            /** @description Truck plate, trailer or container number */
            vehicleReference: string;
            /** @description Expected net weight, in the contract's unit */
            estimatedWeight: string;
            /** @default  */
            note: string;
        };
        /** @description Every webhook body and events-feed entry: an id, a type, a time, an API version and a full snapshot */
        EventEnvelope: components["schemas"]["LotPublishedEvent"] | components["schemas"]["LotUpdatedEvent"] | components["schemas"]["LotClosedEvent"] | components["schemas"]["LotAwardedEvent"] | components["schemas"]["LotCancelledEvent"] | components["schemas"]["LotDeletedEvent"] | components["schemas"]["BidReceivedEvent"] | components["schemas"]["BidAcceptedEvent"] | components["schemas"]["BidRejectedEvent"] | components["schemas"]["BidWithdrawnEvent"] | components["schemas"]["BidExpiredEvent"] | components["schemas"]["BidCounterOfferEvent"] | components["schemas"]["BidCounterAcceptedEvent"] | components["schemas"]["BidCounterRejectedEvent"] | components["schemas"]["ContractCreatedEvent"] | components["schemas"]["ContractUpdatedEvent"] | components["schemas"]["DeliveryDispatchedEvent"] | components["schemas"]["DeliveryReceivedEvent"] | components["schemas"]["DeliveryCorrectedEvent"] | components["schemas"]["ContractFulfilledEvent"] | components["schemas"]["ContractClosedShortEvent"] | components["schemas"]["PingEvent"];
        /** @description Events oldest first, in the order of the transactions that wrote them. An event is listed once every transaction that began writing before it has ended, so nothing ever appears behind a cursor already passed */
        EventFeedPage: {
            data: components["schemas"]["EventEnvelope"][];
            /** @description Pass as `after` to read on. It is set whenever this page holds events, so a consumer that reached the end can poll again from it; null only when no event follows `after` yet */
            nextCursor: string | null;
        };
        FulfilmentInput: {
            /**
             * @description Optional; kept in the status history
             * @default
             */
            note: string;
        };
        /** @description Whether the portal and its database answer */
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            service: string;
            database: {
                reachable: boolean;
                version?: string;
                latencyMs?: number;
            };
            /** @description Present when the database answers */
            outbox?: {
                /** @description Messages (webhooks, API calls, email) not yet sent */
                waiting: number;
                /** @description Age of the oldest waiting message; growing means nothing is delivered */
                oldestWaitingSeconds: number | null;
                /** @description Messages given up; replay them from the admin page */
                dead: number;
            };
        };
        IssuedOrganizationKey: {
            id: string;
            name: string;
            /** @description The key's first characters, to tell keys apart; not enough to use it */
            prefix: string;
            scopes: components["schemas"]["OrganizationKeyScope"][];
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** @description The key to send as X-API-Key; shown once, store it now */
            key: string;
        };
        /** @description A lot: what a buyer wants to buy, how much, on which terms */
        Lot: {
            id: string;
            /** @description Human lot number, LOT-<year>-<6 digits> */
            number: string;
            /** @enum {string} */
            status: "draft" | "published" | "closed" | "awarded" | "cancelled";
            buyerOrganization: {
                id: string;
                name: string;
            };
            title: string;
            commodity: string;
            description: string;
            qualitySpecs: string;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            volume: string;
            /** @enum {string} */
            unit: "t" | "kg" | "m3" | "l" | "bu";
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            minBidVolume: string;
            partialBidsAllowed: boolean;
            targetPrice: string | null;
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "PLN" | "CAD" | "AUD" | "BRL" | "UAH" | "RON";
            deliveryLocation: string;
            /** @enum {string} */
            incoterm: "EXW" | "FCA" | "CPT" | "CIP" | "DAP" | "DPU" | "DDP" | "FAS" | "FOB" | "CFR" | "CIF";
            /** Format: date */
            deliveryStart: string;
            /** Format: date */
            deliveryEnd: string;
            /** Format: date-time */
            biddingDeadline: string;
            paymentTerms: string;
            /**
             * @default {
             *       "percent": "0",
             *       "option": "seller",
             *       "beyond": "refuse"
             *     }
             */
            tolerance: components["schemas"]["DeliveryTolerance"];
            /** @default [] */
            qualityParameters: components["schemas"]["QualityParameter"][];
            /** @description Volume already awarded to accepted bids */
            allocatedVolume: string;
            /** @description When the lot was published; null for a draft */
            publishedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Grows by one on every change; apply a snapshot only if its version is newer than the one you hold */
            version: number;
        };
        /** @description A lot's whole volume is allocated to accepted bids. */
        LotAwardedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lot.awarded";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Lot"];
        };
        /** @description A buyer cancelled a lot; its open bids will not be accepted. */
        LotCancelledEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lot.cancelled";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Lot"];
        };
        /** @description Bidding on a lot ended, at its deadline or by the buyer. */
        LotClosedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lot.closed";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Lot"];
        };
        /** @description A lot producers had seen no longer exists; remove it. */
        LotDeletedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lot.deleted";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["DeletedLot"];
        };
        LotInput: {
            title: string;
            commodity: string;
            /** @default  */
            description: string;
            /** @default  */
            qualitySpecs: string;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            volume: string;
            /** @enum {string} */
            unit: "t" | "kg" | "m3" | "l" | "bu";
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            minBidVolume: string;
            /** @default true */
            partialBidsAllowed: boolean;
            /** @default null */
            targetPrice: string | null;
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "PLN" | "CAD" | "AUD" | "BRL" | "UAH" | "RON";
            deliveryLocation: string;
            /** @enum {string} */
            incoterm: "EXW" | "FCA" | "CPT" | "CIP" | "DAP" | "DPU" | "DDP" | "FAS" | "FOB" | "CFR" | "CIF";
            /** Format: date */
            deliveryStart: string;
            /** Format: date */
            deliveryEnd: string;
            /** Format: date-time */
            biddingDeadline: string;
            paymentTerms: string;
            /** @description Left out: the commodity's usual tolerance when the lot is created, unchanged when it is edited */
            tolerance?: components["schemas"]["DeliveryTolerance"];
            /** @description Left out: the commodity's usual parameters when the lot is created, unchanged when it is edited */
            qualityParameters?: components["schemas"]["QualityParameterInput"][];
        };
        /** @description A page of lots producers may see */
        LotPage: {
            data: components["schemas"]["Lot"][];
            /** @description Pass as `cursor` to get the next page; null on the last page */
            nextCursor: string | null;
        };
        /** @description A buyer published a lot: it is open for bids. */
        LotPublishedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lot.published";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Lot"];
        };
        /** @description A buyer changed a published lot; producers with open bids are told. */
        LotUpdatedEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "lot.updated";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Lot"];
        };
        Measurement: {
            name: string;
            /** @enum {string} */
            unit: "%" | "kg/hl" | "mg/kg" | "ppb" | "s" | "count";
            /** @description A measured value as a decimal string, e.g. "13.8"; non-negative */
            value: string;
            min: string | null;
            max: string | null;
            inSpec: boolean;
        };
        MeasurementInput: {
            /** @description A quality parameter of the contract, matched ignoring case */
            name: string;
            /** @description A measured value as a decimal string, e.g. "13.8"; non-negative */
            value: string;
            /** @enum {string} */
            unit: "%" | "kg/hl" | "mg/kg" | "ppb" | "s" | "count";
        };
        NewOrganizationKey: {
            /** @description What the key is for, e.g. the ERP or weighbridge that will hold it */
            name: string;
            /** @description lots:write creates, edits, publishes, closes and cancels the organization's lots and reads them */
            scopes: components["schemas"]["OrganizationKeyScope"][];
        };
        /** @description A producer platform the buyer portal will serve */
        NewProducerPlatform: {
            /** @description The platform's id on keys, bids and events, e.g. `coop-dashboard` */
            id: string;
            /** @description What the operators call the platform */
            name: string;
        };
        /** @description Where a platform receives its webhooks */
        NewWebhookEndpoint: {
            /** Format: uri */
            url: string;
            /**
             * @description The event types sent to this endpoint; null sends every type the platform may see
             * @default null
             */
            eventTypes: ("lot.published" | "lot.updated" | "lot.closed" | "lot.awarded" | "lot.cancelled" | "lot.deleted" | "bid.received" | "bid.accepted" | "bid.rejected" | "bid.withdrawn" | "bid.expired" | "bid.counter_offer" | "bid.counter_accepted" | "bid.counter_rejected" | "contract.created" | "contract.updated" | "delivery.dispatched" | "delivery.received" | "delivery.corrected" | "contract.fulfilled" | "contract.closed_short" | "ping")[] | null;
        };
        /** @description One offer in a bid's negotiation thread */
        Offer: {
            id: string;
            /** @description Position in the thread, counting from 1 */
            round: number;
            /** @enum {string} */
            fromParty: "buyer" | "producer";
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            volume: string;
            /** @description Price per unit as a decimal string, at most 99999999999.9999 */
            pricePerUnit: string;
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "PLN" | "CAD" | "AUD" | "BRL" | "UAH" | "RON";
            /** @description Total as a decimal string: volume × price per unit, rounded half up to cents, at most 999999999999999999.99 */
            total: string;
            deliveryTerms: string;
            message: string;
            /**
             * Format: date-time
             * @description After this moment the offer can no longer be accepted
             */
            expiresAt: string;
            /**
             * @description Only the latest pending offer can be accepted, rejected or countered
             * @enum {string}
             */
            status: "pending" | "accepted" | "rejected" | "superseded" | "expired";
            /** Format: date-time */
            createdAt: string;
        };
        /** @description Why a counter-offer is rejected */
        OfferRejection: {
            /** @description Shown to the party that made the offer */
            reason?: string;
        };
        OrganizationKey: {
            id: string;
            name: string;
            /** @description The key's first characters, to tell keys apart; not enough to use it */
            prefix: string;
            scopes: components["schemas"]["OrganizationKeyScope"][];
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        /** @enum {string} */
        OrganizationKeyScope: "lots:write" | "bids:read" | "contracts:read" | "deliveries:write";
        /** @description Test event payload */
        Ping: {
            message: string;
            /** @description Grows by one on every change; apply a snapshot only if its version is newer than the one you hold */
            version: number;
        };
        /** @description A test event proving the signed delivery path; change nothing. */
        PingEvent: {
            /** @description Unique event id; the same on every delivery attempt, so dedupe by it */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ping";
            /**
             * Format: date-time
             * @description When the change happened
             */
            createdAt: string;
            /** @description Version of the payload shape; currently 2026-11-01 */
            apiVersion: string;
            data: components["schemas"]["Ping"];
        };
        /** @description When the buyer portal heard back about a ping */
        Pong: {
            pingEventId: string;
            /** Format: date-time */
            receivedAt: string;
        };
        PongInput: {
            /** @description The id of the ping event that arrived */
            pingEventId: string;
        };
        Problem: {
            /** @description Stable identifier of the kind of problem, e.g. urn:lotbridge:problem:validation */
            type: string;
            title: string;
            status: number;
            /** @description What went wrong and what to do about it, for a person */
            detail: string;
            instance?: string;
            requestId?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        };
        /** @description A subscriber of the buyer portal: its endpoints and API keys */
        ProducerPlatform: {
            id: string;
            name: string;
            /** Format: date-time */
            createdAt: string;
            endpoints: components["schemas"]["WebhookEndpoint"][];
            apiKeys: {
                id: string;
                name: string;
                /** @description The first characters of the key, never the key */
                prefix: string;
                scopes: string[];
                revokedAt: string | null;
                expiresAt: string | null;
                lastUsedAt: string | null;
            }[];
        };
        /** @description Every producer platform, oldest first */
        ProducerPlatformList: {
            data: components["schemas"]["ProducerPlatform"][];
        };
        QualityParameter: {
            name: string;
            /** @enum {string} */
            unit: "%" | "kg/hl" | "mg/kg" | "ppb" | "s" | "count";
            min: string | null;
            max: string | null;
        };
        QualityParameterInput: {
            /** @description e.g. "Moisture", "Protein"; unique within the lot, ignoring case */
            name: string;
            /** @enum {string} */
            unit: "%" | "kg/hl" | "mg/kg" | "ppb" | "s" | "count";
            /**
             * @description Lowest value in spec; null for no lower limit
             * @default null
             */
            min: string | null;
            /**
             * @description Highest value in spec; null for no upper limit
             * @default null
             */
            max: string | null;
        };
        Settlement: {
            /** Format: date-time */
            issuedAt: string;
            /** @description SHA-256 (hex) of the settlement statement PDF */
            documentHash: string;
            filename: string;
        };
        /** @description A party's signature on the current contract document */
        SignatureInput: {
            signerName: string;
            /** Format: email */
            signerEmail: string;
            /** @description SHA-256 of the contract PDF (GET /api/contracts/{id}/document), lowercase hex */
            documentHash: string;
        };
        /** @description A weighbridge ticket in its current version, with its earlier versions */
        Ticket: {
            id: string;
            number: string;
            version: number;
            /** Format: date-time */
            receivedAt: string;
            dispatchId: string | null;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            grossWeight: string;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            tareWeight: string;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            netWeight: string;
            measurements: components["schemas"]["Measurement"][];
            /** @description Whether any measurement is outside its parameter's range */
            outOfSpec: boolean;
            /** @enum {string} */
            decision: "accept" | "accept_with_discount" | "reject";
            discountKind: ("per_unit" | "percent") | null;
            discountAmount: string | null;
            rejectionReason: string;
            /** @description The net weight if the load was accepted (with or without discount), else 0 */
            acceptedQuantity: string;
            /** @description The money taken off this load's value */
            discount: string;
            /** @description acceptedQuantity × price per unit, rounded half up to cents, − discount */
            value: string;
            note: string;
            /** @description Why this version replaced the one before; null for version 1 */
            correctionReason: string | null;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: components["schemas"]["DeliveryActor"];
            /** @description Every earlier version, oldest first; empty if never corrected */
            history: components["schemas"]["TicketVersion"][];
        };
        /** @description Every field of the ticket as it should read, and why */
        TicketCorrection: {
            /**
             * Format: date-time
             * @description When the load was weighed
             */
            receivedAt: string;
            /**
             * @description The announced dispatch this load is, if any (one of this contract's)
             * @default null
             */
            dispatchId: string | null;
            /** @description Gross weight, in the contract's unit */
            grossWeight: string;
            /** @description Tare weight, in the contract's unit; less than grossWeight */
            tareWeight: string;
            /** @description Optional; when sent it must equal grossWeight − tareWeight, which is what is stored */
            netWeight?: string;
            /** @default [] */
            measurements: components["schemas"]["MeasurementInput"][];
            /**
             * @description accept the load, accept it with a discount, or reject it
             * @enum {string}
             */
            decision: "accept" | "accept_with_discount" | "reject";
            /**
             * @description With accept_with_discount: per_unit (an amount off the price per unit) or percent (of the load's value)
             * @default null
             */
            discountKind: ("per_unit" | "percent") | null;
            /**
             * @description With accept_with_discount: the amount per unit (at most the price) or the percent (at most 100)
             * @default null
             */
            discountAmount: string | null;
            /**
             * @description Required with reject
             * @default
             */
            rejectionReason: string;
            /** @default  */
            note: string;
            /** @description Why the ticket is corrected; kept in the ticket's history */
            reason: string;
        };
        /** @description A received load: weights, quality measured and the buyer's decision */
        TicketInput: {
            /** @description The weighbridge's ticket number; unique within the contract */
            ticketNumber: string;
            /**
             * Format: date-time
             * @description When the load was weighed
             */
            receivedAt: string;
            /**
             * @description The announced dispatch this load is, if any (one of this contract's)
             * @default null
             */
            dispatchId: string | null;
            /** @description Gross weight, in the contract's unit */
            grossWeight: string;
            /** @description Tare weight, in the contract's unit; less than grossWeight */
            tareWeight: string;
            /** @description Optional; when sent it must equal grossWeight − tareWeight, which is what is stored */
            netWeight?: string;
            /** @default [] */
            measurements: components["schemas"]["MeasurementInput"][];
            /**
             * @description accept the load, accept it with a discount, or reject it
             * @enum {string}
             */
            decision: "accept" | "accept_with_discount" | "reject";
            /**
             * @description With accept_with_discount: per_unit (an amount off the price per unit) or percent (of the load's value)
             * @default null
             */
            discountKind: ("per_unit" | "percent") | null;
            /**
             * @description With accept_with_discount: the amount per unit (at most the price) or the percent (at most 100)
             * @default null
             */
            discountAmount: string | null;
            /**
             * @description Required with reject
             * @default
             */
            rejectionReason: string;
            /** @default  */
            note: string;
        };
        TicketVersion: {
            version: number;
            /** Format: date-time */
            receivedAt: string;
            dispatchId: string | null;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            grossWeight: string;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            tareWeight: string;
            /** @description Volume as a decimal string, in the lot's unit, at most 999999999999.999 */
            netWeight: string;
            measurements: components["schemas"]["Measurement"][];
            /** @description Whether any measurement is outside its parameter's range */
            outOfSpec: boolean;
            /** @enum {string} */
            decision: "accept" | "accept_with_discount" | "reject";
            discountKind: ("per_unit" | "percent") | null;
            discountAmount: string | null;
            rejectionReason: string;
            /** @description The net weight if the load was accepted (with or without discount), else 0 */
            acceptedQuantity: string;
            /** @description The money taken off this load's value */
            discount: string;
            /** @description acceptedQuantity × price per unit, rounded half up to cents, − discount */
            value: string;
            note: string;
            /** @description Why this version replaced the one before; null for version 1 */
            correctionReason: string | null;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: components["schemas"]["DeliveryActor"];
        };
        /** @description A webhook endpoint of a producer platform (never its secret) */
        WebhookEndpoint: {
            id: string;
            platform: string;
            url: string;
            eventTypes: string[] | null;
            enabled: boolean;
            disabledReason: string | null;
            /** @description Since when every attempt has failed; null while it delivers */
            failingSince: string | null;
            /** @description While a rotation overlaps, the old secret signs beside the new one until then */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /** @description The settings to change; enabling also restarts the endpoint's health clock */
        WebhookEndpointChange: {
            /** Format: uri */
            url?: string;
            /** @description The event types sent to this endpoint; null sends every type the platform may see */
            eventTypes?: ("lot.published" | "lot.updated" | "lot.closed" | "lot.awarded" | "lot.cancelled" | "lot.deleted" | "bid.received" | "bid.accepted" | "bid.rejected" | "bid.withdrawn" | "bid.expired" | "bid.counter_offer" | "bid.counter_accepted" | "bid.counter_rejected" | "contract.created" | "contract.updated" | "delivery.dispatched" | "delivery.received" | "delivery.corrected" | "contract.fulfilled" | "contract.closed_short" | "ping")[] | null;
            enabled?: boolean;
        };
        /** @description A rotated signing secret, shown once */
        WebhookEndpointSecret: {
            /** @description The new signing secret (whsec_…), shown only in this answer */
            secret: string;
            /** @description How long the old secret keeps signing beside the new one */
            overlapHours: number;
        };
    };
    responses: {
        /** @description The request is malformed: the body is not JSON, or a required header is missing. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid credentials: the API key or session is missing, wrong, rotated or revoked. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The credentials are valid but lack the scope or role this needs. Nothing was written. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing with this id exists, or it is not visible to the caller. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The object's state does not allow this now (for example a bid that is no longer submitted), or the Idempotency-Key was already used for a different request. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than this operation reads (1 MB unless its description says more). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not sent as `application/json` (optionally `; charset=utf-8`). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A field is invalid; `errors` names each field with a sentence saying what to fix. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests for now. Try again after the `Retry-After` header's seconds; the producer portal's outbox does so on its retry schedule. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The lot's id (lot_…). */
        LotId: string;
        /** @description The bid's id (bid_…). */
        BidId: string;
        /** @description The offer's id (ofr_…); it must be the latest pending offer. */
        OfferId: string;
        /** @description The contract's id (ct_…). */
        ContractId: string;
        /** @description The ticket's id (tkt_…). */
        TicketId: string;
        /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
        ProducerOrganization: string;
        /** @description Required with a producer platform's key: the producer organization that is the contract's producer party. A buyer organization's key or a buyer user's session reads its own organization's contracts without it. */
        ProducerOrganizationOfPlatform: string;
        /** @description A unique key per change, e.g. a UUID; without one the call is refused with 400. Retrying with the same key and body returns the first answer (with `idempotent-replayed: true`); reusing it with a different body is refused with 409. Keys are kept per API key. */
        IdempotencyKey: string;
        /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
        IdempotencyKeyOptional: string;
        /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
        WebhookId: string;
        /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
        WebhookTimestamp: string;
        /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
        WebhookSignature: string;
    };
    requestBodies: never;
    headers: {
        /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
        IdempotentReplayed: "true";
        /** @description The lot's version in quotes, e.g. `"3"`; send it back as `If-Match` when you edit the lot. */
        LotVersion: string;
        /** @description Seconds to wait before trying again. */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listLots: {
        parameters: {
            query?: {
                /** @description Only lots in this status */
                status?: "published" | "closed" | "awarded";
                /** @description Only lots of this commodity, e.g. Wheat */
                commodity?: string;
                /** @description Words to find in the lot's number, title, commodity or description */
                q?: string;
                /** @description Only lots changed at or after this moment, for incremental synchronisation */
                updatedSince?: string;
                /** @description The nextCursor of the previous page; leave it out for the first page */
                cursor?: string;
                /** @description Lots per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of lots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getLot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listBids: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page; leave it out to start at the beginning */
                cursor?: string;
                /** @description Bids per page */
                limit?: number;
                /** @description Only bids changed at or after this moment (ISO-8601 with Z or an offset) */
                updatedSince?: string;
            };
            header?: {
                /** @description List only the bids placed for this producer organization (its `bidder.organizationId`). */
                "X-Producer-Organization"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of bids. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BidPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitBid: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique key per change, e.g. a UUID; without one the call is refused with 400. Retrying with the same key and body returns the first answer (with `idempotent-replayed: true`); reusing it with a different body is refused with 409. Keys are kept per API key. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidSubmission"];
            };
        };
        responses: {
            /** @description The bid as stored (also on a replay of the same Idempotency-Key). */
            201: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getBid: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
            };
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bid with every offer of its thread. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    decideBid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidDecision"];
            };
        };
        responses: {
            /** @description The decided bid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    reviseBid: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidRevision"];
            };
        };
        responses: {
            /** @description The revised bid. */
            200: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    withdrawBid: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The withdrawn bid. */
            200: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    counterBid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CounterOfferInput"];
            };
        };
        responses: {
            /** @description The bid with the new offer last in its thread. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    counterBack: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CounterOfferInput"];
            };
        };
        responses: {
            /** @description The bid with the new offer last in its thread. */
            201: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    acceptCounterOffer: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
                /** @description The offer's id (ofr_…); it must be the latest pending offer. */
                offerId: components["parameters"]["OfferId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accepted bid. */
            200: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rejectCounterOffer: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The bid's id (bid_…). */
                id: components["parameters"]["BidId"];
                /** @description The offer's id (ofr_…); it must be the latest pending offer. */
                offerId: components["parameters"]["OfferId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OfferRejection"];
            };
        };
        responses: {
            /** @description The bid with the rejected offer. */
            200: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bid"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with a producer platform's key: the producer organization that is the contract's producer party. A buyer organization's key or a buyer user's session reads its own organization's contracts without it. */
                "X-Producer-Organization"?: components["parameters"]["ProducerOrganizationOfPlatform"];
            };
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getContractDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with a producer platform's key: the producer organization that is the contract's producer party. A buyer organization's key or a buyer user's session reads its own organization's contracts without it. */
                "X-Producer-Organization"?: components["parameters"]["ProducerOrganizationOfPlatform"];
            };
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    signContract: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignatureInput"];
            };
        };
        responses: {
            /** @description The contract with the new signature. */
            201: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractCancellation"];
            };
        };
        responses: {
            /** @description The cancelled contract. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    completeContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractCompletion"];
            };
        };
        responses: {
            /** @description The completed contract. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page; leave it out to start from the first event */
                after?: string;
                /** @description Events per page */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventFeedPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    answerPing: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique key per change, e.g. a UUID; without one the call is refused with 400. Retrying with the same key and body returns the first answer (with `idempotent-replayed: true`); reusing it with a different body is refused with 409. Keys are kept per API key. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PongInput"];
            };
        };
        responses: {
            /** @description The ping's answer was recorded. */
            201: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pong"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portal and its database answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    issueApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    platform: string;
                    scopes: ("lots:read" | "bids:write" | "contracts:write")[];
                };
            };
        };
        responses: {
            /** @description The new key. */
            201: {
                headers: {
                    /** @description `no-store`: the secret is shown once. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description The full key; never shown again. */
                        key: string;
                        /** @description The visible start of the key, shown in lists. */
                        prefix: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API key's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description How long the replaced secret or key keeps working: 0 (at once) to a week.
                     * @default 24
                     */
                    overlapHours?: number;
                };
            };
        };
        responses: {
            /** @description The successor key. */
            201: {
                headers: {
                    /** @description `no-store`: the secret is shown once. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description The full key; never shown again. */
                        key: string;
                        /** @description The visible start of the key, shown in lists. */
                        prefix: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API key's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    enableProducerEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description How long the replaced secret or key keeps working: 0 (at once) to a week.
                     * @default 24
                     */
                    overlapHours?: number;
                };
            };
        };
        responses: {
            /** @description The new secret, shown once. */
            201: {
                headers: {
                    /** @description `no-store`: the secret is shown once. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        overlapHours: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    replayMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The outbox message's id (msg_…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message, pending again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: string;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listProducerPlatforms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The platforms. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProducerPlatformList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    createProducerPlatform: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewProducerPlatform"];
            };
        };
        responses: {
            /** @description The platform, without keys or endpoints yet. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProducerPlatform"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    addWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The producer platform's id, e.g. `producer-portal`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWebhookEndpoint"];
            };
        };
        responses: {
            /** @description The endpoint with its signing secret. */
            201: {
                headers: {
                    /** @description `no-store`: the secret is shown once. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    changeWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The producer platform's id, e.g. `producer-portal`. */
                id: string;
                /** @description The webhook endpoint's id (`whe_…`; the first platform's is `producer-portal`). */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointChange"];
            };
        };
        responses: {
            /** @description The endpoint as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The producer platform's id, e.g. `producer-portal`. */
                id: string;
                /** @description The webhook endpoint's id (`whe_…`; the first platform's is `producer-portal`). */
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description How long the old secret keeps signing beside the new one: 0 (at once) to a week.
                     * @default 24
                     */
                    overlapHours?: number;
                };
            };
        };
        responses: {
            /** @description The new secret. */
            201: {
                headers: {
                    /** @description `no-store`: the secret is shown once. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getIntegrationOverview: {
        parameters: {
            query?: {
                /** @description Only messages in this state. */
                status?: "pending" | "delivered" | "dead" | "cancelled";
                /** @description Only webhooks to this producer platform's endpoints (its id). */
                platform?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The overview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    sendPing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The endpoint to ping. */
                    endpointId?: string;
                };
            };
        };
        responses: {
            /** @description The ping was queued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: string;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page; leave it out for the newest messages */
                cursor?: string;
                /** @description Messages per page */
                limit?: number;
                /** @description Only messages in this state */
                status?: "pending" | "delivered" | "dead" | "cancelled";
                /** @description Only webhooks to this endpoint (its id) */
                endpoint?: string;
                /** @description Only webhooks to the endpoints of this producer platform (its id) */
                platform?: string;
                /** @description Only the copies of this event, one per endpoint it was sent to */
                eventId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The message's id (msg_…) */
                            id: string;
                            /** @description `webhook`, `email`, … */
                            kind: string;
                            /** @description For a webhook, the id of its endpoint */
                            destination: string;
                            eventType: string | null;
                            /** @description Sent as `webhook-id`; identical in every copy and every retry */
                            eventId: string | null;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead" | "cancelled";
                            attempts: number;
                            /** @description When the next attempt is due; null unless pending */
                            nextAttemptAt: string | null;
                            /** @description The receiver's HTTP status at the last attempt */
                            lastStatus: number | null;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                        }[];
                        /** @description Pass as `cursor` to get older messages; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    listWebhookEndpointHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @description The producer platform the endpoint belongs to */
                            subscriber: string | null;
                            url: string;
                            enabled: boolean;
                            /** @description Why and since when it is disabled; null while enabled */
                            disabledReason: string | null;
                            /** @description Since when every attempt has failed; null while it delivers */
                            failingSince: string | null;
                            lastDeliveredAt: string | null;
                            /** @description Attempts that failed in the last 24 hours */
                            failedLast24h: number;
                            /** @description Messages still to be sent, including those held while disabled */
                            pending: number;
                            /** @description Messages given up on; replay them once the receiver is fixed */
                            dead: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    enableWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id, as `GET /api/admin/webhook-endpoints` lists it. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint's state now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        enabled: boolean;
                        disabledReason: string | null;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    disableWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id, as `GET /api/admin/webhook-endpoints` lists it. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why it is turned off, shown on the Integrations page */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The endpoint's state now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        enabled: boolean;
                        disabledReason: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    replayWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id, as `GET /api/admin/webhook-endpoints` lists it. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Replay messages created at or after this moment
                     */
                    since: string;
                    /**
                     * Format: date-time
                     * @description …and before this one
                     */
                    until: string;
                    /**
                     * @description Also send again messages that were delivered; by default only dead ones
                     * @default false
                     */
                    includeDelivered?: boolean;
                };
            };
        };
        responses: {
            /** @description How many messages were queued again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpointId: string;
                        /** @description How many messages were queued again */
                        replayed: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    announceDispatch: {
        parameters: {
            query?: never;
            header: {
                /** @description The producer organization the call is made for: the `bidder.organizationId` the bid was placed with. A bid of another organization (or placed by another platform) answers 404. */
                "X-Producer-Organization": components["parameters"]["ProducerOrganization"];
                /** @description A unique key per change, e.g. a UUID; without one the call is refused with 400. Retrying with the same key and body returns the first answer (with `idempotent-replayed: true`); reusing it with a different body is refused with 409. Keys are kept per API key. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchInput"];
            };
        };
        responses: {
            /** @description The contract with the dispatch in `delivery.dispatches`. */
            201: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recordTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketInput"];
            };
        };
        responses: {
            /** @description The contract with the ticket and the moved ledger. */
            201: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    correctTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
                /** @description The ticket's id (tkt_…). */
                ticketId: components["parameters"]["TicketId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketCorrection"];
            };
        };
        responses: {
            /** @description The contract with the corrected ticket. */
            201: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    fulfilContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FulfilmentInput"];
            };
        };
        responses: {
            /** @description The fulfilled contract, with `delivery.settlement`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    closeContractShort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseShortInput"];
            };
        };
        responses: {
            /** @description The contract closed short, with `delivery.settlement`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getSettlementDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with a producer platform's key: the producer organization that is the contract's producer party. A buyer organization's key or a buyer user's session reads its own organization's contracts without it. */
                "X-Producer-Organization"?: components["parameters"]["ProducerOrganizationOfPlatform"];
            };
            path: {
                /** @description The contract's id (ct_…). */
                id: components["parameters"]["ContractId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settlement statement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listOwnLots: {
        parameters: {
            query?: {
                /** @description Only lots in this state. */
                status?: "draft" | "published" | "closed" | "awarded" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's lots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Lot"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createLot: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotInput"];
            };
        };
        responses: {
            /** @description The draft as stored (also on a replay of the same Idempotency-Key). */
            201: {
                headers: {
                    ETag: components["headers"]["LotVersion"];
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOwnLot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lot. */
            200: {
                headers: {
                    ETag: components["headers"]["LotVersion"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateLot: {
        parameters: {
            query?: never;
            header?: {
                /** @description The lot version the edit is based on, e.g. `"3"`; a malformed value is 400. */
                "If-Match"?: string;
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotInput"];
            };
        };
        responses: {
            /** @description The lot with its new terms and version. */
            200: {
                headers: {
                    ETag: components["headers"]["LotVersion"];
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteDraftLot: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    publishLot: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lot in its new state. */
            200: {
                headers: {
                    ETag: components["headers"]["LotVersion"];
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeLot: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lot in its new state. */
            200: {
                headers: {
                    ETag: components["headers"]["LotVersion"];
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelLot: {
        parameters: {
            query?: never;
            header?: {
                /** @description Send one (e.g. the id of the message in your outbox) so that a retry gets the first answer, marked `idempotent-replayed: true`, instead of acting twice or being refused; reusing it with a different body is refused with 409. Honoured for API keys. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyOptional"];
            };
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lot in its new state. */
            200: {
                headers: {
                    ETag: components["headers"]["LotVersion"];
                    "idempotent-replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listLotBids: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The lot's id (lot_…). */
                id: components["parameters"]["LotId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lot's bids. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Bid"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listOwnContracts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's contracts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Contract"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listOrganizationKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["OrganizationKey"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    issueOrganizationKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewOrganizationKey"];
            };
        };
        responses: {
            /** @description The new key, shown once. */
            201: {
                headers: {
                    /** @description `no-store`: the key is shown once. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedOrganizationKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    revokeOrganizationKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization key's id (key_…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationKey"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    lotPublishedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotPublishedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    lotUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotUpdatedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    lotClosedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotClosedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    lotAwardedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotAwardedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    lotCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotCancelledEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    lotDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LotDeletedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidReceivedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidReceivedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidAcceptedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidAcceptedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidRejectedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidRejectedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidWithdrawnWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidWithdrawnEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidExpiredWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidExpiredEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidCounterOfferWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidCounterOfferEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidCounterAcceptedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidCounterAcceptedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bidCounterRejectedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BidCounterRejectedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contractCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractCreatedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contractUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractUpdatedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deliveryDispatchedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryDispatchedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deliveryReceivedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryReceivedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deliveryCorrectedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryCorrectedEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contractFulfilledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractFulfilledEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contractClosedShortWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractClosedShortEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, equal to the body's `id`; identical on every retry, so dedupe by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time in seconds when this attempt was signed; refuse it when more than 5 minutes off. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed with the base64-decoded part of the `whsec_…` secret. During secret rotation there may be several; one valid signature is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PingEvent"];
            };
        };
        responses: {
            /** @description The endpoint is gone: the buyer portal disables it and stops sending. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received. Answer within 15 seconds; anything else is retried with backoff. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
