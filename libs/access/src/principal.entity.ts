import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApiKeyScope, UserRole } from '@ct/contracts';

/**
 * A user or API key as the commitments service last announced it
 * (principal.changed): a service that keeps no users checks callers here.
 */
@Entity({ name: 'principals' })
export class PrincipalEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: 'user' | 'api-key';

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: UserRole;

  @Column({ type: 'text', array: true })
  actors!: string[];

  @Column({ type: 'text', array: true })
  scopes!: ApiKeyScope[];

  @Column({ name: 'key_hash', type: 'char', length: 64, nullable: true })
  keyHash!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
