import { notificationRoutes } from "@/server/notification-routes";

export const GET = notificationRoutes.preferences;
export const PUT = notificationRoutes.setPreference;
