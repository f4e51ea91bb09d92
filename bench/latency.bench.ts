/**
 * Cross-portal latency (issue 15): publish → the producer's marketplace row, accept → the producer's contract row,
 * a bid placed in the producer portal → the buyer's bid row and the buyer's notification stream. Each path ≥ 500
 * times (smoke: 5), two in flight, timed from the causing call's start to the row's commit (LISTEN on a trigger the
 * bench adds) or the stream's event. Target p50 ≤ 50 ms, p99 ≤ 250 ms.
 */
import { measureLatency } from "./lib/latency-paths";
import { printReport } from "./lib/report";
import { startBenchStack } from "./lib/stack";
import type { BenchOptions } from "./run";

const IN_FLIGHT = 2;

export default async function latency({ smoke }: BenchOptions): Promise<void> {
  const count = smoke ? 5 : 500;
  // LOG_LEVEL info: PortalProcess waits for the "ready" line, which is logged at info (see the report).
  const stack = await startBenchStack({ buyerEnv: { LOG_LEVEL: "info" }, producerEnv: { LOG_LEVEL: "info" } });
  try {
    const { pair } = stack;
    const target = {
      buyerUrl: pair.buyer.url,
      producerUrl: pair.producer.url,
      buyerDatabaseUrl: pair.env.buyer.DATABASE_URL,
      producerDatabaseUrl: pair.env.producer.DATABASE_URL,
    };
    const result = await measureLatency(target, count, IN_FLIGHT);
    const { breakdown } = result;
    printReport({
      bench: "latency",
      smoke,
      rows: result.rows,
      extra: {
        eventsPerPath: count,
        inFlight: IN_FLIGHT,
        resolution: "LISTEN/NOTIFY on an AFTER INSERT trigger (commit + < 1 ms); SSE timed when its event is parsed",
        target: { p50: 50, p99: 250 },
        breakdown,
      },
    });
    // The same breakdown as a table for people; its figures are already in the one BENCH line above.
    printReport({ bench: "where the time goes (ms)", smoke, rows: breakdown }, (text) => {
      if (!text.startsWith("BENCH ")) process.stdout.write(text);
    });
  } finally {
    await stack.stop();
  }
}
