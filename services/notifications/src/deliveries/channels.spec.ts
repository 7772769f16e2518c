import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertRaisedData } from '@ct/contracts';
import { EgressPolicy } from '@ct/egress';
import { FakeClock } from '../../test/fake-clock';
import type { AlertsOptions } from '../alerts/alerts.options';
import { Channels } from './channels';
import { newWebhookSecret, verify } from './webhook-signature';

describe(Channels.name, () => {
  const clock = new FakeClock(new Date('2026-03-24T00:00:00Z'));
  const alert = { alertKey: 'item-1:due:2026-03-24', itemId: 'item-1' } as AlertRaisedData;
  let answer = 204;
  let got: { headers: IncomingHttpHeaders; body: string }[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ headers: req.headers, body });
        res.writeHead(answer, answer === 302 ? { location: 'http://10.0.0.1/' } : {}).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => {
    got = [];
    answer = 204;
  });

  const channels = (allow: string | undefined, smtpUrl: string | null = null) =>
    new Channels(
      {
        smtpUrl,
        mailFrom: 'Alerts <alerts@tracker.example.org>',
        dashboardUrl: 'https://tracker.example.org',
        webhookTimeoutMs: 2000,
        egress: EgressPolicy.parse(allow),
      } as AlertsOptions,
      clock,
    );

  it('posts a webhook signed the Standard Webhooks way, with the alert key as its id', async () => {
    const secret = newWebhookSecret();
    await channels('127.0.0.1').send(alert, { channel: 'webhook', target: url, secret });
    const [{ headers, body }] = got;
    expect(headers['webhook-id']).toBe(alert.alertKey);
    expect(headers['webhook-timestamp']).toBe(String(clock.now().getTime() / 1000));
    const signed = {
      id: alert.alertKey,
      timestamp: headers['webhook-timestamp'] as string,
      signature: headers['webhook-signature'] as string,
    };
    expect(verify(secret, signed, body, clock.now().getTime() / 1000)).toBe(true);
    expect(verify(newWebhookSecret(), signed, body, clock.now().getTime() / 1000)).toBe(false);
    expect(JSON.parse(body)).toEqual({
      type: 'alert.raised',
      data: alert,
      links: { item: `https://tracker.example.org/items/${alert.itemId}` },
    });
  });

  it('fails on an error answer and on a redirect, which it does not follow', async () => {
    const sut = channels('127.0.0.1');
    answer = 503;
    await expect(sut.send(alert, { channel: 'webhook', target: url, secret: 's' })).rejects.toThrow(
      'webhook answered 503',
    );
    answer = 302;
    await expect(sut.send(alert, { channel: 'webhook', target: url, secret: 's' })).rejects.toThrow(
      'webhook answered 302; redirects are not followed',
    );
    expect(got).toHaveLength(2);
  });

  it('refuses a webhook inside the network unless allowed, and email without an SMTP server', async () => {
    const sut = channels(undefined);
    await expect(sut.send(alert, { channel: 'webhook', target: url, secret: 's' })).rejects.toThrow(
      /loopback/,
    );
    expect(got).toHaveLength(0);
    await expect(
      sut.send(alert, { channel: 'email', target: 'desk@example.org', secret: null }),
    ).rejects.toThrow('no SMTP server configured (SMTP_URL)');
  });
});
