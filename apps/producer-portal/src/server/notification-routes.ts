import { describeError } from "@lotbridge/http/logger";
import { createNotificationRoutes } from "@lotbridge/runtime/create-notification-routes";
import { producerNotificationTypes } from "../domain/notifications/notification-types";
import { logger } from "./logger";
import { portal, requireMember } from "./portal";
import { route } from "./route";

export const notificationRoutes = createNotificationRoutes({
  portal,
  requireMember,
  route,
  types: producerNotificationTypes,
  onHubError: (error) => logger.warn({ error: describeError(error) }, "notification listener problem"),
});
