import { FailedAttempts } from './failed-attempts';

describe(FailedAttempts.name, () => {
  it('refuses a client after the limit of failures in the window, until the oldest ages out', () => {
    const f = new FailedAttempts(3, 60_000);
    for (const t of [0, 10_000, 20_000]) f.fail('a', t);
    expect(f.retryAfter('a', 20_000)).toBe(40);
    expect(f.retryAfter('b', 20_000)).toBe(0);
    expect(f.retryAfter('a', 60_001)).toBe(0);
  });

  it('forgets the oldest clients beyond its bound', () => {
    const f = new FailedAttempts(1, 60_000, 2);
    f.fail('a', 0);
    f.fail('b', 0);
    f.fail('c', 0);
    expect(f.retryAfter('a', 1)).toBe(0);
    expect(f.retryAfter('c', 1)).toBe(60);
  });
});
