import { cpus, totalmem } from "node:os";

/** One row of a bench's table: a label and its figures (numbers are printed as they are, strings as given). */
export type Row = Record<string, string | number | null>;

export interface BenchReport {
  bench: string;
  /** Tiny sizes and a few seconds: proves the bench still runs; its figures mean nothing. */
  smoke: boolean;
  rows: Row[];
  /** Anything else the JSON line should carry (sizes, ratios, targets). */
  extra?: Record<string, unknown>;
}

/** The machine a figure was measured on, as docs/performance.md names it. */
export function machine(): { cpus: number; cpu: string; memoryGiB: number; node: string } {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpu: cores[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Prints the bench's table for people and one `BENCH {json}` line for docs/performance.md and scripts. */
export function printReport(report: BenchReport, out: (text: string) => void = (t) => process.stdout.write(t)): string {
  const columns = [...new Set(report.rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: Row[string] | undefined) =>
    value === null || value === undefined ? "–" : typeof value === "number" ? format(value) : value;
  const widths = columns.map((column) =>
    Math.max(column.length, ...report.rows.map((row) => cell(row[column]).length)),
  );
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |\n`;
  let table = `\n${report.bench}${report.smoke ? " (smoke: sizes too small for the figures to mean anything)" : ""}\n`;
  table += line(columns);
  table += line(widths.map((w) => "-".repeat(w)));
  for (const row of report.rows) table += line(columns.map((column) => cell(row[column])));
  out(table);
  const json = JSON.stringify({
    bench: report.bench,
    date: new Date().toISOString(),
    machine: machine(),
    smoke: report.smoke,
    results: report.rows,
    ...report.extra,
  });
  out(`BENCH ${json}\n`);
  return json;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}
