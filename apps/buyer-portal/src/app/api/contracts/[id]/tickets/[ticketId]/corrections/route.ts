import { ticketCorrectionSchema } from "@lotbridge/contract/delivery";
import { readJson } from "@lotbridge/http/read-json";
import { correctTicket } from "@/domain/deliveries/correct-ticket";
import { route } from "@/server/route";
import { ticketWriter } from "../../../../contract-request";
import { answerTicket } from "../../ticket-answer";

/** The buyer corrects a ticket: a new version with its reason (member session, or organization key deliveries:write). */
export const POST = route<{ id: string; ticketId: string }>(async (request, { params }) => {
  const writer = await ticketWriter(request);
  const input = await readJson(request, ticketCorrectionSchema);
  const { id, ticketId } = await params;
  return answerTicket(request, writer.apiKeyId, input, (tx) => correctTicket(tx, writer, id, ticketId, input));
});
