import type { EndpointHealthView } from "@lotbridge/contract/webhook-endpoint-admin";
import { endpointHealth } from "@lotbridge/webhooks/endpoint-health";
import type { BuyerDb } from "../db/database";

/** Every webhook endpoint of every platform with its delivery health, as the Integrations page and admin API show it. */
export async function listEndpointHealth(db: BuyerDb, now = new Date()): Promise<EndpointHealthView[]> {
  const health = await endpointHealth(db, { now });
  return health.map((endpoint) => ({
    ...endpoint,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    lastDeliveredAt: endpoint.lastDeliveredAt?.toISOString() ?? null,
  }));
}
