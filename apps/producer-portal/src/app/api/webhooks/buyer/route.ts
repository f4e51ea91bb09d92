import { describeError } from "@lotbridge/http/logger";
import { readBodyText } from "@lotbridge/http/read-body-text";
import { receiveWebhook } from "@lotbridge/webhooks/receive-webhook";
import { applyOnce } from "@/integration/apply-once";
import { receiptOf } from "@/integration/receipt-of";
import { portal } from "@/server/portal";
import { route } from "@/server/route";
import { WEBHOOK_BODY_LIMIT } from "./webhook-body-limit";

/** The buyer portal's signed events (Standard Webhooks). Authenticated by signature, not by session. */
export const POST = route(async (request, _context, log) => {
  const { db, config } = portal();
  const result = await receiveWebhook({
    secrets: config.BUYER_WEBHOOK_SECRET,
    headers: request.headers,
    // The signature covers the bytes as sent, so the body is read as text, never parsed and re-serialised first.
    // Read up to the limit only: anyone can send a body, and it is held in memory before the signature is checked.
    rawBody: await readBodyText(request, WEBHOOK_BODY_LIMIT),
    apply: async (event) =>
      receiptOf(
        await applyOnce(db, { ...event.payload, id: event.id, type: event.type }, "webhook", {
          publicUrl: config.PUBLIC_URL,
          log,
        }),
      ),
    onError: (error) => log.error({ error: describeError(error) }, "buyer event not applied"),
  });
  const headers = result.status >= 400 ? { "content-type": "application/problem+json" } : undefined;
  return Response.json(result.body, { status: result.status, headers });
});
