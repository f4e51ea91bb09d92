import { buildPortals } from "../../e2e/harness/build-portals";
import { startDatabaseServer } from "../../e2e/harness/database-server";
import { type PortalPair, startPortalPair } from "../../e2e/harness/portal-pair";

export interface BenchStack {
  pair: PortalPair;
  /** The PostgreSQL server both portals' databases live on (DATABASE_URL's, or an embedded one). */
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * Both portals as production builds (built first when missing or stale) on fresh databases of one PostgreSQL server,
 * wired to each other over loopback like the browser suite's pair. They log at `info`, as a deployment does by default,
 * so what is measured includes the cost of the request log.
 */
export async function startBenchStack(
  options: { buyerEnv?: Record<string, string>; producerEnv?: Record<string, string> } = {},
): Promise<BenchStack> {
  buildPortals();
  const server = await startDatabaseServer();
  process.env.LOTBRIDGE_E2E_DATABASE_SERVER = server.serverUrl;
  try {
    const pair = await startPortalPair({
      buyerEnv: options.buyerEnv,
      producerEnv: options.producerEnv,
    });
    return {
      pair,
      serverUrl: server.serverUrl,
      stop: async () => {
        await pair.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
