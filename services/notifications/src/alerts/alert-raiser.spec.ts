import type { OutboxWriter } from '@ct/messaging';
import type { Transaction } from '@ct/persistence';
import { mockOf } from '@ct/testing';
import { FakeClock } from '../../test/fake-clock';
import type { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import type { AlertPlanner } from './alert-planner';
import { AlertRaiser } from './alert-raiser';
import type { AlertsOptions } from './alerts.options';
import type { AlertsRepository, DueAlert } from './alerts.repository';

const TX = {} as Transaction;
const ITEM = '01900000-0000-7000-8000-000000000001';

const due = (over: Partial<DueAlert>): DueAlert => ({
  key: `${ITEM}:before:7d:2026-03-31`,
  item_id: ITEM,
  reason: 'before:7d',
  due_date: '2026-03-31',
  fire_at: new Date('2026-03-24T00:00:00Z'),
  planned_at: new Date('2026-02-01T00:00:00Z'),
  kind: 'mandate',
  actor: 'Secretariat',
  action: 'prepare a report',
  status: 'open',
  owner: 'owner@example.org',
  current_due: '2026-03-31',
  ...over,
});

describe(AlertRaiser.name, () => {
  const clock = new FakeClock(new Date('2026-03-24T00:00:10Z'));
  let claimed: DueAlert[];
  let alerts: {
    transaction: AlertsRepository['transaction'];
    claimDue: jest.MockedFunction<AlertsRepository['claimDue']>;
    drop: jest.MockedFunction<AlertsRepository['drop']>;
    markRaised: jest.MockedFunction<AlertsRepository['markRaised']>;
    addDeliveries: jest.MockedFunction<AlertsRepository['addDeliveries']>;
  };
  let appendMany: jest.Mock;
  let replanMany: jest.Mock;
  let sut: AlertRaiser;

  const make = (options: Partial<AlertsOptions> = {}) =>
    new AlertRaiser(
      alerts as unknown as AlertsRepository,
      {
        subscribersOf: mockOf<SubscriptionsRepository['subscribersOf']>(async (_tx, subjects) =>
          subjects.map((s) => ({
            key: s.key,
            channel: 'webhook' as const,
            target: 'https://hooks.example.org/a',
            secret: 's',
          })),
        ),
      } as unknown as SubscriptionsRepository,
      { replanMany } as unknown as AlertPlanner,
      { appendMany } as unknown as OutboxWriter,
      clock,
      { intervalMs: 15_000, smtpUrl: 'smtp://mail.example.org', ...options } as AlertsOptions,
    );

  beforeEach(() => {
    claimed = [];
    alerts = {
      transaction: (work) => work(TX),
      claimDue: mockOf<AlertsRepository['claimDue']>(async () => claimed),
      drop: mockOf<AlertsRepository['drop']>(async () => undefined),
      markRaised: mockOf<AlertsRepository['markRaised']>(async () => undefined),
      addDeliveries: mockOf<AlertsRepository['addDeliveries']>(async () => undefined),
    };
    appendMany = jest.fn(async () => []);
    replanMany = jest.fn(async () => undefined);
    sut = make();
  });

  it('raises a due alert once: marked, delivered to its subscribers and owner, announced', async () => {
    claimed = [due({})];
    expect(await sut.raiseDue()).toBe(1);
    const [[, , raised]] = alerts.markRaised.mock.calls;
    expect(raised).toEqual([
      expect.objectContaining({
        alertKey: claimed[0].key,
        daysUntilDue: 7,
        late: false,
        recipients: 2,
      }),
    ]);
    expect(alerts.addDeliveries.mock.calls[0][2].map((d) => d.to.channel)).toEqual([
      'webhook',
      'email',
    ]);
    expect(appendMany).toHaveBeenCalledWith(TX, 'alert.raised.v1', [
      { data: raised[0], init: { id: `alert:${claimed[0].key}`, subject: `items/${ITEM}` } },
    ]);
    expect(replanMany).toHaveBeenCalledWith(TX, []); // not an overdue reminder
  });

  it('drops alerts planned for a due date or a status the item no longer has', async () => {
    claimed = [due({ current_due: '2026-04-30' }), due({ key: 'k2', status: 'done' })];
    expect(await sut.raiseDue()).toBe(2);
    expect(alerts.drop).toHaveBeenCalledWith(TX, [claimed[0].key, 'k2']);
    expect(alerts.markRaised).not.toHaveBeenCalled();
    expect(appendMany).not.toHaveBeenCalled();
  });

  it('marks late an alert that fell due while the service was down', async () => {
    claimed = [due({ fire_at: new Date('2026-03-20T00:00:00Z') })];
    await sut.raiseDue();
    expect(alerts.markRaised.mock.calls[0][2][0].late).toBe(true);
  });

  it('plans the next reminder of an overdue item that just had one, and sends no email without SMTP', async () => {
    sut = make({ smtpUrl: null });
    claimed = [due({ key: `${ITEM}:overdue:1:2026-03-31`, reason: 'overdue:1' })];
    await sut.raiseDue();
    expect(alerts.addDeliveries.mock.calls[0][2].map((d) => d.to.channel)).toEqual(['webhook']);
    expect(replanMany).toHaveBeenCalledWith(TX, [
      { itemId: ITEM, status: 'open', dueDate: '2026-03-31' },
    ]);
  });
});
