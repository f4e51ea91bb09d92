import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { type EmbeddedServer, startEmbeddedServer } from "../src/embedded-server";
import { freePort } from "../src/free-port";

export interface ThrowawayServer {
  /** URL of the server's maintenance database (`postgres`). */
  url: string;
  /**
   * SIGSTOP to the postmaster and every backend: the port still accepts TCP connections and nothing ever answers,
   * like a server that hangs, swaps to death or sits behind a network that drops replies.
   */
  freeze(): void;
  /** SIGCONT to every process `freeze` stopped. */
  thaw(): void;
  /** A fast shutdown: open connections are ended (57P01), new ones refused. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Thaws, stops and deletes the data directory; safe to call in `finally` whatever state it is in. */
  dispose(): Promise<void>;
}

/**
 * For tests of what a database outage looks like: a PostgreSQL server of the test's own (never the run's shared one),
 * on a free port, in a data directory under `.data/test-postgres` that `dispose` removes. Linux only (reads /proc).
 */
export async function startThrowawayServer(): Promise<ThrowawayServer> {
  const dataDir = resolve(".data", "test-postgres", `throwaway_${randomBytes(4).toString("hex")}`);
  const port = await freePort();
  let running: EmbeddedServer | undefined = await startEmbeddedServer({ dataDir, port });
  const url = running.url;
  let frozen: number[] = [];

  const thaw = () => {
    for (const pid of frozen) signal(pid, "SIGCONT");
    frozen = [];
  };
  return {
    url,
    freeze() {
      // The postmaster first, so that it forks no new backend while its children are being stopped.
      const postmaster = postmasterPid(dataDir);
      signal(postmaster, "SIGSTOP");
      frozen = [postmaster, ...childrenOf(postmaster)];
      for (const pid of frozen.slice(1)) signal(pid, "SIGSTOP");
    },
    thaw,
    async stop() {
      thaw();
      await running?.stop();
      running = undefined;
    },
    async start() {
      running ??= await startEmbeddedServer({ dataDir, port });
    },
    async dispose() {
      thaw();
      await running?.stop();
      running = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(resolve(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (command) state ppid …"; the command may contain spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
