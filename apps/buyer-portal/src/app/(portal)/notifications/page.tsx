import { NotificationList } from "@lotbridge/ui/notification-list";
import { buyerNotificationTypes } from "@/domain/notifications/notification-types";

export default function NotificationsPage() {
  return (
    <section className="stack">
      <div className="row">
        <h1>Notifications</h1>
        <a href="/notifications/settings">Email settings</a>
      </div>
      <NotificationList types={buyerNotificationTypes.map(({ type, label }) => ({ type, label }))} />
    </section>
  );
}
