import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runProcess } from "@lotbridge/http/run-process";
import pg from "pg";
import { expect, it } from "vitest";
import { startEmbeddedServer } from "./embedded-server";
import { freePort } from "./free-port";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");

it("leaves a failing process's exit code alone (a test run on it must be able to fail)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lotbridge-exit-code-"));
  chmodSync(dir, 0o755);
  try {
    const script = `(async () => {
      const { startEmbeddedServer } = await import(${JSON.stringify(join(import.meta.dirname, "embedded-server.ts"))});
      const server = await startEmbeddedServer({ dataDir: ${JSON.stringify(join(dir, "data"))}, port: ${await freePort()} });
      await server.stop();
      process.exitCode = 3;
    })();`;
    const { code, output } = await runProcess(join(ROOT, "node_modules", ".bin", "tsx"), ["-e", script], {
      cwd: ROOT,
      timeoutMs: 60_000,
    });
    expect(output).toBe("");
    expect(code).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);

it("runs with the settings it is given over its defaults (the local stack's smaller server)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "lotbridge-settings-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedServer({
    dataDir: join(dir, "data"),
    port: await freePort(),
    settings: { shared_buffers: "32MB" },
  });
  const client = new pg.Client({ connectionString: server.url });
  try {
    await client.connect();
    const show = async (name: string) => (await client.query(`show ${name}`)).rows[0][name];
    expect(await show("shared_buffers")).toBe("32MB");
    expect(await show("max_connections")).toBe("300");
    expect(await show("listen_addresses")).toBe("127.0.0.1");
  } finally {
    await client.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
