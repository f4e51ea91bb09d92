import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertEnterableByOthers } from "./assert-enterable-by-others";
import { startEmbeddedServer } from "./embedded-server";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function directory(mode: number): string {
  const dir = mkdtempSync(join(tmpdir(), "lotbridge-enter-"));
  chmodSync(dir, mode);
  made.push(dir);
  return dir;
}

describe("the embedded server run as root", () => {
  it("accepts a data directory whose every parent other users can enter", () => {
    const dir = directory(0o755);
    expect(() => assertEnterableByOthers([join(dir, "not-yet", "postgres")])).not.toThrow();
  });

  it("names the private parent directory and the ways out", () => {
    const dir = directory(0o700);
    mkdirSync(join(dir, "lotbridge"));
    expect(() => assertEnterableByOthers([join(dir, "lotbridge", ".data", "postgres")])).toThrow(
      new RegExp(`cannot enter ${dir}\\. Clone Lotbridge into a directory other users can enter.*DATABASE_URL`),
    );
  });

  it.runIf(process.getuid?.() === 0)("refuses to start in a private directory before touching anything", async () => {
    const dir = directory(0o700);
    const dataDir = join(dir, "data");
    await expect(startEmbeddedServer({ dataDir, port: 1 })).rejects.toThrow(`cannot enter ${dir}.`);
  });
});
