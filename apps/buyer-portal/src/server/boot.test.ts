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
  AUTH_SECRET: "a".repeat(40),
  PRODUCER_DASHBOARD_WEBHOOK_SECRET: `whsec_${Buffer.from("x".repeat(32)).toString("base64")}`,
  PRODUCER_API_KEY: "lbk_production_key_0123456789",
  SMTP_URL: "smtp://mail.example.com:587",
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

  it("with every secret set and an operator named, migrates, grants the operator and exits cleanly", async () => {
    const { db } = portal();
    await createOrganizationWithUsers(db, { name: "Northfield Mills", slug: "northfield-mills" }, [
      { name: "Ops", email: "ops@northfield.example", password: "correct-horse-battery", role: "member" },
    ]);
    const { code, output } = await bootWith({ ...production, OPERATORS: "ops@northfield.example:northfield-mills" });
    expect(output).toBe("");
    expect(code).toBe(0);
    expect(await db.select({ grantedBy: operatorGrant.grantedBy }).from(operatorGrant)).toEqual([
      { grantedBy: "OPERATORS" },
    ]);
    await db.delete(operatorGrant); // the warning test below starts without one
  });

  it("an unknown command is refused with the ones there are, before anything starts", async () => {
    const { code, output } = await runProcess(TSX, ["src/server/cli.ts", "migrat"], { cwd: APP });
    expect(code).toBe(2);
    expect(output.trim()).toBe(
      'Unknown command "migrat". Use one of: migrate, worker, add-user, grant-operator, revoke-operator (see the README).',
    );
  });

  it("in production without SMTP_URL or any operator, starts but warns about each", async () => {
    const { code, output } = await bootWith({ ...production, SMTP_URL: undefined });
    expect(code).toBe(0);
    expect(output).toContain("SMTP_URL is not set: email is kept in the development mailbox");
    expect(output).toContain("No membership is an operator: nobody can open the Integration page");
  });

  it("stops with a sentence naming OPERATORS and its syntax when an entry is not email:organization-slug", async () => {
    const { code, output } = await bootWith({ ...production, OPERATORS: "ops@northfield.example@Northfield Mills" });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'Buyer portal cannot start: OPERATORS must name each operator as sign-in-email:organization-slug, separated by commas, like OPERATORS=anna@northfield.example:northfield-mills (the slug is the organization\'s name in lower case with dashes between words); "ops@northfield.example@Northfield Mills" is not.',
    );
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
