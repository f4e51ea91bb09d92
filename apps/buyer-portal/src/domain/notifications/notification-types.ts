import type { NotificationType } from "@lotbridge/runtime/notification-types";

/** What the buyer portal tells its users about; see docs/notifications.md for who gets each. */
export const buyerNotificationTypes: NotificationType[] = [
  { type: "lot.published", label: "A lot of yours is published", emailByDefault: false },
  { type: "lot.closed", label: "Bidding closed on a lot", emailByDefault: true },
  { type: "lot.awarded", label: "A lot is fully allocated", emailByDefault: false },
  { type: "bid.received", label: "New bid received", emailByDefault: true },
  { type: "bid.revised", label: "A producer revised a bid", emailByDefault: true },
  { type: "bid.withdrawn", label: "A producer withdrew a bid", emailByDefault: true },
  { type: "bid.expired", label: "A bid expired", emailByDefault: false },
  { type: "contract.created", label: "A contract was created from a bid you accepted", emailByDefault: false },
  { type: "counter.answered", label: "A producer answered your counter-offer", emailByDefault: true },
  { type: "contract.signed", label: "A producer signed a contract", emailByDefault: true },
  { type: "contract.active", label: "A contract became active", emailByDefault: true },
  { type: "delivery.dispatched", label: "A producer announced a load", emailByDefault: false },
  { type: "delivery.received", label: "A load was recorded at the weighbridge", emailByDefault: false },
  { type: "delivery.out_of_spec", label: "A received load is out of spec", emailByDefault: true },
  { type: "contract.overdue", label: "A contract's delivery window ended with deliveries open", emailByDefault: true },
  { type: "integration.failing", label: "Messages to the producer portal are failing (admins)", emailByDefault: true },
  {
    type: "integration.endpoint-disabled",
    label: "A webhook endpoint was disabled after failing for days (operators)",
    emailByDefault: true,
  },
];
