import { type ChildProcess, spawn } from "node:child_process";
import { APPS, NEXT_BIN } from "./build-portals";
import { keepOutput, keepSecretsOf } from "./run-log";

/** Every portal process a test run started, so that nothing outlives the run even when a test fails midway. */
const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

/**
 * One portal as a real `next start` process on loopback, which a test can stop, kill -9 and start again on the same
 * port and database — the way an operator's restart or a crash would.
 */
export class PortalProcess {
  private child?: ChildProcess;
  private log = "";

  constructor(
    readonly app: keyof typeof APPS,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  output(): string {
    return this.log;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(this.port), "-H", "127.0.0.1"], {
      cwd: APPS[this.app],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "info", ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    started.add(child);
    child.once("exit", () => started.delete(child));
    keepSecretsOf(this.env);
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on("data", (chunk) => {
        this.log += chunk;
        keepOutput(`${this.app}-${this.port}`, chunk);
      });
    }
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.app} portal exited:\n${this.log}`);
      const healthy = await fetch(`${this.url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy && this.log.includes("ready")) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.app} portal did not become healthy:\n${this.log}`);
  }

  /** SIGTERM and wait (a clean stop), or SIGKILL (a crash: nothing gets to run). */
  async stop(signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill(signal);
    });
  }
}
