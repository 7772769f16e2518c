import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { OutboxRelay } from '@ct/messaging';
import { InMemoryTrackedItems, inlineTransactions, trackedItem } from '../../test/fakes';
import type { Principal } from '../auth/principal';
import type { RegisterService } from '../register/register.service';
import { ItemsService } from './items.service';

const admin: Principal = {
  id: 'u1',
  name: 'admin@example.org',
  role: 'admin',
  actors: [],
  via: 'token',
};
const coordinator = (actors: string[]): Principal => ({
  id: 'u2',
  name: 'coord@example.org',
  role: 'coordinator',
  actors,
  via: 'token',
});

describe(ItemsService.name, () => {
  let items: InMemoryTrackedItems;
  let moveDependents: jest.Mock;
  let nudge: jest.Mock;
  let sut: ItemsService;

  beforeEach(() => {
    items = new InMemoryTrackedItems();
    moveDependents = jest.fn(async () => undefined);
    nudge = jest.fn();
    sut = new ItemsService(
      inlineTransactions,
      items.asRepository(),
      { moveDependents } as unknown as RegisterService,
      { nudge } as unknown as OutboxRelay,
    );
  });

  it('moves a status along the lifecycle, records it and relays the change', async () => {
    const item = items.add(trackedItem());
    const saved = await sut.changeStatus(admin, item.id, 'in_progress', 'started');
    expect(saved).toMatchObject({ status: 'in_progress', version: 2 });
    expect(items.history).toEqual([
      expect.objectContaining({
        field: 'status',
        fromValue: 'open',
        toValue: 'in_progress',
        note: 'started',
      }),
    ]);
    expect(items.changes.map((c) => c.change)).toEqual(['status_changed']);
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('refuses a move the lifecycle does not allow, naming the allowed ones', async () => {
    const item = items.add(trackedItem({ kind: 'event', status: 'held' }));
    await expect(sut.changeStatus(admin, item.id, 'scheduled')).rejects.toThrow(
      new ConflictException(
        'a event cannot go from "held" to "scheduled"; allowed: none (final status)',
      ),
    );
    expect(items.changes).toEqual([]);
  });

  it('changes nothing when the status is already the one asked for', async () => {
    const item = items.add(trackedItem());
    expect(await sut.changeStatus(admin, item.id, 'open')).toMatchObject({ version: 1 });
    expect(items.changes).toEqual([]);
  });

  it('answers 404 for an unknown item and 403 for another actor’s', async () => {
    const item = items.add(trackedItem({ actor: 'Republic of Kazakhstan', actorKey: '@KZ' }));
    await expect(
      sut.assignOwner(admin, '01900000-0000-7000-8000-999999999999', 'x'),
    ).rejects.toThrow(NotFoundException);
    await expect(sut.assignOwner(coordinator(['Georgia']), item.id, 'x')).rejects.toThrow(
      new ForbiddenException('you coordinate Georgia, not "Republic of Kazakhstan"'),
    );
    expect(
      await sut.assignOwner(coordinator(['Kazakhstan']), item.id, 'desk@example.org'),
    ).toMatchObject({
      owner: 'desk@example.org',
    });
  });

  it('marks a corrected deadline manual and explicit, and moves an event’s dependents', async () => {
    const summit = items.add(
      trackedItem({ kind: 'event', status: 'scheduled', deadline: '2026-09' }),
    );
    const saved = await sut.correct(admin, summit.id, { deadline: '2026-10-12' });
    expect(saved).toMatchObject({
      deadline: '2026-10-12',
      dueDate: '2026-10-12',
      deadlinePrecision: 'day',
      deadlineManual: true,
      deadlineSource: 'explicit',
    });
    expect(items.changes.map((c) => c.change)).toEqual(['deadline_changed']);
    expect(moveDependents).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ id: summit.id }),
    );
  });

  it('records a plain correction as given, and a cleared deadline as none', async () => {
    const item = items.add(trackedItem());
    await sut.correct(admin, item.id, { reference: '12', deadline: null, note: 'per the text' });
    expect(items.items.get(item.id)).toMatchObject({
      reference: '12',
      deadline: null,
      dueDate: null,
      deadlineSource: 'none',
    });
    expect(items.history.map((h) => [h.field, h.fromValue, h.toValue])).toEqual([
      ['deadline', '2026-06', null],
      ['reference', null, '12'],
    ]);
    expect(moveDependents).not.toHaveBeenCalled(); // not an event
  });

  it('keeps a comment and its line in the audit trail through the repository', async () => {
    const item = items.add(trackedItem());
    await sut.comment(admin, item.id, 'Draft circulated.');
    expect(items.comments).toEqual([
      { itemId: item.id, author: 'admin@example.org', body: 'Draft circulated.' },
    ]);
    expect(items.changes).toEqual([]); // a comment is not a new version
  });
});
