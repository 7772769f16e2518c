import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTestDatabase, queryRows, type TestDatabase } from '@ct/testing';
import { serviceDataSourceOptions } from '../src/data-source-options';
import { assertMigrated, migrate, quoteIdent, schemaOf } from '../src/migrate';

/** A migration that takes a while, so that replicas starting together overlap in it. */
class CreateThings1700000000000 implements MigrationInterface {
  name = 'CreateThings1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pg_sleep(0.3)`);
    await q.query(`CREATE TABLE ${quoteIdent(schemaOf(q.connection))}.things (id int PRIMARY KEY)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${quoteIdent(schemaOf(q.connection))}.things`);
  }
}
class AddName1700000000001 implements MigrationInterface {
  name = 'AddName1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${quoteIdent(schemaOf(q.connection))}.things ADD COLUMN name text`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${quoteIdent(schemaOf(q.connection))}.things DROP COLUMN name`);
  }
}

class AddMore1700000000002 implements MigrationInterface {
  name = 'AddMore1700000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${quoteIdent(schemaOf(q.connection))}.things ADD COLUMN more text`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${quoteIdent(schemaOf(q.connection))}.things DROP COLUMN more`);
  }
}

describe('migrations', () => {
  let db: TestDatabase;
  const open = (migrations: (new () => MigrationInterface)[]) =>
    new DataSource(
      serviceDataSourceOptions({ url: db.url, schema: 'svc', entities: [], migrations }),
    ).initialize();

  beforeAll(async () => (db = await createTestDatabase('migrate')));
  afterAll(() => db?.drop());

  it('lets replicas that start at once take turns: each migration is applied once', async () => {
    const replicas = await Promise.all(
      [1, 2, 3].map(() => open([CreateThings1700000000000, AddName1700000000001])),
    );
    try {
      const applied = await Promise.all(replicas.map((r) => migrate(r)));
      expect(applied.flat().sort()).toEqual(['AddName1700000000001', 'CreateThings1700000000000']);
      const rows = await queryRows<{ name: string }>(
        db.url,
        `SELECT name FROM svc.migrations ORDER BY id`,
      );
      expect(rows.map((r) => r.name)).toEqual([
        'CreateThings1700000000000',
        'AddName1700000000001',
      ]);
    } finally {
      await Promise.all(replicas.map((r) => r.destroy()));
    }
  });

  it('refuses a schema behind its code, naming what is pending, and accepts it once migrated', async () => {
    const behind = await open([
      CreateThings1700000000000,
      AddName1700000000001,
      AddMore1700000000002,
    ]);
    try {
      await expect(assertMigrated(behind)).rejects.toThrow(
        'the svc schema is behind this version: 1 migration(s) pending (AddMore1700000000002)',
      );
      await migrate(behind);
      await expect(assertMigrated(behind)).resolves.toBeUndefined();
    } finally {
      await behind.destroy();
    }
  });
});
