import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** Prints a child's output with its name in front; pino's JSON lines become "level message {fields}". */
export function relayLines(name: string, stream: Readable, write: (line: string) => void): void {
  const lines = createInterface({ input: stream });
  lines.on("line", (line) => write(`[${name}] ${readable(line)}`));
}

function readable(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const { level, time: _time, pid: _pid, hostname: _host, name: _name, msg, ...rest } = JSON.parse(line);
    const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : "";
    const label = LEVELS[level] ?? "info";
    return `${label === "info" ? "" : `${label} `}${msg ?? ""}${fields}`;
  } catch {
    return line;
  }
}
