import type { ApiKeyScope } from "@lotbridge/contract/api-key-scope";
import type { EventType } from "@lotbridge/contract/event-catalog";
import { issueApiKey } from "@/integration/issue-api-key";
import { addEndpoint } from "@/integration/manage-platform-endpoints";
import { createPlatform } from "@/integration/manage-platforms";
import { portal } from "@/server/portal";

/**
 * A second producer platform with a key holding every platform scope unless told otherwise, and one endpoint
 * (every event type unless filtered); nothing listens at its URL.
 */
export async function producerPlatform(
  id: string,
  {
    scopes = ["lots:read", "bids:write", "contracts:write"] as ApiKeyScope[],
    eventTypes = null as EventType[] | null,
  } = {},
) {
  const { db } = portal();
  await createPlatform(db, { id, name: `Platform ${id}` });
  const key = await issueApiKey(db, { name: `${id} key`, platform: id, scopes });
  const endpoint = await addEndpoint(db, id, { url: `http://127.0.0.1:9/${id}`, eventTypes });
  return { id, key: key.key, apiKeyId: key.id, endpoint };
}
