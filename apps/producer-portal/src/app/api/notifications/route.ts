import { notificationRoutes } from "@/server/notification-routes";

export const GET = notificationRoutes.list;
