import { DomainError } from "@lotbridge/contract/problem";
import { createPool } from "@lotbridge/db/create-pool";
import { startThrowawayServer, type ThrowawayServer } from "@lotbridge/db/testing/start-throwaway-server";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoute } from "./create-route";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("test", "info", { write: (line: string) => lines.push(JSON.parse(line)) });
  return {
    route: createRoute(logger, { ownOrigin: () => "http://localhost" }),
    lines,
    text: () => JSON.stringify(lines),
  };
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

describe("the route wrapper while the database is unavailable", () => {
  let server: ThrowawayServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    server = await startThrowawayServer();
    // Short limits keep the test quick; the production ones are only longer.
    pool = createPool(server.url, () => {}, {
      max: 2,
      connectTimeoutMs: 1_000,
      statementTimeoutMs: 1_000,
    });
  });

  afterAll(async () => {
    await server?.dispose();
    await pool?.end();
  });

  /** A handler like the portals': a transaction (as every change is), with `during` run inside it. */
  function transactionRoute(during: () => Promise<unknown> = async () => {}) {
    const { route, lines, text } = capture();
    const handler = route(async () => {
      const answer = await drizzle(pool).transaction(async (tx) => {
        const { rows } = await tx.execute<{ answer: number }>(sql`select 42 as answer, ${"a-parameter"} as secret`);
        await during();
        await tx.execute(sql`select 1`);
        return rows[0].answer;
      });
      return Response.json({ answer });
    });
    const send = async () => {
      const started = performance.now();
      const response = await handler(request({ "x-request-id": "req-db" }), { params: Promise.resolve({}) });
      return { response, ms: performance.now() - started };
    };
    return { send, lines, text };
  }

  async function expectUnavailable(response: Response) {
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("10");
    expect(await response.json()).toEqual({
      type: "urn:lotbridge:problem:database-unavailable",
      title: "Service unavailable",
      status: 503,
      detail:
        "The portal cannot reach its database right now. Try again in a moment; if this goes on, tell the portal's operator and quote request id req-db.",
      requestId: "req-db",
    });
  }

  it("answers 503 database-unavailable within the timeouts while the database is frozen, and 200 once it thaws", async () => {
    const { send, lines, text } = transactionRoute();
    expect((await send()).response.status).toBe(200);
    server.freeze();
    try {
      // More requests than connections: none may keep a connection when it gives up, or the last ones would wait.
      const answers = await Promise.all([send(), send(), send(), send()]);
      for (const { response, ms } of answers) {
        await expectUnavailable(response);
        expect(ms).toBeLessThan(5_000);
      }
    } finally {
      server.thaw();
    }
    const thawed = await send();
    expect(thawed.response.status).toBe(200);
    expect(await thawed.response.json()).toEqual({ answer: 42 });
    const warnings = lines.filter((line) => line.msg === "database unavailable");
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatchObject({ level: 40, requestId: "req-db" });
    // The driver's error is logged, not drizzle's wrapper quoting the query and its parameters.
    expect(text()).not.toContain("a-parameter");
    expect(text()).not.toContain("Failed query");
  });

  it("answers 503 while the database is stopped, even for a transaction cut off halfway, and 200 once it is back", async () => {
    let stopped!: () => void;
    const serverStopped = new Promise<void>((resolve) => (stopped = resolve));
    let entered!: () => void;
    const transactionStarted = new Promise<void>((resolve) => (entered = resolve));
    // The server goes down once the transaction has run its first statement, and before it runs its second.
    const cutOff = transactionRoute(() => {
      entered();
      return serverStopped;
    }).send();
    await Promise.race([
      transactionStarted,
      cutOff.then(() => Promise.reject(new Error("The route answered before its transaction started."))),
    ]);
    await server.stop();
    stopped();
    try {
      await expectUnavailable((await cutOff).response);
      await expectUnavailable((await transactionRoute().send()).response);
    } finally {
      await server.start();
    }
    const { response } = await transactionRoute().send();
    expect(response.status).toBe(200);
  });

  it("keeps a statement cancelled by the statement timeout a 500: the server answered, the query needs looking at", async () => {
    const { route, lines } = capture();
    const handler = route(async () => Response.json((await pool.query("select pg_sleep(3)")).rows));
    const response = await handler(request(), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    expect(lines[0]).toMatchObject({ msg: "unhandled error", error: { code: "57014" } });
  });

  it("logs a failed query by its SQL and the driver's reason, never the values it was sent with", async () => {
    const { route, lines, text } = capture();
    const handler = route(async () =>
      Response.json(await drizzle(pool).execute(sql`select pg_sleep(3), ${"tok_session-secret"} as token`)),
    );
    const response = await handler(request(), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    expect(lines[0]).toMatchObject({
      msg: "unhandled error",
      error: {
        name: "QueryFailed",
        message: "Failed query: select pg_sleep(3), $1 as token",
        cause: { code: "57014", message: "canceling statement due to statement timeout" },
      },
    });
    expect(text()).not.toContain("tok_session-secret");
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
