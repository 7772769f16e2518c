import { Logger } from '@nestjs/common';
import type { OutboxRelay } from '@ct/messaging';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import type { DigestSender } from '../digests/digest-sender';
import type { AlertRaiser } from './alert-raiser';
import { AlertScheduler } from './alert-scheduler.service';
import type { AlertsOptions } from './alerts.options';

describe(AlertScheduler.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let raised: number[];
  let raiseDue: jest.Mock;
  let deliverPending: jest.Mock;
  let nudge: jest.Mock;
  let sendDue: jest.Mock;
  let sut: AlertScheduler;

  beforeEach(() => {
    raised = [];
    raiseDue = jest.fn(async () => raised.shift() ?? 0);
    deliverPending = jest.fn(async () => ({ delivered: 0, failed: 0 }));
    nudge = jest.fn();
    sendDue = jest.fn(async () => 0);
    sut = new AlertScheduler(
      { intervalMs: 15_000, smtpUrl: null } as AlertsOptions,
      { raiseDue } as unknown as AlertRaiser,
      { deliverPending } as unknown as DeliveryDispatcher,
      { nudge } as unknown as OutboxRelay,
      { sendDue } as unknown as DigestSender,
    );
  });

  it('raises batch after batch while they come back full, then sends, relays, and mails digests', async () => {
    raised = [500, 500, 12];
    deliverPending.mockResolvedValue({ delivered: 3, failed: 1 });
    sendDue.mockResolvedValue(2);
    expect(await sut.runOnce()).toEqual({ raised: 1012, delivered: 3, failed: 1, digests: 2 });
    expect(sendDue.mock.invocationCallOrder[0]).toBeGreaterThan(
      deliverPending.mock.invocationCallOrder[0],
    );
    expect(raiseDue).toHaveBeenCalledTimes(3);
    expect(deliverPending.mock.invocationCallOrder[0]).toBeGreaterThan(
      raiseDue.mock.invocationCallOrder[2],
    );
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('relays nothing after a pass that did nothing', async () => {
    expect(await sut.runOnce()).toEqual({ raised: 0, delivered: 0, failed: 0, digests: 0 });
    expect(nudge).not.toHaveBeenCalled();
  });

  it('never overlaps two passes', async () => {
    let release!: () => void;
    raiseDue.mockImplementationOnce(() => new Promise<number>((r) => (release = () => r(0))));
    const first = sut.runOnce();
    const second = sut.runOnce();
    await new Promise((r) => setImmediate(r));
    expect(raiseDue).toHaveBeenCalledTimes(1); // the second waits for the first
    release();
    await Promise.all([first, second]);
    expect(raiseDue).toHaveBeenCalledTimes(2);
  });
});
