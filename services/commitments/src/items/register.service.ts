import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventOf } from '@ct/contracts';
import { claimEvent, OutboxRelay } from '@ct/messaging';
import { quoteIdent } from '@ct/persistence';
import { CONSUMER_GROUP, SCHEMA } from '../config/commitments.env';
import { ItemSourceEntity } from './entities/item-source.entity';
import { TrackedItemEntity } from './entities/tracked-item.entity';
import { ItemChanges, setDeadline, type FieldChange } from './item-changes';
import { INITIAL_STATUS } from './lifecycle';
import { actorKey, bestMatch, nextDeadline, type Comparable } from './matching';

type Extracted = EventOf<'commitment.extracted.v1'>;
const BY = 'extraction';
const CANDIDATE_LIMIT = 200;

/**
 * Turns extracted commitments into the register: a commitment already tracked
 * (matched across documents and languages) gains a source and perhaps a better
 * deadline; a new one becomes an item, linked to the event its deadline
 * follows. Each event is applied whole or not at all, inside the transaction
 * of its chunk (see applyMany).
 */
@Injectable()
export class RegisterService {
  private readonly logger = new Logger(RegisterService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ItemChanges,
    private readonly relay: OutboxRelay,
  ) {}

  /** Register one extracted commitment in its own transaction. */
  async onCommitmentExtracted(event: Extracted): Promise<void> {
    await this.applyMany([event]);
  }

