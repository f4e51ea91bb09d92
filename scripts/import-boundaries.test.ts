import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The layout's rules (docs/architecture.md, "Which way imports point"), checked on every source file.

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((match) => match[1]);

const isTest = (file: string) => file.endsWith(".test.ts") || /\/src\/test\//.test(file);
const apps = ["buyer-portal", "producer-portal"];
const packages = readdirSync("packages");
const production = [...apps.map((app) => `apps/${app}/src`), ...packages.map((pkg) => `packages/${pkg}/src`)]
  .flatMap(sourceFiles)
  .filter((file) => !isTest(file));

function offenders(files: string[], forbidden: (specifier: string, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    imports(file)
      .filter((s) => forbidden(s, file))
      .map((s) => `${file} → ${s}`),
  );
}

describe("import boundaries", () => {
  it("production code never imports a package's test helpers (packages/*/testing)", () => {
    expect(production.length).toBeGreaterThan(200);
    expect(offenders(production, (s) => /^@lotbridge\/[\w-]+\/testing\//.test(s) || s.includes("/testing/"))).toEqual(
      [],
    );
  });

  it("packages never import a portal, and the portals never import each other", () => {
    const packageFiles = packages.flatMap((pkg) => sourceFiles(`packages/${pkg}/src`));
    expect(offenders(packageFiles, (s) => /apps\/|@lotbridge\/(buyer|producer)-portal/.test(s))).toEqual([]);
    for (const [app, other] of [apps, [...apps].reverse()]) {
      const files = sourceFiles(`apps/${app}/src`);
      expect(offenders(files, (s) => s.includes(other))).toEqual([]);
    }
  });

  it("domain areas and the integration edge know no framework (no next/*, no React)", () => {
    const framework = apps.flatMap((app) =>
      [`apps/${app}/src/domain`, `apps/${app}/src/integration`].flatMap(sourceFiles),
    );
    expect(offenders(framework, (s) => /^(next|react|react-dom)(\/|$)/.test(s))).toEqual([]);
  });
});
