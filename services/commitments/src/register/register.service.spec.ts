import { Logger } from '@nestjs/common';
import type { OutboxRelay } from '@ct/messaging';
import { mockOf } from '@ct/testing';
import { extracted } from '../../test/extracted.fixture';
import { InMemoryTrackedItems, inlineTransactions, trackedItem } from '../../test/fakes';
import type { ItemState } from '../tracked-items/item-state';
import type { ItemWrites, TrackedItemsRepository } from '../tracked-items/tracked-items.repository';
import { RegisterService } from './register.service';
import type { RetractionService } from './retraction.service';

// Claims and locks are statements on the real database (register.int-spec.ts);
// here every event is new and nothing waits.
jest.mock('@ct/messaging', () => ({
  ...jest.requireActual('@ct/messaging'),
  claimEvents: jest.fn(async (_tx: unknown, _s: string, _c: string, ids: string[]) => new Set(ids)),
}));
jest.mock('@ct/persistence', () => ({
  ...jest.requireActual('@ct/persistence'),
  advisoryLocks: jest.fn(async () => undefined),
}));

describe(RegisterService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  let items: InMemoryTrackedItems;
  let repo: TrackedItemsRepository;
  let writes: ItemWrites[];
  let candidates: ItemState[];
  let known: Set<string>;
  let nudge: jest.Mock;
  let sut: RegisterService;

  beforeEach(() => {
    items = new InMemoryTrackedItems();
    writes = [];
    candidates = [];
    known = new Set();
    nudge = jest.fn();
    repo = Object.assign(items.asRepository(), {
      knownSources: mockOf<TrackedItemsRepository['knownSources']>(async () => new Set(known)),
      candidates: mockOf<TrackedItemsRepository['candidates']>(async () => candidates),
      candidatesFor: mockOf<TrackedItemsRepository['candidatesFor']>(async () => []),
      findEvent: mockOf<TrackedItemsRepository['findEvent']>(async () => null),
      lockMany: mockOf<TrackedItemsRepository['lockMany']>(
        async (_tx, ids) =>
          new Map(candidates.filter((c) => ids.includes(c.id)).map((c) => [c.id, c])),
      ),
      applyWrites: mockOf<TrackedItemsRepository['applyWrites']>(
        async (_tx, w) => void writes.push(w),
      ),
      addSources: mockOf<TrackedItemsRepository['addSources']>(async () => undefined),
    });
    sut = new RegisterService(
      inlineTransactions,
      repo,
      { nudge } as unknown as OutboxRelay,
      { settle: jest.fn(async () => 0) } as unknown as RetractionService,
    );
  });

  it('registers mandates and pledges as one set of writes: new items, their sources and events', async () => {
    await sut.applyMany([
      extracted({ index: 0, actor: 'Ministers of Energy', action: 'set up an energy council' }),
      extracted({
        index: 1,
        kind: 'pledge',
        actor: 'Republic of Uzbekistan',
        action: 'open a trade house',
      }),
    ]);
    expect(writes).toHaveLength(1);
    const [w] = writes;
    expect(w.created.map((i) => [i.kind, i.actor, i.status, i.version])).toEqual([
      ['mandate', 'Ministers of Energy', 'open', 1],
      ['pledge', 'Republic of Uzbekistan', 'open', 1],
    ]);
    expect(w.updated).toEqual([]);
    expect(w.sources.map((s) => s.extractionIndex)).toEqual([0, 1]);
    expect(w.changed.map((c) => c.data.change)).toEqual(['created', 'created']);
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('leaves out a source it already has, under whatever event id it comes again', async () => {
    const again = extracted({ index: 3 });
    known.add(`${again.data.documentId}|rules@1.0.0|3`);
    await sut.applyMany([again]);
    expect(writes).toEqual([]);
    expect(nudge).not.toHaveBeenCalled();
  });

  it('adds a source to the item a commitment matches, from its state read under lock', async () => {
    const tracked = trackedItem({
      actor: 'the Secretariat',
      actorKey: 'secretariat',
      deadline: null,
      dueDate: null,
    });
    candidates = [tracked];
    await sut.applyMany([
      extracted({
        documentId: '00000000-0000-4000-8000-0000000000d2',
        deadline: '2026-09',
        deadlineSource: 'explicit',
      }),
    ]);
    const [w] = writes;
    expect(w.created).toEqual([]);
    expect(w.updated).toEqual([
      expect.objectContaining({ id: tracked.id, sourceCount: 2, deadline: '2026-09', version: 2 }),
    ]);
    expect(w.changed.map((c) => c.data.change)).toEqual(['deadline_changed']);
  });

  it('registers an event on its own: created through the repository with its source', async () => {
    await sut.applyMany([
      extracted({
        kind: 'event',
        actor: 'Republic of Kazakhstan',
        action: 'host the next summit',
        deadline: '2027',
        deadlineSource: 'explicit',
        meeting: { noun: 'summit', ordinal: null, place: 'Astana' },
      }),
    ]);
    expect(writes).toEqual([]);
    const [created] = items.items.values();
    expect(created).toMatchObject({
      kind: 'event',
      status: 'scheduled',
      place: 'Astana',
      version: 1,
    });
    expect(items.changes.map((c) => c.change)).toEqual(['created']);
    expect(repo.addSources).toHaveBeenCalledWith(expect.anything(), [
      expect.objectContaining({ itemId: created.id, extractionIndex: 0 }),
    ]);
  });
});
