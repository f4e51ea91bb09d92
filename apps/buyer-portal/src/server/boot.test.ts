import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProcess } from "@lotbridge/http/run-process";
import { describe, expect, it } from "vitest";

const APP = join(import.meta.dirname, "..", "..");
const TSX = join(APP, "..", "..", "node_modules", ".bin", "tsx");

const production = {
  NODE_ENV: "production",
  AUTH_SECRET: "a".repeat(40),
  PRODUCER_DASHBOARD_WEBHOOK_SECRET: `whsec_${Buffer.from("x".repeat(32)).toString("base64")}`,
  PRODUCER_API_KEY: "lbk_production_key_0123456789",
  SMTP_URL: "smtp://mail.example.com:587",
  INTEGRATION_ADMINS: "ops@northfield.example",
};

const bootWith = (env: Record<string, string | undefined>) =>
  runProcess(TSX, ["src/server/cli.ts", "migrate"], { cwd: APP, env: { LOG_LEVEL: "warn", ...env } });

describe("buyer portal start-up", () => {
  it("in production, stops with one sentence when a required secret is missing", async () => {
    const { code, output } = await bootWith({ ...production, AUTH_SECRET: undefined });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      "Buyer portal cannot start: AUTH_SECRET is required in production. Generate one with: openssl rand -base64 32",
    );
  });

  it("stops with a sentence naming the variable when a URL is not a URL", async () => {
    const { code, output } = await bootWith({ ...production, PRODUCER_DASHBOARD_WEBHOOK_URL: "producer-portal" });
    expect(code).toBe(1);
    expect(output).toContain('PRODUCER_DASHBOARD_WEBHOOK_URL is not an http(s) URL: "producer-portal"');
  });

  it("with every secret set, migrates the database and exits cleanly", async () => {
    const { code, output } = await bootWith(production);
    expect(output).toBe("");
    expect(code).toBe(0);
  });

  it("an unknown command is refused with the ones there are, before anything starts", async () => {
    const { code, output } = await runProcess(TSX, ["src/server/cli.ts", "migrat"], { cwd: APP });
    expect(code).toBe(2);
    expect(output.trim()).toBe('Unknown command "migrat". Use one of: migrate, worker, add-user (see the README).');
  });

  it("in production without SMTP_URL or INTEGRATION_ADMINS, starts but warns about each", async () => {
    const { code, output } = await bootWith({ ...production, SMTP_URL: undefined, INTEGRATION_ADMINS: undefined });
    expect(code).toBe(0);
    expect(output).toContain("SMTP_URL is not set: email is kept in the development mailbox");
    expect(output).toContain("INTEGRATION_ADMINS is not set: the admin of every buyer organization can change");
  });

  it("`npm run migrate` and `npm run worker` read the .env files next to them, as `next start` does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "buyer-env-"));
    try {
      await writeFile(join(dir, ".env"), "PRODUCER_DASHBOARD_WEBHOOK_URL=from-the-env-file\n");
      await writeFile(join(dir, ".env.production"), "PUBLIC_URL=also-from-a-file\n");
      for (const command of ["migrate", "worker"]) {
        const run = (env: Record<string, string | undefined>) =>
          runProcess(TSX, [join(APP, "src", "server", "cli.ts"), command], {
            cwd: dir,
            env: { LOG_LEVEL: "warn", ...env },
          });
        const fromFile = await run(production);
        expect(fromFile.code).toBe(1);
        expect(fromFile.output).toContain('PRODUCER_DASHBOARD_WEBHOOK_URL is not an http(s) URL: "from-the-env-file"');
        expect(fromFile.output).toContain('PUBLIC_URL is not an http(s) URL: "also-from-a-file"');
        if (command === "worker") continue; // both commands read the files in cli.ts; precedence once is enough
        // A variable set in the environment wins over the files; .env.production is not read outside production.
        const overridden = await run({
          ...production,
          NODE_ENV: undefined,
          PRODUCER_DASHBOARD_WEBHOOK_URL: "from the environment",
        });
        expect(overridden.code).toBe(1);
        expect(overridden.output).toContain('"from the environment"');
        expect(overridden.output).not.toContain("from-the-env-file");
        expect(overridden.output).not.toContain("also-from-a-file");
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
