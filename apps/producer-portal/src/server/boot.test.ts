import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { operatorGrant } from "@lotbridge/auth/operator-grant-table";
import { runProcess } from "@lotbridge/http/run-process";
import { describe, expect, it } from "vitest";
import { portal } from "./portal";

const APP = join(import.meta.dirname, "..", "..");
const TSX = join(APP, "..", "..", "node_modules", ".bin", "tsx");

const production = {
  NODE_ENV: "production",
  AUTH_SECRET: "p".repeat(40),
  BUYER_API_KEY: "lbk_production_key_0123456789",
  BUYER_WEBHOOK_SECRET: `whsec_${Buffer.from("y".repeat(32)).toString("base64")}`,
  SMTP_URL: "smtp://mail.example.com:587",
};

const bootWith = (env: Record<string, string | undefined>) =>
  runProcess(TSX, ["src/server/cli.ts", "migrate"], { cwd: APP, env: { LOG_LEVEL: "warn", ...env } });

describe("producer portal start-up", () => {
  it("in production, stops with one sentence when the webhook secret is missing", async () => {
    const { code, output } = await bootWith({ ...production, BUYER_WEBHOOK_SECRET: undefined });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      "Producer portal cannot start: BUYER_WEBHOOK_SECRET is required in production. Use the buyer portal's PRODUCER_DASHBOARD_WEBHOOK_SECRET (whsec_…).",
    );
  });

  it("with every secret set and an operator named, migrates, grants the operator and exits cleanly", async () => {
    const { db } = portal();
    await createOrganizationWithUsers(db, { name: "Greenacre Farms", slug: "greenacre-farms" }, [
      { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "admin" },
    ]);
    const { code, output } = await bootWith({ ...production, OPERATORS: "piet@greenacre.example:greenacre-farms" });
    expect(output).toBe("");
    expect(code).toBe(0);
    expect(await db.$count(operatorGrant)).toBe(1);
  });

  it("stops with a sentence naming OPERATORS when an entry names no organization", async () => {
    const { code, output } = await bootWith({ ...production, OPERATORS: "piet@greenacre.example" });
    expect(code).toBe(1);
    expect(output).toContain(
      "Producer portal cannot start: OPERATORS must name each operator as sign-in-email:organization-slug, separated by commas, like OPERATORS=anna@northfield.example:northfield-mills",
    );
  });

  it("`npm run migrate` reads the .env file next to it, as `next start` does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "producer-env-"));
    try {
      await writeFile(join(dir, ".env"), "BUYER_PORTAL_URL=from-the-env-file\n");
      const { code, output } = await runProcess(TSX, [join(APP, "src", "server", "cli.ts"), "migrate"], {
        cwd: dir,
        env: { LOG_LEVEL: "warn", ...production },
      });
      expect(code).toBe(1);
      expect(output).toContain('BUYER_PORTAL_URL is not an http(s) URL: "from-the-env-file"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("`npm run add-user` gives a person an account in a producer organization", async () => {
    const { code, output } = await runProcess(
      TSX,
      [
        "src/server/cli.ts",
        "add-user",
        "--organization",
        "Hillside Coop",
        "--name",
        "Hugo",
        "--email",
        "hugo@hillside.example",
      ],
      { cwd: APP, env: { LOG_LEVEL: "warn" } },
    );
    expect(output).toContain('Created organization "Hillside Coop".');
    expect(output).toMatch(/Password \(shown once; hand it over securely\): [A-Za-z0-9_-]{24}/);
    expect(code).toBe(0);
  });
});
