import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a real server (PostgreSQL), so a test can cut the
 * network to it without stopping a server other tests use: `cut()` drops
 * every connection and refuses new ones, `restore()` accepts again.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((done, fail) => {
      const s = createServer((client) => {
        const upstream = createConnection(target);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', fail);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        done();
      });
    });
  const cut = () =>
    new Promise<void>((done) => {
      for (const sock of sockets) sock.destroy();
      if (!server) return done();
      server.close(() => done());
      server = null;
    });

  await listen();
  return {
    get port() {
      return port;
    },
    cut,
    restore: () => (server ? Promise.resolve() : listen()),
    close: cut,
  };
}
