import { NotificationList } from "@lotbridge/ui/notification-list";
import { producerNotificationTypes } from "@/domain/notifications/notification-types";

export default function NotificationsPage() {
  return (
    <section className="stack">
      <div className="row">
        <h1>Notifications</h1>
        <a href="/notifications/settings">Email settings</a>
      </div>
      <NotificationList types={producerNotificationTypes.map(({ type, label }) => ({ type, label }))} />
    </section>
  );
}
