import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { COMMITMENT_CHANGED, type CommitmentChangedData, type EventOf } from '@ct/contracts';
import { claimEvent, OutboxRelay, OutboxWriter } from '@ct/messaging';
import { CONSUMER_GROUP, SCHEMA } from '../config/commitments.env';
import { parseDeadline } from './deadline';
import { ItemSourceEntity } from './entities/item-source.entity';
import { TrackedItemEntity } from './entities/tracked-item.entity';

const INITIAL_STATUS = { mandate: 'open', pledge: 'open', event: 'scheduled' } as const;

@Injectable()
export class ItemsService {
  private readonly logger = new Logger(ItemsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Register an extracted commitment as a tracked item with its source, and
   * announce it, all in one transaction. The event is claimed first, and a
   * source already recorded (same document, engine and position) is not
   * recorded again, so redeliveries and replays change nothing.
   */
  async onCommitmentExtracted(event: EventOf<'commitment.extracted.v1'>): Promise<void> {
    const d = event.data;
    const engine = `${d.engine.name}@${d.engine.version}`;
    const itemId = await this.dataSource.transaction(async (m) => {
      if (!(await claimEvent(m, SCHEMA, CONSUMER_GROUP, event.id))) return null;
      const known = await m.findOneBy(ItemSourceEntity, {
        documentId: d.documentId,
        engine,
        extractionIndex: d.index,
      });
      if (known) return null;
      const deadline = parseDeadline(d.deadline);
      const item = await m.save(
        m.create(TrackedItemEntity, {
          kind: d.kind,
          actor: d.actor,
          action: d.action,
          status: INITIAL_STATUS[d.kind],
          deadline: d.deadline,
          deadlinePrecision: deadline?.precision ?? null,
          dueDate: deadline?.dueDate ?? null,
          deadlineSource: d.deadlineSource,
          owner: null,
          version: 1,
        }),
      );
      await m.insert(ItemSourceEntity, {
        itemId: item.id,
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
      await this.announce(m, item, 'created', 1);
      return item.id;
    });
    if (itemId) {
      this.logger.log({ itemId, documentId: d.documentId }, 'tracked item created');
      this.relay.nudge();
    }
  }

  private async announce(
    m: EntityManager,
    item: TrackedItemEntity,
    change: CommitmentChangedData['change'],
    sourceCount: number,
  ): Promise<void> {
    await this.outbox.append(
      m,
      COMMITMENT_CHANGED,
      {
        itemId: item.id,
        version: item.version,
        change,
        kind: item.kind,
        actor: item.actor,
        action: item.action,
        status: item.status,
        deadline: item.deadline,
        deadlineSource: item.deadlineSource,
        dueDate: item.dueDate,
        owner: item.owner,
        sourceCount,
        changedAt: item.updatedAt.toISOString(),
      },
      { subject: `items/${item.id}` },
    );
  }

  async list(limit: number, offset: number) {
    const [items, total] = await this.dataSource.getRepository(TrackedItemEntity).findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<TrackedItemEntity> {
    const item = await this.dataSource.getRepository(TrackedItemEntity).findOne({
      where: { id },
      relations: { sources: true },
    });
    if (!item) throw new NotFoundException(`item ${id} not found`);
    return item;
  }
}
