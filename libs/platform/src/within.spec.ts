import { within } from './within';

describe('within', () => {
  it('is true when the work ends in time', async () => {
    await expect(within(1000, Promise.resolve())).resolves.toBe(true);
  });

  it('stops waiting for work that hangs', async () => {
    const started = Date.now();
    await expect(within(50, new Promise(() => undefined))).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a failure instead of throwing it', async () => {
    const seen: unknown[] = [];
    await expect(
      within(1000, Promise.reject(new Error('gone')), (e) => seen.push(e)),
    ).resolves.toBe(true);
    expect((seen[0] as Error).message).toBe('gone');
  });
});
