import { expect, it } from "vitest";
import { portal } from "@/server/portal";
import { producerPlatform } from "@/test/platforms";
import { recordPong, sendPing } from "./answer-ping";
import { pongs } from "./integration-tables";
import { issueApiKey } from "./issue-api-key";

it("a ping is answered only by the platform whose endpoint was pinged", async () => {
  const { db } = portal();
  const coop = await producerPlatform("coop-dashboard");
  const producerPortal = await issueApiKey(db, { name: "pp", platform: "producer-portal", scopes: ["lots:read"] });
  const ping = await sendPing(db, "Ada", coop.endpoint.id);
  await expect(recordPong(db, ping.id, producerPortal.id)).rejects.toMatchObject({ status: 404 });
  expect(await db.$count(pongs)).toBe(0);
  expect(await recordPong(db, ping.id, coop.apiKeyId)).toMatchObject({ pingEventId: ping.id });
  // The first platform's ping, sent without naming an endpoint, is the producer portal's.
  const first = await sendPing(db, "Ada");
  await expect(recordPong(db, first.id, coop.apiKeyId)).rejects.toMatchObject({ status: 404 });
  expect(await recordPong(db, first.id, producerPortal.id)).toMatchObject({ pingEventId: first.id });
});
