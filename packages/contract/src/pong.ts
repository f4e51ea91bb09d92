import { z } from "zod";
import { timestamp } from "./iso-time";
import { prefixedId } from "./prefixed-id";

/** The producer portal's answer to a `ping` webhook: proof that both directions of the integration work. */
export const pongInputSchema = z
  .object({ pingEventId: prefixedId("evt").describe("The id of the ping event that arrived") })
  .meta({ id: "PongInput" });

export const pongSchema = z
  .object({ pingEventId: z.string(), receivedAt: timestamp() })
  .meta({ id: "Pong", description: "When the buyer portal heard back about a ping" });

export type PongInput = z.infer<typeof pongInputSchema>;
