import { randomBytes } from "node:crypto";
import { freePort } from "@lotbridge/db/free-port";
import { freshDatabases } from "./database-server";
import { PortalProcess } from "./portal-process";

export interface PortalPair {
  buyer: PortalProcess;
  producer: PortalProcess;
  /** Each portal's environment, to start another instance of it on the same database. */
  env: { buyer: Record<string, string>; producer: Record<string, string> };
  secrets: { webhookSecret: string; apiKey: string };
  stop(): Promise<void>;
}

/**
 * Both portals as separate processes with separate databases, wired to each other over loopback the way an operator
 * would configure them, with the retry schedule compressed a thousandfold so a retry takes milliseconds to seconds.
 */
export async function startPortalPair(
  options: { producerOrigin?: string; buyerEnv?: Record<string, string>; producerEnv?: Record<string, string> } = {},
): Promise<PortalPair> {
  const serverUrl = process.env.LOTBRIDGE_E2E_DATABASE_SERVER;
  if (!serverUrl) throw new Error("LOTBRIDGE_E2E_DATABASE_SERVER is not set: run through playwright's global setup.");
  const databases = await freshDatabases(serverUrl);
  const [buyerPort, producerPort] = [await freePort(), await freePort()];
  const secrets = {
    webhookSecret: `whsec_${randomBytes(32).toString("base64")}`,
    apiKey: `lbk_${randomBytes(24).toString("base64url")}`,
  };
  const common = { DEMO_DATA: "true", OUTBOX_RETRY_SCALE: "0.001", OUTBOUND_ALLOW_LOOPBACK: "true" };
  const buyerEnv = {
    ...common,
    DATABASE_URL: databases.buyer,
    PUBLIC_URL: `http://127.0.0.1:${buyerPort}`,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    PRODUCER_DASHBOARD_WEBHOOK_URL: `http://127.0.0.1:${producerPort}/api/webhooks/buyer`,
    PRODUCER_DASHBOARD_WEBHOOK_SECRET: secrets.webhookSecret,
    PRODUCER_API_KEY: secrets.apiKey,
    CORS_ALLOWED_ORIGINS: options.producerOrigin ?? `http://127.0.0.1:${producerPort}`,
    // The demo's operators, as `npm start` names them: portal-wide administration is theirs alone.
    OPERATORS: "anna@northfield.example:northfield-mills",
    ...options.buyerEnv,
  };
  const producerEnv = {
    ...common,
    DATABASE_URL: databases.producer,
    PUBLIC_URL: `http://127.0.0.1:${producerPort}`,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    BUYER_PORTAL_URL: `http://127.0.0.1:${buyerPort}`,
    BUYER_API_KEY: secrets.apiKey,
    BUYER_WEBHOOK_SECRET: secrets.webhookSecret,
    RECONCILE_INTERVAL_SECONDS: "10",
    OPERATORS: "piet@greenacre.example:greenacre-farms",
    ...options.producerEnv,
  };
  const buyer = new PortalProcess("buyer", buyerPort, buyerEnv);
  const producer = new PortalProcess("producer", producerPort, producerEnv);
  await Promise.all([buyer.start(), producer.start()]);
  return {
    buyer,
    producer,
    env: { buyer: buyerEnv, producer: producerEnv },
    secrets,
    stop: async () => {
      await Promise.all([buyer.stop(), producer.stop()]);
      await databases.drop();
    },
  };
}

/** Signs in over HTTP and returns the Cookie header for API calls as that user. */
export async function sessionCookie(baseUrl: string, email: string, password = "lotbridge-demo"): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
}
