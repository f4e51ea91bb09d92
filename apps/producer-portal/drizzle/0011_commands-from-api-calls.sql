-- Calls to the buyer portal queued before commands had kinds ("api-call" messages: method, path, body, headers,
-- idempotencyKey) become the command they were, keeping their id (answers are routed back by it) and their
-- Idempotency-Key, so a bid placed before the upgrade is still delivered after it, once.
UPDATE "outbox_message" SET
  "kind" = 'buyer-command',
  "event_id" = coalesce("payload"->>'idempotencyKey', "id"),
  "event_type" = c."kind",
  "payload" = c."body"
FROM (
  SELECT m."id" AS "message_id",
    CASE
      WHEN p."method" = 'POST' AND p."path" = '/api/bids' THEN 'bid.submit'
      WHEN p."method" = 'PATCH' AND p."path" ~ '^/api/bids/[^/]+$' THEN 'bid.revise'
      WHEN p."method" = 'POST' AND p."path" ~ '^/api/bids/[^/]+/withdraw$' THEN 'bid.withdraw'
      WHEN p."method" = 'POST' AND p."path" ~ '^/api/bids/[^/]+/counter-offers/[^/]+/accept$' THEN 'offer.accept'
      WHEN p."method" = 'POST' AND p."path" ~ '^/api/bids/[^/]+/counter-offers/[^/]+/reject$' THEN 'offer.reject'
      WHEN p."method" = 'POST' AND p."path" ~ '^/api/bids/[^/]+/counter-offers$' THEN 'offer.counter'
      WHEN p."method" = 'POST' AND p."path" ~ '^/api/contracts/[^/]+/signatures$' THEN 'contract.sign'
      WHEN p."method" = 'POST' AND p."path" = '/api/integration/pongs' THEN 'ping.answer'
    END AS "kind",
    CASE
      WHEN p."path" IN ('/api/bids', '/api/integration/pongs') THEN m."payload"->'body'
      WHEN p."method" = 'PATCH' THEN jsonb_build_object('bidId', split_part(p."path", '/', 4), 'organizationId', p."organization", 'revision', m."payload"->'body')
      WHEN p."path" ~ '/withdraw$' THEN jsonb_build_object('bidId', split_part(p."path", '/', 4), 'organizationId', p."organization")
      WHEN p."path" ~ '/accept$' THEN jsonb_build_object('bidId', split_part(p."path", '/', 4), 'offerId', split_part(p."path", '/', 6), 'organizationId', p."organization")
      WHEN p."path" ~ '/reject$' THEN jsonb_build_object('bidId', split_part(p."path", '/', 4), 'offerId', split_part(p."path", '/', 6), 'organizationId', p."organization", 'rejection', coalesce(m."payload"->'body', '{}'::jsonb))
      WHEN p."path" ~ '/counter-offers$' THEN jsonb_build_object('bidId', split_part(p."path", '/', 4), 'organizationId', p."organization", 'counter', m."payload"->'body')
      WHEN p."path" ~ '/signatures$' THEN jsonb_build_object('contractId', split_part(p."path", '/', 4), 'organizationId', p."organization", 'signature', m."payload"->'body')
    END AS "body"
  FROM "outbox_message" m
  CROSS JOIN LATERAL (
    SELECT m."payload"->>'method' AS "method", m."payload"->>'path' AS "path",
      coalesce(m."payload"->'headers'->>'X-Producer-Organization', m."payload"->'headers'->>'x-producer-organization') AS "organization"
  ) p
  WHERE m."kind" = 'api-call' AND m."status" = 'pending'
) c
WHERE "outbox_message"."id" = c."message_id" AND c."kind" IS NOT NULL;
