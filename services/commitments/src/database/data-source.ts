import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@ct/persistence';
import { SCHEMA, SERVICE } from '../config/commitments.env';
import { ItemSourceEntity } from '../tracked-items/entities/item-source.entity';
import { TrackedItemEntity } from '../tracked-items/entities/tracked-item.entity';
import { ApiKeyEntity } from '../auth/entities/api-key.entity';
import { UserEntity } from '../auth/entities/user.entity';
import { ItemCommentEntity } from '../tracked-items/entities/item-comment.entity';
import { ItemHistoryEntity } from '../tracked-items/entities/item-history.entity';
import { CreateTrackedItems1763900100000 } from './migrations/1763900100000-CreateTrackedItems';
import { RegisterLifecycleAuth1763900300000 } from './migrations/1763900300000-RegisterLifecycleAuth';
import { ListIndexes1763900400000 } from './migrations/1763900400000-ListIndexes';
import { BulkRegistration1763900500000 } from './migrations/1763900500000-BulkRegistration';
import { Retraction1763900700000 } from './migrations/1763900700000-Retraction';
import { AccessControl1764700000000 } from './migrations/1764700000000-AccessControl';
import { ItemReference1764800000000 } from './migrations/1764800000000-ItemReference';
import { AccessAuditEntity } from '../auth/entities/access-audit.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';

export function commitmentsDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [
      TrackedItemEntity,
      ItemSourceEntity,
      ItemHistoryEntity,
      ItemCommentEntity,
      UserEntity,
      ApiKeyEntity,
      AccessAuditEntity,
      RefreshTokenEntity,
    ],
    migrations: [
      CreateTrackedItems1763900100000,
      RegisterLifecycleAuth1763900300000,
      ListIndexes1763900400000,
      BulkRegistration1763900500000,
      Retraction1763900700000,
      AccessControl1764700000000,
      ItemReference1764800000000,
    ],
    applicationName: SERVICE,
  });
}

/** For the TypeORM CLI (migration:generate / revert). */
export default new DataSource(
  commitmentsDataSourceOptions(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commitment_tracker',
  ),
);
