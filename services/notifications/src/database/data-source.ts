import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PrincipalEntity, Principals1764700000000 } from '@ct/access';
import { serviceDataSourceOptions } from '@ct/persistence';
import { SCHEMA, SERVICE } from '../config/notifications.env';
import { WatchedDeadlineEntity } from '../watches/entities/watched-deadline.entity';
import { CreateWatchedDeadlines1763900200000 } from './migrations/1763900200000-CreateWatchedDeadlines';
import { Alerts1763900800000 } from './migrations/1763900800000-Alerts';
import { WeeklyDigest1765100000000 } from './migrations/1765100000000-WeeklyDigest';

export function notificationsDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [WatchedDeadlineEntity, PrincipalEntity],
    migrations: [
      CreateWatchedDeadlines1763900200000,
      Alerts1763900800000,
      Principals1764700000000,
      WeeklyDigest1765100000000,
    ],
    applicationName: SERVICE,
  });
}

/** For the TypeORM CLI (migration:generate / revert). */
export default new DataSource(
  notificationsDataSourceOptions(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commitment_tracker',
  ),
);
