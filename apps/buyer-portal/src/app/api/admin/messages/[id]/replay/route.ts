import { DomainError } from "@lotbridge/contract/problem";
import { replayMessage } from "@lotbridge/webhooks/replay-message";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

export const POST = route<{ id: string }>(async (request, { params }) => {
  await requireOperator(request);
  const result = await replayMessage(portal().db, (await params).id);
  if (!result.replayed && result.reason === "not-found")
    throw new DomainError("not-found", 404, "Message was not found.");
  if (!result.replayed) {
    throw new DomainError(
      "message-pending",
      409,
      "This message is still being delivered; replay it once it is delivered or dead.",
    );
  }
  return Response.json({ id: result.message.id, status: result.message.status });
});
