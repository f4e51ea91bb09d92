import { NotificationSettings } from "@lotbridge/ui/notification-settings";

export default function NotificationSettingsPage() {
  return (
    <section className="stack">
      <h1>Notification settings</h1>
      <p className="muted">Everything appears in the notification center. Choose what also reaches your inbox.</p>
      <NotificationSettings />
    </section>
  );
}
