/** One kind of notification a portal sends, as its preferences page lists it. */
export interface NotificationType {
  type: string;
  label: string;
  emailByDefault: boolean;
}

/** Sent by "Send me a test notification" on the preferences page, in both portals. */
export const testNotificationType: NotificationType = {
  type: "test",
  label: "Test notifications you send yourself",
  emailByDefault: true,
};
