import { DomainError } from "@lotbridge/contract/problem";

/** Bidding must still be possible: a lot is never saved or published with its deadline already behind it. */
export function requireFutureDeadline(deadline: Date, now: Date, action = "save the lot"): void {
  if (deadline > now) return;
  throw new DomainError(
    "deadline-passed",
    422,
    `biddingDeadline: ${deadline.toISOString()} has passed; move it into the future to ${action}.`,
    [{ field: "biddingDeadline", message: "must be in the future" }],
  );
}
