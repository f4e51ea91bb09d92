import type { NotificationType } from "@lotbridge/runtime/notification-types";

/** What the producer portal tells its users about; see docs/notifications.md for who gets each. */
export const producerNotificationTypes: NotificationType[] = [
  { type: "bid.received", label: "Your bid reached the buyer", emailByDefault: false },
  { type: "bid.refused", label: "The buyer portal refused your bid", emailByDefault: true },
  { type: "bid.accepted", label: "Your bid was accepted", emailByDefault: true },
  { type: "bid.rejected", label: "Your bid was rejected", emailByDefault: true },
  { type: "bid.counter_offer", label: "Counter-offer received", emailByDefault: true },
  { type: "bid.expired", label: "Your bid expired", emailByDefault: true },
  { type: "contract.created", label: "A contract is ready to sign", emailByDefault: true },
  { type: "contract.updated", label: "A contract changed", emailByDefault: true },
  { type: "lot.updated", label: "A lot you bid on changed", emailByDefault: true },
  { type: "lot.withdrawn", label: "A lot you bid on was cancelled or deleted", emailByDefault: true },
  { type: "lot.closed", label: "Bidding closed on a lot you bid on", emailByDefault: false },
];
