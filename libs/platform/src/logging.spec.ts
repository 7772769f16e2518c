import { redactUrlSecrets } from './logging';

describe(redactUrlSecrets.name, () => {
  it('hides token values in query strings and leaves the rest alone', () => {
    expect(redactUrlSecrets('/api/stream?kind=event&access_token=eyJ.a.b&types=x')).toBe(
      '/api/stream?kind=event&access_token=[redacted]&types=x',
    );
    expect(redactUrlSecrets('/calendar.ics?token=eyJ.c.d')).toBe('/calendar.ics?token=[redacted]');
    expect(redactUrlSecrets('/items?q=token%3Dx&tokenish=1')).toBe('/items?q=token%3Dx&tokenish=1');
    expect(redactUrlSecrets(undefined)).toBeUndefined();
  });
});
