import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PrincipalChangedData } from '@ct/contracts';
import { PrincipalEntity } from './principal.entity';

/** The principals table: the only code that reads or writes it. */
@Injectable()
export class PrincipalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Keep each principal's newest announced state: a change older than (or
   * as old as) the stored one is ignored, so replays and duplicates are harmless.
   */
  async apply(changes: PrincipalChangedData[]): Promise<void> {
    const newest = new Map<string, PrincipalChangedData>();
    for (const c of changes) {
      const seen = newest.get(c.principalId);
      if (!seen || seen.version < c.version) newest.set(c.principalId, c);
    }
    if (newest.size === 0) return;
    const table = this.dataSource.getMetadata(PrincipalEntity).tablePath;
    // A key hash moves with its principal; one left on a retired row is cleared first.
    await this.dataSource.query(
      `INSERT INTO ${table} AS p (id, kind, version, active, name, role, actors, scopes, key_hash, changed_at)
       SELECT c."principalId", c.kind, c.version, c.active, c.name, c.role,
              ARRAY(SELECT jsonb_array_elements_text(c.actors)),
              ARRAY(SELECT jsonb_array_elements_text(c.scopes)),
              c."keyHash", c."changedAt"
         FROM jsonb_to_recordset($1::jsonb) AS c("principalId" uuid, kind text, version int, active boolean,
              name text, role text, actors jsonb, scopes jsonb, "keyHash" text, "changedAt" timestamptz)
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, active = EXCLUDED.active, name = EXCLUDED.name,
         role = EXCLUDED.role, actors = EXCLUDED.actors, scopes = EXCLUDED.scopes,
         key_hash = EXCLUDED.key_hash, changed_at = EXCLUDED.changed_at
       WHERE p.version < EXCLUDED.version`,
      [JSON.stringify([...newest.values()])],
    );
  }

  byId(id: string): Promise<PrincipalEntity | null> {
    return this.dataSource.getRepository(PrincipalEntity).findOneBy({ id });
  }

  byKeyHash(keyHash: string): Promise<PrincipalEntity | null> {
    return this.dataSource.getRepository(PrincipalEntity).findOneBy({ keyHash });
  }
}
