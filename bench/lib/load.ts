import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of load after the warm-up. */
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Called once per request to give each its own body and headers (distinct bids, idempotency keys). */
  request?: () => { path?: string; body?: string; headers?: Record<string, string> };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers outside 2xx, and connection errors or timeouts: a run with either is not a valid figure. */
  non2xx: number;
  errors: number;
}

/**
 * Keeps `connections` keep-alive connections busy for `seconds` (autocannon, in this process) and reports throughput
 * and latency. The load generator shares the machine's cores with what it measures, so a figure is only comparable
 * with another from the same run: that is why every bench reports its ratio to a bare route.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const result = await autocannon({
    url: url.origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: options.method ?? "GET",
        path: `${url.pathname}${url.search}`,
        headers: options.headers,
        ...(options.request && {
          setupRequest: (request: autocannon.Request) => {
            const own = options.request?.() ?? {};
            return {
              ...request,
              ...(own.path ? { path: own.path } : {}),
              ...(own.body !== undefined ? { body: own.body } : {}),
              headers: { ...request.headers, ...own.headers },
            };
          },
        }),
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
