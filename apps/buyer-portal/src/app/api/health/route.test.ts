import { healthSchema } from "@lotbridge/contract/health";
import { call } from "@lotbridge/http/testing/test-client";
import { expect, it } from "vitest";
import { GET } from "./route";

it("health reports a reachable database, its version and the outbox backlog, without a session", async () => {
  const response = await call(GET, "http://localhost:3000/api/health");
  expect(response.status).toBe(200);
  const body = healthSchema.parse(await response.json());
  expect(body).toMatchObject({ status: "ok", service: "buyer-portal", database: { reachable: true } });
  expect(body.database.version).toMatch(/^1[5-9]\./);
  // The schema checked each count; the backlog itself is tested in packages/webhooks (outbox-health.test.ts).
  expect(Object.keys(body.outbox ?? {}).sort()).toEqual(["dead", "oldestWaitingSeconds", "waiting"]);
});
