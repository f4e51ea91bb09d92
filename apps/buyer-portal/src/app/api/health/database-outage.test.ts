import { resolve } from "node:path";
import { describeDatabaseOutage } from "@lotbridge/runtime/testing/describe-database-outage";
import { vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as me } from "@/app/api/me/route";
import { closePortal, portal } from "@/server/portal";
import { GET as health } from "./route";

// What the portal logs (its pino logger, at info), to look for secrets in.
const logged = vi.hoisted(() => [] as string[]);
vi.mock("@/server/logger", async () => {
  const { createLogger } = await import("@lotbridge/http/logger");
  return { logger: createLogger("buyer-portal", "info", { write: (line: string) => logged.push(line) }) };
});

describeDatabaseOutage({
  service: "buyer-portal",
  baseUrl: "http://localhost:3000",
  databaseName: "lotbridge_buyer",
  migrationsFolder: resolve(import.meta.dirname, "../../../../drizzle"),
  portal,
  closePortal,
  routes: { health, me, authGet, authPost },
  logged,
});
