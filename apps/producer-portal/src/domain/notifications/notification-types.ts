import type { NotificationType } from "@lotbridge/runtime/notification-types";

/** What the producer portal tells its users about; see docs/notifications.md for who gets each. */
export const producerNotificationTypes: NotificationType[] = [
  { type: "bid.received", label: "Your bid reached the buyer", emailByDefault: false },
  { type: "bid.refused", label: "The buyer portal refused your bid or a change to it", emailByDefault: true },
  { type: "bid.accepted", label: "Your bid was accepted", emailByDefault: true },
  { type: "bid.rejected", label: "Your bid was rejected", emailByDefault: true },
  { type: "bid.counter_offer", label: "The buyer countered your bid", emailByDefault: true },
  { type: "bid.expired", label: "Your bid expired", emailByDefault: false },
  { type: "contract.created", label: "A contract is ready for your signature", emailByDefault: true },
  { type: "contract.signed", label: "The buyer signed a contract", emailByDefault: false },
  { type: "contract.active", label: "A contract is active: both parties signed", emailByDefault: true },
  { type: "contract.cancelled", label: "A contract was cancelled", emailByDefault: true },
  { type: "contract.completed", label: "The buyer recorded a contract as fulfilled", emailByDefault: true },
  { type: "contract.refused", label: "The buyer portal refused your signature", emailByDefault: true },
  { type: "delivery.refused", label: "The buyer portal refused a load you announced", emailByDefault: true },
  { type: "delivery.received", label: "The buyer received a load", emailByDefault: true },
  { type: "delivery.out_of_spec", label: "A load you delivered is out of spec", emailByDefault: true },
  { type: "delivery.corrected", label: "The buyer corrected a weighbridge ticket", emailByDefault: true },
  { type: "contract.fulfilled", label: "A contract is fulfilled: settlement issued", emailByDefault: true },
  { type: "contract.closed_short", label: "A contract was closed short", emailByDefault: true },
  { type: "contract.overdue", label: "A contract's delivery window ended with deliveries open", emailByDefault: true },
  { type: "lot.updated", label: "A lot you bid on changed", emailByDefault: true },
  { type: "lot.withdrawn", label: "A lot you bid on was cancelled or deleted", emailByDefault: true },
  { type: "lot.closed", label: "Bidding closed on a lot you bid on", emailByDefault: false },
  { type: "lot.matches_saved_search", label: "A new lot matches one of your saved searches", emailByDefault: true },
  // Operators only: an event from the buyer portal parked as failed or refused (integration/apply-once.ts).
  {
    type: "integration.event_not_applied",
    label: "An event from the buyer portal could not be applied or was refused (operators)",
    emailByDefault: true,
  },
];
