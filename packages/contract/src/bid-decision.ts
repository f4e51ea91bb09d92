import { z } from "zod";
import { requiredText } from "./text";

/** `PUT /api/bids/{id}`: the buyer accepts a bid as it stands, or rejects it with a reason the producer will read. */
export const bidDecisionSchema = z
  .discriminatedUnion(
    "action",
    [
      z.object({ action: z.literal("accept") }),
      z.object({
        action: z.literal("reject"),
        reason: requiredText(1000, { multiline: true }).describe("Shown to the producer"),
      }),
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union" ? 'must be "accept" or "reject"' : 'must be an object with an "action"',
    },
  )
  .meta({ id: "BidDecision", description: "The buyer's answer to a bid" });

export type BidDecision = z.infer<typeof bidDecisionSchema>;
