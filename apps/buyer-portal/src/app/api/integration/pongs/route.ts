import { pongInputSchema } from "@lotbridge/contract/pong";
import { readJson } from "@lotbridge/http/read-json";
import { recordPong } from "@/integration/answer-ping";
import { withIdempotency } from "@/integration/with-idempotency";
import { portal } from "@/server/portal";
import { requireApiKey, route } from "@/server/route";

export const POST = route(async (request) => {
  const caller = await requireApiKey(request, "any");
  const input = await readJson(request, pongInputSchema);
  const answer = await withIdempotency(
    portal().db,
    { apiKeyId: caller.apiKeyId, key: request.headers.get("idempotency-key"), request: input },
    async (tx) => ({ status: 201, body: await recordPong(tx, input.pingEventId, caller.apiKeyId) }),
  );
  return Response.json(answer.body, {
    status: answer.status,
    headers: answer.replayed ? { "idempotent-replayed": "true" } : {},
  });
});
