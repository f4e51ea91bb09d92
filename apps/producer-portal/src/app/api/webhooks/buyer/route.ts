import { describeError } from "@lotbridge/http/logger";
import { receiveWebhook } from "@lotbridge/webhooks/receive-webhook";
import { handleBuyerEvent } from "@/domain/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { route } from "@/server/route";

/** The buyer portal's signed events (Standard Webhooks). Authenticated by signature, not by session. */
export const POST = route(async (request, _context, log) => {
  const { db, config } = portal();
  const result = await receiveWebhook({
    db,
    secrets: config.BUYER_WEBHOOK_SECRET,
    headers: request.headers,
    // The signature covers the bytes as sent, so the body is read as text, never parsed and re-serialised first.
    rawBody: await request.text(),
    handle: (tx, event) => handleBuyerEvent(tx, event.payload, { publicUrl: config.PUBLIC_URL }).then(() => undefined),
    onError: (error) => log.error({ error: describeError(error) }, "buyer event not applied"),
  });
  const headers = result.status >= 400 ? { "content-type": "application/problem+json" } : undefined;
  return Response.json(result.body, { status: result.status, headers });
});
