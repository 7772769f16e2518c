import { Logger } from '@nestjs/common';
import type { AlertRaisedData } from '@ct/contracts';
import type { OutboxWriter } from '@ct/messaging';
import type { Transaction } from '@ct/persistence';
import { mockOf } from '@ct/testing';
import { FakeClock } from '../../test/fake-clock';
import type { AlertsOptions } from '../alerts/alerts.options';
import type { AlertsRepository, ClaimedDelivery } from '../alerts/alerts.repository';
import type { Channels } from './channels';
import { DeliveryDispatcher } from './delivery-dispatcher';

const TX = {} as Transaction;
const MINUTE = 60_000;

const delivery = (id: string, attempts = 0): ClaimedDelivery => ({
  id,
  channel: 'webhook',
  target: 'https://hooks.example.org/a',
  secret: 's',
  attempts,
  payload: {
    alertKey: `alert-${id}`,
    itemId: '01900000-0000-7000-8000-000000000001',
  } as AlertRaisedData,
  claimedUntil: new Date('2026-03-24T00:05:00Z'),
});

describe(DeliveryDispatcher.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  const clock = new FakeClock(new Date('2026-03-24T00:00:00Z'));
  let batches: ClaimedDelivery[][];
  let stillClaimed: boolean;
  let alerts: {
    transaction: AlertsRepository['transaction'];
    claimDeliveries: jest.MockedFunction<AlertsRepository['claimDeliveries']>;
    recordAttempt: jest.MockedFunction<AlertsRepository['recordAttempt']>;
  };
  let send: jest.Mock;
  let append: jest.Mock;
  let sut: DeliveryDispatcher;

  beforeEach(() => {
    batches = [];
    stillClaimed = true;
    alerts = {
      transaction: (work) => work(TX),
      claimDeliveries: mockOf<AlertsRepository['claimDeliveries']>(
        async () => batches.shift() ?? [],
      ),
      recordAttempt: mockOf<AlertsRepository['recordAttempt']>(async () => stillClaimed),
    };
    send = jest.fn(async () => undefined);
    append = jest.fn(async () => undefined);
    sut = new DeliveryDispatcher(
      alerts as unknown as AlertsRepository,
      { send } as unknown as Channels,
      { append } as unknown as OutboxWriter,
      clock,
      { maxAttempts: 3, backoffMs: MINUTE, claimMs: 5 * MINUTE } as AlertsOptions,
    );
  });

  it('claims before sending, for the claim period, and records a delivery with its event', async () => {
    batches = [[delivery('1')]];
    expect(await sut.deliverPending()).toEqual({ delivered: 1, failed: 0 });
    expect(alerts.claimDeliveries).toHaveBeenCalledWith(
      clock.now(),
      new Date(clock.now().getTime() + 5 * MINUTE),
      20,
    );
    expect(alerts.claimDeliveries.mock.invocationCallOrder[0]).toBeLessThan(
      send.mock.invocationCallOrder[0],
    );
    expect(alerts.recordAttempt).toHaveBeenCalledWith(TX, expect.objectContaining({ id: '1' }), 1, {
      status: 'delivered',
      at: clock.now(),
    });
    expect(append).toHaveBeenCalledWith(
      TX,
      'alert.delivered.v1',
      expect.objectContaining({
        alertKey: 'alert-1',
        attempts: 1,
        target: expect.stringMatching(/^webhook:/),
      }),
      { id: 'alert-delivered:1', subject: 'items/01900000-0000-7000-8000-000000000001' },
    );
  });

  it('retries a failure after a backoff that doubles, and gives up at the bound with alert.failed', async () => {
    send.mockRejectedValue(new Error('webhook answered 503'));
    batches = [[delivery('1', 0), delivery('2', 1), delivery('3', 2)]];
    expect(await sut.deliverPending()).toEqual({ delivered: 0, failed: 1 });
    const results = alerts.recordAttempt.mock.calls.map(([, d, attempts, r]) => [
      d.id,
      attempts,
      r,
    ]);
    expect(results).toEqual([
      [
        '1',
        1,
        {
          status: 'retry',
          error: 'webhook answered 503',
          nextAttemptAt: new Date(clock.now().getTime() + MINUTE),
        },
      ],
      [
        '2',
        2,
        {
          status: 'retry',
          error: 'webhook answered 503',
          nextAttemptAt: new Date(clock.now().getTime() + 2 * MINUTE),
        },
      ],
      ['3', 3, { status: 'failed', error: 'webhook answered 503' }],
    ]);
    expect(append.mock.calls.map((c) => c[1])).toEqual(['alert.failed.v1']);
  });

  it('counts and announces nothing for a claim that lapsed before it was recorded', async () => {
    stillClaimed = false;
    batches = [[delivery('1')]];
    expect(await sut.deliverPending()).toEqual({ delivered: 0, failed: 0 });
    expect(append).not.toHaveBeenCalled();
  });

  it('takes batches until one comes back short', async () => {
    batches = [Array.from({ length: 20 }, (_, i) => delivery(String(i))), [delivery('20')]];
    expect(await sut.deliverPending()).toEqual({ delivered: 21, failed: 0 });
    expect(alerts.claimDeliveries).toHaveBeenCalledTimes(2);
  });
});
