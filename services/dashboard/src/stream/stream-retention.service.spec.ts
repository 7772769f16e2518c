import { Logger } from '@nestjs/common';
import type { StreamEventsRepository } from './stream-events.repository';
import { StreamRetention } from './stream-retention.service';
import type { StreamOptions } from './stream.options';

describe(StreamRetention.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('forgets events older than the retention, and reports how many', async () => {
    const prune = jest.fn(async () => 7);
    const sut = new StreamRetention(
      { prune } as unknown as StreamEventsRepository,
      {
        retentionDays: 30,
      } as StreamOptions,
    );
    expect(await sut.prune()).toBe(7);
    expect(prune).toHaveBeenCalledWith(30);
  });

  it('survives a failing pass (the next one comes in an hour)', async () => {
    const prune = jest.fn(async () => {
      throw new Error('connection refused');
    });
    const sut = new StreamRetention(
      { prune } as unknown as StreamEventsRepository,
      {
        retentionDays: 30,
      } as StreamOptions,
    );
    expect(await sut.prune()).toBe(0);
  });

  it('runs hourly from start-up to shutdown without keeping the process alive', () => {
    jest.useFakeTimers();
    try {
      const prune = jest.fn(async () => 0);
      const sut = new StreamRetention(
        { prune } as unknown as StreamEventsRepository,
        {
          retentionDays: 30,
        } as StreamOptions,
      );
      sut.onApplicationBootstrap();
      jest.advanceTimersByTime(2 * 3_600_000);
      expect(prune).toHaveBeenCalledTimes(2);
      sut.onApplicationShutdown();
      jest.advanceTimersByTime(3_600_000);
      expect(prune).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
