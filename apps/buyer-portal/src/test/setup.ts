import { freshTestDatabase } from "@lotbridge/db/testing/fresh-test-database";
import { afterAll } from "vitest";
import { configureProducerEndpoint } from "@/integration/producer-endpoint";
import { closePortal, portal } from "@/server/portal";

const drop = await freshTestDatabase("buyer");

// As at every start (server/start-integration.ts): the first platform's endpoint exists, so events have a destination.
const { db, config } = portal();
await configureProducerEndpoint(db, config.PRODUCER_DASHBOARD_WEBHOOK_URL, config.PRODUCER_DASHBOARD_WEBHOOK_SECRET);

afterAll(async () => {
  await closePortal();
  await drop();
});
