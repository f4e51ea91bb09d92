import { notificationRoutes } from "@/server/notification-routes";

export const POST = notificationRoutes.read;
