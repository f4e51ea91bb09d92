/** The PostgreSQL NOTIFY channel on which a committed notification reaches every process's hub. */
export const NOTIFICATION_CHANNEL = "lotbridge_notifications";

/** What travels on the channel: just enough to route; the stream reads the row itself (NOTIFY payloads are small). */
export interface NotificationSignal {
  id: string;
  /** The recipient's membership: the streams of that membership, and no other, read the row. */
  memberId: string;
}
