import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PrincipalEntity, Principals1764700000000 } from '@ct/access';
import { serviceDataSourceOptions } from '@ct/persistence';
import { SCHEMA, SERVICE } from '../config/ingestion.env';
import { DocumentEntity } from '../documents/entities/document.entity';
import { CreateDocuments1763900000000 } from './migrations/1763900000000-CreateDocuments';
import { DocumentProvenance1763900600000 } from './migrations/1763900600000-DocumentProvenance';
import { DocumentCorrections1764600000000 } from './migrations/1764600000000-DocumentCorrections';
import { DocumentSender1764700100000 } from './migrations/1764700100000-DocumentSender';

export const ENTITIES = [DocumentEntity, PrincipalEntity];
export const MIGRATIONS = [
  CreateDocuments1763900000000,
  DocumentProvenance1763900600000,
  DocumentCorrections1764600000000,
  Principals1764700000000,
  DocumentSender1764700100000,
];

export function ingestionDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    applicationName: SERVICE,
  });
}

/** For the TypeORM CLI (migration:generate / revert). */
export default new DataSource(
  ingestionDataSourceOptions(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commitment_tracker',
  ),
);
