import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PrincipalEntity, Principals1764700000000 } from '@ct/access';
import { serviceDataSourceOptions } from '@ct/persistence';
import { SCHEMA, SERVICE } from '../config/dashboard.env';
import { StreamEvents1763900900000 } from './migrations/1763900900000-StreamEvents';
import { ItemSnapshots1763901000000 } from './migrations/1763901000000-ItemSnapshots';
import { CalendarLinks1764700200000 } from './migrations/1764700200000-CalendarLinks';

export function dashboardDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [PrincipalEntity],
    migrations: [
      StreamEvents1763900900000,
      ItemSnapshots1763901000000,
      Principals1764700000000,
      CalendarLinks1764700200000,
    ],
    applicationName: SERVICE,
  });
}

/** For the TypeORM CLI (migration:generate / revert). */
export default new DataSource(
  dashboardDataSourceOptions(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commitment_tracker',
  ),
);
