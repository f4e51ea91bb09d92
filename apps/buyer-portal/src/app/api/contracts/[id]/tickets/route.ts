import { ticketInputSchema } from "@lotbridge/contract/delivery";
import { readJson } from "@lotbridge/http/read-json";
import { recordTicket } from "@/domain/deliveries/record-ticket";
import { portal } from "@/server/portal";
import { route } from "@/server/route";
import { ticketWriter } from "../../contract-request";
import { answerTicket } from "./ticket-answer";

/** The buyer's weighbridge records a received load (member session, or organization key with deliveries:write). */
export const POST = route<{ id: string }>(async (request, { params }) => {
  const writer = await ticketWriter(request);
  const input = await readJson(request, ticketInputSchema);
  const { id } = await params;
  const publicUrl = portal().config.PUBLIC_URL;
  return answerTicket(request, writer.apiKeyId, input, (tx) => recordTicket(tx, writer, id, input, { publicUrl }));
});
