import { createServer, type Socket, connect as tcpConnect } from "node:net";

export interface RoundRobin {
  url: string;
  port: number;
  /** The instances behind it; connections made from now on take turns among them. */
  backends: number[];
  /** Connections handed to each backend so far, by port. */
  handed: Map<number, number>;
  stop(): Promise<void>;
}

/**
 * A loopback TCP load balancer: each new connection goes to the next backend port in turn and is piped both ways
 * untouched (a layer-4 balancer, as a cloud's network load balancer is). Keep-alive connections stay with the
 * backend they were handed to, so load spreads by connection. Listens first and takes its backends later, so that
 * the portals can be given its URL as their public one before they start.
 */
export async function startRoundRobin(port: number): Promise<RoundRobin> {
  const sockets = new Set<Socket>();
  const balancer: RoundRobin = {
    url: `http://127.0.0.1:${port}`,
    port,
    backends: [],
    handed: new Map(),
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  let turn = 0;
  const server = createServer((client) => {
    const backend = balancer.backends[turn++ % Math.max(balancer.backends.length, 1)];
    if (backend === undefined) {
      client.destroy();
      return;
    }
    balancer.handed.set(backend, (balancer.handed.get(backend) ?? 0) + 1);
    const upstream = tcpConnect(backend, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.once("close", () => sockets.delete(socket));
    }
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side going away closes the other: a backend that is stopped cuts its connections, as a real one would.
    client.once("error", () => upstream.destroy());
    upstream.once("error", () => client.destroy());
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return balancer;
}
