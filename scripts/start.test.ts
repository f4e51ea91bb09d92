import { existsSync, readdirSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { freePort } from "@lotbridge/db/free-port";
import { runProcess } from "@lotbridge/http/run-process";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

const runScript = (args: string[], env: Record<string, string>) => runProcess(TSX, args, { cwd: ROOT, env });

let occupied: Server | undefined;
afterEach(() => occupied?.close());

describe("npm start refuses to start, with one sentence naming the fix", () => {
  it("when the buyer portal's port is taken", async () => {
    const port = await freePort();
    occupied = createServer().listen(port, "127.0.0.1");
    const { code, output } = await runScript(["scripts/start.ts"], {
      BUYER_PORT: String(port),
      PRODUCER_PORT: String(await freePort()),
      LOTBRIDGE_DB_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `Port ${port} is already in use. Stop whatever listens there, or set BUYER_PORT to a free port.`,
    );
  });

  it("when DATABASE_URL is not a URL", async () => {
    const { code, output } = await runScript(["scripts/start.ts"], {
      DATABASE_URL: "localhost:5432/lotbridge",
      BUYER_PORT: String(await freePort()),
      PRODUCER_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toContain(
      "DATABASE_URL is not a postgres:// URL: expected postgres://user:password@host:5432/database.",
    );
  });

  it("when DATABASE_URL names a server that does not answer, without printing its password", async () => {
    const port = await freePort();
    const { code, output } = await runScript(["scripts/start.ts"], {
      DATABASE_URL: `postgres://lotbridge:hunter2-secret@127.0.0.1:${port}/lotbridge`,
      BUYER_PORT: String(await freePort()),
      PRODUCER_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach the database at postgres://lotbridge:***@127.0.0.1:${port}/lotbridge`);
    expect(output).toContain("Check DATABASE_URL.");
    expect(output).not.toContain("hunter2-secret");
  });

  it("when a port setting is not a number", async () => {
    const { code, output } = await runScript(["scripts/start.ts"], { BUYER_PORT: "three thousand" });
    expect(code).toBe(1);
    expect(output).toContain("BUYER_PORT must be a port number");
  });
});

it("npm start's entry runs the same launcher compiled to JavaScript, and leaves no compiled file behind", async () => {
  const compiled = join(ROOT, ".data", "launcher");
  const before = new Set(existsSync(compiled) ? readdirSync(compiled) : []);
  const { code, output } = await runProcess(process.execPath, ["scripts/launch.mjs"], {
    cwd: ROOT,
    env: { BUYER_PORT: "three thousand" },
  });
  expect(code).toBe(1);
  expect(output).toContain("BUYER_PORT must be a port number");
  expect(readdirSync(compiled).filter((file) => !before.has(file))).toEqual([]);
});
