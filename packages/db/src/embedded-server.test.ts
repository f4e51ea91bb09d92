import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runProcess } from "@lotbridge/http/run-process";
import { expect, it } from "vitest";
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
