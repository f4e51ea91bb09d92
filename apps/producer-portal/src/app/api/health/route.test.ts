import { call } from "@lotbridge/http/test-client";
import { expect, it } from "vitest";
import { GET } from "./route";

it("health reports a reachable database and its version, without a session", async () => {
  const response = await call(GET, "http://localhost:3001/api/health");
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", service: "producer-portal", database: { reachable: true } });
  expect(body.database.version).toMatch(/^1[5-9]\./);
});
