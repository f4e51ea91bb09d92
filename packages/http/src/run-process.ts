import { spawn } from "node:child_process";

export interface ProcessResult {
  code: number | null;
  output: string;
}

/**
 * Runs a command to its end and returns its exit code and everything it printed (stdout and stderr together).
 * Variables set to undefined in `env` are removed from the inherited environment. For tests of start-up behaviour.
 */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = Object.assign({ ...process.env }, options.env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
