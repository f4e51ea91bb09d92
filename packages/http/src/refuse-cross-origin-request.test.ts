import { describe, expect, it } from "vitest";
import { createRoute } from "./create-route";
import { createLogger } from "./logger";

const PORTAL = "http://localhost:3000";
const SESSION = "lotbridge-buyer.session_token=abc";

/** A portal route whose handler records what it would store. */
function portalRoute() {
  const stored: string[] = [];
  const route = createRoute(createLogger("test", "error", { write: () => {} }), { ownOrigin: () => PORTAL });
  const handler = route(async (request) => {
    stored.push(await request.text());
    return Response.json({ stored: true }, { status: 201 });
  });
  const send = (path: string, headers: Record<string, string>, method = "POST") =>
    handler(
      new Request(`${PORTAL}${path}`, { method, headers, body: method === "GET" ? undefined : '{"title":"Wheat"}' }),
      { params: Promise.resolve({}) },
    );
  return { stored, send };
}

async function expectRefused(response: Response) {
  expect(response.status).toBe(403);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = await response.json();
  expect(problem.type).toBe("urn:lotbridge:problem:cross-origin-request");
  expect(problem.detail).toContain("did not come from the portal's own pages");
}

describe("the cross-origin request guard", () => {
  it("refuses a signed-in POST whose Origin is another port on the same host, and the handler stores nothing", async () => {
    const { stored, send } = portalRoute();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      await expectRefused(await send("/api/lots", { cookie: SESSION, origin: "http://localhost:4000" }, method));
    }
    await expectRefused(await send("/api/lots", { cookie: SESSION, origin: "null" }));
    expect(stored).toEqual([]);
  });

  it("refuses a signed-in POST without Origin unless Sec-Fetch-Site says same-origin", async () => {
    const { stored, send } = portalRoute();
    await expectRefused(await send("/api/lots", { cookie: SESSION, "sec-fetch-site": "cross-site" }));
    await expectRefused(await send("/api/lots", { cookie: SESSION, "sec-fetch-site": "same-site" }));
    await expectRefused(await send("/api/lots", { cookie: SESSION }));
    expect(stored).toEqual([]);
    expect((await send("/api/lots", { cookie: SESSION, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect(stored).toHaveLength(1);
  });

  it("lets the portal's own pages change state, and anyone read", async () => {
    const { stored, send } = portalRoute();
    expect((await send("/api/lots", { cookie: SESSION, origin: PORTAL })).status).toBe(201);
    expect((await send("/api/lots", { cookie: SESSION, origin: "https://evil.example" }, "GET")).status).toBe(201);
    expect(stored).toHaveLength(2);
  });

  it("leaves calls with an API key alone, whatever their Origin or cookies", async () => {
    const { stored, send } = portalRoute();
    const foreign = { cookie: SESSION, origin: "https://platform.example" };
    expect((await send("/api/bids", { ...foreign, "x-api-key": "lbk_key" })).status).toBe(201);
    expect((await send("/api/bids", { ...foreign, authorization: "Bearer lbk_key" })).status).toBe(201);
    expect(stored).toHaveLength(2);
  });

  it("leaves the signed webhook receiver alone: it carries no cookie and no Origin", async () => {
    const { stored, send } = portalRoute();
    const response = await send("/api/webhooks/buyer", { "webhook-id": "evt_1", "webhook-signature": "v1,abc" });
    expect(response.status).toBe(201);
    expect(stored).toHaveLength(1);
  });

  it("refuses sign-in from another origin even without a cookie, so no page can sign a browser in as someone else", async () => {
    const { stored, send } = portalRoute();
    await expectRefused(await send("/api/auth/sign-in/email", { origin: "http://localhost:4000" }));
    await expectRefused(await send("/api/auth/sign-in/email", { "sec-fetch-site": "cross-site" }));
    expect(stored).toEqual([]);
    expect((await send("/api/auth/sign-in/email", { origin: PORTAL })).status).toBe(201);
  });
});
