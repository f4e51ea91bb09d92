/**
 * `npm start` (production builds) and `npm run dev` (next dev): one PostgreSQL server, both portals, demo data.
 * Ctrl-C stops the portals first, then the database, so nothing is left running.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_EMBEDDED_PORT, embeddedDataDir } from "@lotbridge/db/boot-database";
import { checkConnection } from "@lotbridge/db/check-connection";
import { redactUrl, withDatabase } from "@lotbridge/db/database-url";
import { type EmbeddedServer, startEmbeddedServer } from "@lotbridge/db/embedded-server";
import { ensureDatabase } from "@lotbridge/db/ensure-database";
import { isPortFree } from "@lotbridge/db/free-port";
import { parseConfig } from "@lotbridge/http/parse-config";
import { z } from "zod";
import { demoBuyerOrganizations } from "../apps/buyer-portal/src/server/demo-accounts";
import { DEMO_PASSWORD, demoProducerOrganizations } from "../apps/producer-portal/src/server/demo-accounts";
import { buildLockPath, takeBuildLock } from "./launcher/build-lock";
import { playDemoStory } from "./launcher/demo-story";
import { localSecrets } from "./launcher/local-secrets";
import { LOCAL_POSTGRES_SETTINGS, portalNodeOptions } from "./launcher/local-stack-settings";
import { relayLines } from "./launcher/log-lines";
import { needsBuild } from "./launcher/needs-build";

const ROOT = resolve(import.meta.dirname, "..");
const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");
const dev = process.argv.includes("--dev");

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number, e.g. ${fallback}` })
    .int({ error: `${name} must be a whole port number` })
    .min(1, { error: `${name} must be between 1 and 65535` })
    .max(65535, { error: `${name} must be between 1 and 65535` })
    .default(fallback);

const readSettings = () =>
  parseConfig(
    z.object({
      BUYER_PORT: port("BUYER_PORT", 3000),
      PRODUCER_PORT: port("PRODUCER_PORT", 3001),
      LOTBRIDGE_DB_PORT: port("LOTBRIDGE_DB_PORT", DEFAULT_EMBEDDED_PORT),
      LOTBRIDGE_HOST: z.string().default("127.0.0.1"),
      LOTBRIDGE_DEMO_DATA: z
        .enum(["true", "false"], { error: "LOTBRIDGE_DEMO_DATA must be true or false" })
        .default("true"),
      DATABASE_URL: z.string().optional(),
      BUYER_PUBLIC_URL: z.string().optional(),
      PRODUCER_PUBLIC_URL: z.string().optional(),
    }),
    process.env,
  );

const say = (line: string) => process.stdout.write(`${line}\n`);
const children: ChildProcess[] = [];
let embedded: EmbeddedServer | undefined;
let stopping = false;

async function main(): Promise<void> {
  if (existsSync(join(ROOT, ".env"))) process.loadEnvFile(join(ROOT, ".env"));
  const settings = readSettings();
  const buyerUrl = settings.BUYER_PUBLIC_URL ?? `http://localhost:${settings.BUYER_PORT}`;
  const producerUrl = settings.PRODUCER_PUBLIC_URL ?? `http://localhost:${settings.PRODUCER_PORT}`;

  for (const [name, value] of [
    ["BUYER_PORT", settings.BUYER_PORT],
    ["PRODUCER_PORT", settings.PRODUCER_PORT],
    ...(settings.DATABASE_URL ? [] : [["LOTBRIDGE_DB_PORT", settings.LOTBRIDGE_DB_PORT] as const]),
  ] as const) {
    if (!(await isPortFree(value, settings.LOTBRIDGE_HOST))) {
      throw new Error(`Port ${value} is already in use. Stop whatever listens there, or set ${name} to a free port.`);
    }
  }

  let serverUrl: string;
  if (settings.DATABASE_URL) {
    await checkConnection(settings.DATABASE_URL);
    serverUrl = settings.DATABASE_URL;
    say(`Using PostgreSQL at ${redactUrl(serverUrl)}`);
  } else {
    embedded = await startEmbeddedServer({
      dataDir: embeddedDataDir(),
      port: settings.LOTBRIDGE_DB_PORT,
      onProgress: say,
      settings: LOCAL_POSTGRES_SETTINGS,
    });
    serverUrl = embedded.url;
  }
  const buyerDatabase = await ensureDatabase(serverUrl, "lotbridge_buyer");
  const producerDatabase = await ensureDatabase(serverUrl, "lotbridge_producer");

  const apps = [
    { name: "buyer", dir: join(ROOT, "apps", "buyer-portal") },
    { name: "producer", dir: join(ROOT, "apps", "producer-portal") },
  ];
  if (!dev) {
    const release = await takeBuildLock(buildLockPath(ROOT), say);
    try {
      for (const app of apps) {
        if (!needsBuild(app.dir, [join(app.dir, "src"), join(ROOT, "packages"), join(app.dir, "next.config.ts")]))
          continue;
        say(`Building the ${app.name} portal (first start or changed sources; about a minute)…`);
        await run(app.name, [NEXT_BIN, "build"], app.dir, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
      }
    } finally {
      release();
    }
  }

  const secrets = localSecrets(join(ROOT, ".data", "secrets.json"));
  const shared = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    // Not for `next dev`: compiling allocates heavily, and small semi-spaces would slow it down.
    ...(dev ? {} : { NODE_OPTIONS: portalNodeOptions(process.env.NODE_OPTIONS) }),
    DEMO_DATA: settings.LOTBRIDGE_DEMO_DATA,
    // Each portal calls the other on this machine; a portal started on its own refuses loopback by default.
    OUTBOUND_ALLOW_LOOPBACK: process.env.OUTBOUND_ALLOW_LOOPBACK ?? "true",
  };
  const mode = dev ? "dev" : "start";
  const host = ["-H", settings.LOTBRIDGE_HOST];
  start("buyer", [NEXT_BIN, mode, "-p", String(settings.BUYER_PORT), ...host], apps[0].dir, {
    ...shared,
    DATABASE_URL: buyerDatabase,
    PUBLIC_URL: buyerUrl,
    AUTH_SECRET: process.env.BUYER_AUTH_SECRET ?? secrets.buyerAuthSecret,
    PRODUCER_DASHBOARD_WEBHOOK_URL: process.env.PRODUCER_DASHBOARD_WEBHOOK_URL ?? `${producerUrl}/api/webhooks/buyer`,
    PRODUCER_DASHBOARD_WEBHOOK_SECRET: process.env.PRODUCER_DASHBOARD_WEBHOOK_SECRET ?? secrets.webhookSecret,
    PRODUCER_API_KEY: process.env.PRODUCER_API_KEY ?? secrets.apiKey,
    CORS_ALLOWED_ORIGINS: process.env.CORS_ALLOWED_ORIGINS ?? producerUrl,
    // The demo's operator: Anna's membership of Northfield Mills. Without demo data nobody has it, and nobody is one.
    OPERATORS:
      process.env.BUYER_OPERATORS ??
      (settings.LOTBRIDGE_DEMO_DATA === "true" ? "anna@northfield.example:northfield-mills" : ""),
  });
  // The producer portal catches up on the buyer's events feed as it starts: started once the buyer portal is up (and
  // has published its demo lots), that first catch-up finds them, whatever became of the first webhook attempts.
  await waitForHealth(buyerUrl);
  if (stopping) return;
  start("producer", [NEXT_BIN, mode, "-p", String(settings.PRODUCER_PORT), ...host], apps[1].dir, {
    ...shared,
    DATABASE_URL: producerDatabase,
    PUBLIC_URL: producerUrl,
    AUTH_SECRET: process.env.PRODUCER_AUTH_SECRET ?? secrets.producerAuthSecret,
    BUYER_PORTAL_URL: process.env.BUYER_PORTAL_URL ?? buyerUrl,
    BUYER_API_KEY: process.env.BUYER_API_KEY ?? secrets.apiKey,
    BUYER_WEBHOOK_SECRET: process.env.BUYER_WEBHOOK_SECRET ?? secrets.webhookSecret,
    OPERATORS:
      process.env.PRODUCER_OPERATORS ??
      (settings.LOTBRIDGE_DEMO_DATA === "true" ? "piet@greenacre.example:greenacre-farms" : ""),
  });

  await waitForHealth(producerUrl);
  if (settings.LOTBRIDGE_DEMO_DATA === "true") await demoStory(buyerUrl, producerUrl);
  if (stopping) return;
  say("");
  say(`  Buyer portal     ${buyerUrl}`);
  say(`  Producer portal  ${producerUrl}`);
  say(`  Database         ${redactUrl(withDatabase(serverUrl, "lotbridge_*"))}`);
  say("");
  say(`  Demo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const [portal, orgs] of [
    ["buyer", demoBuyerOrganizations],
    ["producer", demoProducerOrganizations],
  ] as const) {
    for (const org of orgs) {
      for (const user of org.users)
        say(`    ${portal.padEnd(9)}${user.email.padEnd(28)}${user.role.padEnd(8)}${org.name}`);
    }
  }
  say("");
  say("  Press Ctrl-C to stop everything.");
}

/** The demo story (docs/demo-data.md): played once per database; a failure leaves the portals running. */
async function demoStory(buyerUrl: string, producerUrl: string): Promise<void> {
  const dataDir = process.env.LOTBRIDGE_DATA_DIR ? resolve(process.env.LOTBRIDGE_DATA_DIR) : join(ROOT, ".data");
  try {
    const outcome = await playDemoStory({
      buyerUrl,
      producerUrl,
      password: DEMO_PASSWORD,
      markerFile: join(dataDir, "demo-story.json"),
      say,
      patience: dev ? 4 : 1,
    });
    if (outcome === "data exists") say("Demo: the demo buyer already has bids, so the demo story is not played.");
  } catch (error) {
    if (stopping) return;
    say(
      `Demo story stopped: ${error instanceof Error ? error.message : String(error)}. The portals keep running with ` +
        "what was done; docs/demo-data.md describes the story.",
    );
  }
}

function start(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  relayLines(name, child.stdout, say);
  relayLines(name, child.stderr, say);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    say(`The ${name} portal stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
    void shutdown(1);
  });
}

function run(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    relayLines(name, child.stdout, say);
    relayLines(name, child.stderr, say);
    child.on("exit", (code) => {
      children.splice(children.indexOf(child), 1);
      if (code === 0) done();
      else fail(new Error(`Building the ${name} portal failed (exit code ${code}); its output is above.`));
    });
  });
}

async function waitForHealth(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (stopping) return;
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${baseUrl} did not become healthy within 2 minutes; see its output above.`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => {
            clearTimeout(force);
            done();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  if (embedded) {
    say("Stopping PostgreSQL…");
    await embedded.stop().catch(() => {});
  }
  process.exit(code);
}

// SIGHUP: the terminal closed. PostgreSQL would only reload its configuration on it and stay behind.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

main().catch((error: unknown) => {
  process.stderr.write(`Cannot start Lotbridge: ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown(1);
});
