// A TCP load balancer in front of several app instances, as a deployment would have: new connections go to
// the instances in turn; one whose instance refuses (it was killed) is sent to the next live one.
import net from "node:net";

export type LoadBalancer = {
  port: number;
  baseUrl: string;
  /** The instance port each accepted connection was sent to, in order. */
  routed: number[];
  close(): Promise<void>;
};

export async function startLoadBalancer(backendPorts: number[]): Promise<LoadBalancer> {
  let next = 0;
  const routed: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.pause();
    const tryBackend = (attempt: number) => {
      if (attempt >= backendPorts.length) return client.destroy();
      const port = backendPorts[next++ % backendPorts.length]!;
      const backend = net.connect(port, "127.0.0.1");
      let connected = false;
      backend.on("error", () => (connected ? client.destroy() : tryBackend(attempt + 1)));
      backend.once("connect", () => {
        connected = true;
        routed.push(port);
        sockets.add(backend);
        client.pipe(backend).pipe(client);
        client.resume();
        client.on("error", () => backend.destroy());
        backend.on("close", () => {
          sockets.delete(backend);
          client.destroy();
        });
        client.on("close", () => backend.destroy());
      });
    };
    tryBackend(0);
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
