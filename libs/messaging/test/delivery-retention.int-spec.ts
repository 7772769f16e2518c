import { DataSource } from 'typeorm';
import { createTestDatabase, queryRows, type TestDatabase } from '@ct/testing';
import { createDeliveryTablesSql } from '../src/outbox/outbox.sql';
import { DeliveryRetention } from '../src/outbox/delivery-retention';
import { OutboxRepository } from '../src/outbox/outbox.repository';

/** The outbox and processed-event claims are pruned by age, and only what is safe to forget. */
describe(DeliveryRetention.name, () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('delivery_retention');
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ds.query('CREATE SCHEMA kept');
    for (const sql of createDeliveryTablesSql('kept')) await ds.query(sql);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('deletes published outbox rows and claims past their retention, and nothing unpublished or recent', async () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
    await ds.query(
      `INSERT INTO kept.outbox (event_id, topic, key, payload, created_at, published_at) VALUES
        ('old-sent', 't', null, '{}', $1, $1),
        ('old-unsent', 't', null, '{}', $1, null),
        ('recent-sent', 't', null, '{}', $2, $2)`,
      [hoursAgo(30), hoursAgo(2)],
    );
    await ds.query(
      `INSERT INTO kept.processed_events (consumer, event_id, processed_at) VALUES
        ('c', 'claimed-9-days-ago', $1), ('c', 'claimed-7-days-ago', $2)`,
      [hoursAgo(9 * 24), hoursAgo(7 * 24)],
    );
    const options = {
      service: 'test',
      brokers: [],
      outboxSchema: 'kept',
      retention: { outboxHours: 24, processedDays: 8 },
    };
    const sut = new DeliveryRetention(new OutboxRepository(ds, options), options);
    expect(await sut.prune(now)).toEqual({ outbox: 1, processed: 1 });
    expect(
      (
        await queryRows<{ event_id: string }>(
          db.url,
          'SELECT event_id FROM kept.outbox ORDER BY seq',
        )
      ).map((r) => r.event_id),
    ).toEqual(['old-unsent', 'recent-sent']);
    expect(
      (
        await queryRows<{ event_id: string }>(db.url, 'SELECT event_id FROM kept.processed_events')
      ).map((r) => r.event_id),
    ).toEqual(['claimed-7-days-ago']);
    expect(await sut.prune(now)).toEqual({ outbox: 0, processed: 0 });
  });
});
