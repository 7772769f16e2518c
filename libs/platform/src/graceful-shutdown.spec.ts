import type { INestApplication } from '@nestjs/common';
import { exitOnShutdownSignal, isShuttingDown, resetShutdownState } from './graceful-shutdown';

const SIGNAL = 'SIGUSR2';

function appClosing(close: () => Promise<void>): INestApplication {
  return { close } as unknown as INestApplication;
}

describe('exitOnShutdownSignal', () => {
  let uninstall: () => void = () => undefined;
  afterEach(() => {
    uninstall();
    resetShutdownState();
  });

  it('closes the application and exits 0; readiness reads the state at once', async () => {
    const exits: number[] = [];
    let closed = false;
    uninstall = exitOnShutdownSignal(
      appClosing(async () => {
        closed = true;
      }),
      { service: 'test', timeoutMs: 1000, exit: (c) => exits.push(c), signals: [SIGNAL] },
    );
    expect(isShuttingDown()).toBe(false);
    process.emit(SIGNAL, SIGNAL);
    expect(isShuttingDown()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when closing has not finished by the deadline', async () => {
    const exits: number[] = [];
    const started = Date.now();
    uninstall = exitOnShutdownSignal(
      appClosing(() => new Promise(() => undefined)),
      { service: 'test', timeoutMs: 80, exit: (c) => exits.push(c), signals: [SIGNAL] },
    );
    process.emit(SIGNAL, SIGNAL);
    await new Promise((r) => setTimeout(r, 40));
    expect(exits).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(exits).toEqual([1]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('exits 1 when closing fails, and at once (130) on a second signal', async () => {
    const exits: number[] = [];
    uninstall = exitOnShutdownSignal(
      appClosing(() => new Promise((_, fail) => setTimeout(() => fail(new Error('boom')), 50))),
      { service: 'test', timeoutMs: 1000, exit: (c) => exits.push(c), signals: [SIGNAL] },
    );
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    expect(exits).toEqual([130]);
    await new Promise((r) => setTimeout(r, 100));
    expect(exits).toEqual([130, 1]);
  });
});
