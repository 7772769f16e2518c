import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change to who may do what: a user or API key created, changed, disabled, deleted or revoked. */
@Entity({ name: 'access_audit' })
export class AccessAuditEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** Who made the change (`system` for the first admin). */
  @Column({ name: 'by_principal', type: 'text' })
  byPrincipal!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;
}
