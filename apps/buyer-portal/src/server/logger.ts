import { createLogger } from "@lotbridge/http/logger";

export const logger = createLogger("buyer-portal");
