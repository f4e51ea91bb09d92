import { notificationRoutes } from "@/server/notification-routes";

export const dynamic = "force-dynamic";
export const GET = notificationRoutes.stream;
