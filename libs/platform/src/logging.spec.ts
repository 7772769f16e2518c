import { Writable } from 'node:stream';
import { createLogger, logRequest, logResponse, redactUrlSecrets } from './logging';

describe(redactUrlSecrets.name, () => {
  it('hides credential values in query strings and leaves the rest alone', () => {
    expect(redactUrlSecrets('/api/stream?kind=event&access_token=eyJ.a.b&types=x')).toBe(
      '/api/stream?kind=event&access_token=[redacted]&types=x',
    );
    expect(redactUrlSecrets('/calendar.ics?token=eyJ.c.d')).toBe('/calendar.ics?token=[redacted]');
    expect(redactUrlSecrets('/x?API_KEY=ctk_1&refresh_token=r')).toBe(
      '/x?API_KEY=[redacted]&refresh_token=[redacted]',
    );
    expect(redactUrlSecrets('/items?q=token%3Dx&tokenish=1')).toBe('/items?q=token%3Dx&tokenish=1');
    expect(redactUrlSecrets(undefined)).toBeUndefined();
  });
});

describe(logRequest.name, () => {
  it('keeps no credential of a request in any field, and no parsed query', () => {
    const line = JSON.stringify(
      logRequest({
        id: 1,
        method: 'GET',
        url: '/api/stream?access_token=eyJsecret1',
        headers: {
          Authorization: 'Bearer eyJsecret2',
          'x-api-key': 'ctk_secret3',
          cookie: 'sid=secret4',
          accept: 'text/event-stream',
        },
        ...({ query: { access_token: 'eyJsecret1' } } as object),
      }),
    );
    expect(line).not.toMatch(/secret\d/);
    expect(line).toContain('text/event-stream');
    expect(line).toContain('"x-api-key":"[redacted]"');
    expect(
      JSON.stringify(logResponse({ statusCode: 200, headers: { 'set-cookie': 'r=secret5' } })),
    ).not.toContain('secret5');
  });
});

describe('plain loggers', () => {
  it('redact credentials logged by hand', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = createLogger('test', 'info', sink);
    log.info({ headers: { 'x-api-key': 'ctk_secret6' }, user: { password: 'secret7' } }, 'x');
    expect(out).not.toMatch(/secret\d/);
  });
});
