import { DomainError } from "@lotbridge/contract/problem";
import { describe, expect, it } from "vitest";
import { createRoute } from "./create-route";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("test", "info", { write: (line: string) => lines.push(JSON.parse(line)) });
  return { route: createRoute(logger), lines, text: () => JSON.stringify(lines) };
}

const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/things", { method: "POST", headers });

describe("the route wrapper", () => {
  it("answers a DomainError as problem+json with its status, code and field errors", async () => {
    const { route } = capture();
    const handler = route(async () => {
      throw new DomainError("lot-closed", 409, "The lot is closed for bidding.", [
        { field: "lotId", message: "closed" },
      ]);
    });
    const response = await handler(request(), { params: Promise.resolve({}) });
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      type: "urn:lotbridge:problem:lot-closed",
      status: 409,
      detail: "The lot is closed for bidding.",
      errors: [{ field: "lotId", message: "closed" }],
    });
  });

  it("turns an unexpected error into a 500 that reveals only the request id, and logs no stack or secret", async () => {
    const { route, text } = capture();
    const handler = route(async () => {
      throw new Error("connect ECONNREFUSED postgres://app:s3cret@db:5432/x");
    });
    const response = await handler(request({ "x-request-id": "req-123" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toContain("req-123");
    expect(body).not.toContain("ECONNREFUSED");
    expect(body).not.toContain("s3cret");
    expect(response.headers.get("x-request-id")).toBe("req-123");
    expect(text()).toContain("req-123");
    expect(text()).toContain("postgres://app:***@db");
    expect(text()).not.toContain("s3cret");
    expect(text()).not.toContain("at ");
    expect(text()).not.toMatch(/\.ts:\d+/);
  });

  it("logs each request once with its id, method, path and status", async () => {
    const { route, lines } = capture();
    const handler = route(async () => Response.json({ ok: true }));
    await handler(request({ "x-request-id": "req-9" }), { params: Promise.resolve({}) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: "req-9", method: "POST", path: "/api/things", status: 200 });
  });
});

describe("the logger", () => {
  it("redacts secrets, passwords, tokens, API keys and auth headers", () => {
    const { lines } = capture();
    const logger = createLogger("test", "info", { write: (line: string) => lines.push(JSON.parse(line)) });
    logger.info(
      {
        password: "pw-1",
        secret: "whsec_abc",
        apiKey: "lbk_key",
        endpoint: { secret: "whsec_nested", url: "http://x" },
        headers: { authorization: "Bearer lbk_key2", cookie: "s=1", "x-api-key": "lbk_key3" },
      },
      "configured",
    );
    const logged = JSON.stringify(lines);
    for (const secret of ["pw-1", "whsec_abc", "lbk_key", "whsec_nested", "lbk_key2", "s=1", "lbk_key3"]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).toContain("http://x");
  });
});
