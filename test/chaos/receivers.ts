import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What a receiver got: every arrival, by the alert it carries. */
export class Received {
  readonly byAlert = new Map<string, number>();
  /** Each arrival as it came (a mail's raw message, a webhook's body), for suites that read them. */
  readonly raw: string[] = [];
  total = 0;

  add(alertKey: string): void {
    this.total++;
    this.byAlert.set(alertKey, (this.byAlert.get(alertKey) ?? 0) + 1);
  }

  /** Alerts that arrived more than once (a resend carries the same id, for the receiver to fold). */
  get resent(): number {
    return [...this.byAlert.values()].filter((n) => n > 1).length;
  }
}

/** A real SMTP server counting mails by their X-Alert-Key header. */
export async function startMailSink(): Promise<{
  url: string;
  got: Received;
  close(): Promise<void>;
}> {
  const got = new Received();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        const key = /^X-Alert-Key:\s*(.+?)\r?$/imu.exec(raw)?.[1];
        if (key) got.add(key.trim());
        got.raw.push(raw);
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A real HTTP receiver counting webhook calls by their webhook-id header. */
export async function startWebhookSink(): Promise<{
  url: string;
  got: Received;
  close(): Promise<void>;
}> {
  const got = new Received();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      if (typeof id === 'string') got.add(id);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/alerts`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
