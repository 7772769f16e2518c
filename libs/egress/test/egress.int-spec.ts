import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkTarget, EgressPolicy, EgressRefusedError, egressRequest } from '../src';

/** Outbound requests against a real server on loopback, which only EGRESS_ALLOW makes reachable. */
describe(egressRequest.name, () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  const allowLoopback = EgressPolicy.parse('127.0.0.1');

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
      } else if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (res.write(chunk));
        };
        res.on('drain', pump);
        pump();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 5000);
      } else {
        res.end('hello');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const opts = (policy = allowLoopback) => ({ timeoutMs: 1000, maxBytes: 100_000, policy });

  it('refuses loopback in every spelling unless allowed, before anything is sent', async () => {
    hits.length = 0;
    for (const host of [
      `127.0.0.1:${port}`,
      `2130706433:${port}`,
      `0x7f.1:${port}`,
      `0177.0.0.1:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `localhost:${port}`,
      `0:${port}`,
    ]) {
      await expect(
        egressRequest(`http://${host}/`, opts(EgressPolicy.strict)),
      ).rejects.toBeInstanceOf(EgressRefusedError);
      await expect(checkTarget(`http://${host}/`, EgressPolicy.strict)).rejects.toThrow(
        /loopback|unspecified/,
      );
    }
    expect(hits).toEqual([]);
    await expect(checkTarget('ftp://example.org/', EgressPolicy.strict)).rejects.toThrow(
      /only http/,
    );
  });

  it('reaches an allowed address, and answers a redirect without following it', async () => {
    const ok = await egressRequest(`http://127.0.0.1:${port}/`, opts());
    expect(ok).toMatchObject({ status: 200 });
    expect(ok.body.toString()).toBe('hello');
    const moved = await egressRequest(`http://127.0.0.1:${port}/redirect`, opts());
    expect(moved.status).toBe(302);
    expect(hits.filter((h) => h === '/elsewhere')).toEqual([]);
  });

  it('caps the response size and the time taken', async () => {
    await expect(egressRequest(`http://127.0.0.1:${port}/huge`, opts())).rejects.toThrow(
      /larger than the limit of 100000 bytes/,
    );
    const t0 = Date.now();
    await expect(egressRequest(`http://127.0.0.1:${port}/slow`, opts())).rejects.toThrow(
      /within 1000 ms/,
    );
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
