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
};

const bootWith = (env: Record<string, string | undefined>) =>
  runProcess(TSX, ["src/server/boot-cli.ts"], { cwd: APP, env: { LOG_LEVEL: "warn", ...env } });

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

  it("in production without SMTP_URL, starts but warns that mail stays in the development mailbox", async () => {
    const { code, output } = await bootWith({ ...production, SMTP_URL: undefined });
    expect(code).toBe(0);
    expect(output).toContain("SMTP_URL is not set: email is kept in the development mailbox");
  });
});