  /**
   * Register many in one transaction (one commit for the lot). Registrations
   * take advisory locks by kind and actor; they are applied in lock-key order so
   * that two concurrent batches always lock in the same order and cannot deadlock.
   */
  async applyMany(events: Extracted[]): Promise<void> {
    const ordered = events
      .map((event, i) => ({ event, i, key: lockKey(event.data) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
    const outcomes = await this.dataSource.transaction(async (m) => {
      const done: string[] = [];
      for (const { event, key } of ordered) done.push(await this.apply(m, event, key));
      return done;
    });
    const changed = outcomes.filter((o) => o !== 'duplicate').length;
    if (changed > 0) {
      this.logger.log(
        {
          events: events.length,
          created: outcomes.filter((o) => o === 'created').length,
          merged: outcomes.filter((o) => o === 'merged').length,
        },
        'extracted commitments registered',
      );
      this.relay.nudge();
    }
  }

  private async apply(
    m: EntityManager,
    event: Extracted,
    key: string,
  ): Promise<'duplicate' | 'merged' | 'created'> {
    const d = event.data;
    if (!(await claimEvent(m, SCHEMA, CONSUMER_GROUP, event.id))) return 'duplicate';
    const engine = `${d.engine.name}@${d.engine.version}`;
    const known = await m.findOneBy(ItemSourceEntity, {
      documentId: d.documentId,
      engine,
      extractionIndex: d.index,
    });
    if (known) return 'duplicate';
    const incoming = comparable(d);
    // Registrations that could match each other run one at a time.
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    // A deadline corrected by hand says nothing about what documents say: match without it.
    const candidates = (await this.candidates(m, incoming)).map((i) =>
      i.deadlineManual ? { ...i, deadline: null } : i,
    );
    const match = bestMatch(incoming, candidates);
    if (match) await this.addSource(m, match, event, engine);
    else await this.create(m, event, engine, incoming);
    return match ? 'merged' : 'created';
  }

  private async candidates(m: EntityManager, c: Comparable): Promise<TrackedItemEntity[]> {
    const qb = m
      .createQueryBuilder(TrackedItemEntity, 'i')
      .where('i.kind = :kind', { kind: c.kind })
      .orderBy('i.created_at', 'DESC')
      .limit(CANDIDATE_LIMIT);
    if (c.kind === 'event') {
      qb.andWhere('(i.actor_key = :actor OR i.place = :place)', {
        actor: c.actorKey,
        place: c.place ?? '',
      });
    } else {
      qb.andWhere('i.actor_key = :actor', { actor: c.actorKey });
    }
    return qb.getMany();
  }

  private async create(
    m: EntityManager,
    event: Extracted,
    engine: string,
    c: Comparable,
  ): Promise<void> {
    const d = event.data;
    const item = m.create(TrackedItemEntity, {
      kind: d.kind,
      actor: d.actor,
      actorKey: c.actorKey,
      action: d.action,
      status: INITIAL_STATUS[d.kind],
      deadlineSource: d.deadlineSource,
      owner: null,
      place: c.place,
      meetingNoun: c.meetingNoun,
      meetingOrdinal: c.meetingOrdinal,
      language: d.language,
      sourceCount: 1,
      dependsOn:
        d.dependsOn && d.deadlineSource === 'resolved'
          ? await this.findEvent(m, d.dependsOn)
          : null,
    });
    setDeadline(item, d.deadline);
    const saved = await this.changes.commit(
      m,
      item,
      'created',
      [{ field: 'created', from: null, to: d.kind }],
      {
        by: BY,
        documentId: d.documentId,
      },
    );
    await this.insertSource(m, saved.id, event, engine);
  }

  private async addSource(
    m: EntityManager,
    match: TrackedItemEntity,
    event: Extracted,
    engine: string,
  ): Promise<void> {
    const d = event.data;
    const item = await m.findOneOrFail(TrackedItemEntity, {
      where: { id: match.id },
      lock: { mode: 'pessimistic_write' },
    });
    await this.insertSource(m, item.id, event, engine);
    item.sourceCount += 1;
    const fields: FieldChange[] = [{ field: 'source', from: null, to: d.documentId }];
    const before = item.deadline;
    if (!item.deadlineManual) {
      const newer = await this.isNewestSource(m, item.id, d.published);
      const next = nextDeadline(before, d.deadline, newer);
      if (next !== before) {
        setDeadline(item, next);
        if (d.deadlineSource !== 'none') item.deadlineSource = d.deadlineSource;
        fields.push({ field: 'deadline', from: before, to: next });
      }
    }
    const saved = await this.changes.commit(
      m,
      item,
      before !== item.deadline ? 'deadline_changed' : 'source_added',
      fields,
      {
        by: BY,
        documentId: d.documentId,
      },
    );
    if (before !== saved.deadline && saved.kind === 'event') await this.moveDependents(m, saved);
  }

  /** Items whose deadline follows this event move with it (unless corrected by hand). */
  async moveDependents(m: EntityManager, eventItem: TrackedItemEntity): Promise<void> {
    const dependents = await m.find(TrackedItemEntity, {
      where: { dependsOn: eventItem.id, deadlineManual: false },
      lock: { mode: 'pessimistic_write' },
    });
    for (const dep of dependents) {
      const before = dep.deadline;
      if (before === eventItem.deadline) continue;
      setDeadline(dep, eventItem.deadline);
      dep.deadlineSource = 'resolved';
      await this.changes.commit(
        m,
        dep,
        'deadline_changed',
        [{ field: 'deadline', from: before, to: dep.deadline }],
        {
          by: 'system',
          note: `follows event ${eventItem.id}`,
        },
      );
    }
  }

  private async findEvent(
    m: EntityManager,
    meeting: { noun: string; place: string | null },
  ): Promise<string | null> {
    const qb = m
      .createQueryBuilder(TrackedItemEntity, 'i')
      .select('i.id', 'id')
      .where(`i.kind = 'event' AND i.meeting_noun = :noun`, { noun: meeting.noun })
      .orderBy('i.due_date', 'ASC', 'NULLS LAST')
      .limit(1);
    if (meeting.place) qb.andWhere('i.place = :place', { place: meeting.place });
    else qb.andWhere('(i.due_date IS NULL OR i.due_date >= CURRENT_DATE)');
    const row = await qb.getRawOne<{ id: string }>();
    return row?.id ?? null;
  }

  private async isNewestSource(
    m: EntityManager,
    itemId: string,
    published: string | null,
  ): Promise<boolean> {
    if (!published) return true;
    const [row] = (await m.query(
      `SELECT max(published)::text AS latest FROM ${quoteIdent(SCHEMA)}.item_sources WHERE item_id = $1`,
      [itemId],
    )) as { latest: string | null }[];
    return !row?.latest || published >= row.latest;
  }

  private async insertSource(
    m: EntityManager,
    itemId: string,
    event: Extracted,
    engine: string,
  ): Promise<void> {
    const d = event.data;
    await m.insert(ItemSourceEntity, {
      itemId,
      documentId: d.documentId,
      extractionIndex: d.index,
      engine,
      evidence: d.evidence.text,
      evidenceStart: d.evidence.start,
      evidenceEnd: d.evidence.end,
      published: d.published,
      language: d.language,
      confidence: d.confidence,
      deadline: d.deadline,
      eventId: event.id,
    });
  }
}

/** Events all share one lock (they match across hosts and places); others lock per kind and actor. */
function lockKey(d: Extracted['data']): string {
  return `register:${d.kind}:${d.kind === 'event' ? '' : actorKey(d.actor)}`;
}

function comparable(d: Extracted['data']): Comparable {
  return {
    kind: d.kind,
    actorKey: actorKey(d.actor),
    action: d.action,
    deadline: d.deadline,
    place: d.meeting?.place ?? null,
    meetingNoun: d.meeting?.noun ?? null,
    meetingOrdinal: d.meeting?.ordinal ?? null,
  };
}
