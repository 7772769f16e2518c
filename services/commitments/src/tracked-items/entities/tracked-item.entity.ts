import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { CommitmentStatus } from '@ct/contracts';
import type { DeadlinePrecision } from '../deadline';
import { ItemSourceEntity } from './item-source.entity';

@Entity({ name: 'tracked_items' })
export class TrackedItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: 'mandate' | 'pledge' | 'event';

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  status!: CommitmentStatus;

  /** As the text gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  @Column({ type: 'text', nullable: true })
  deadline!: string | null;

  @Column({ name: 'deadline_precision', type: 'text', nullable: true })
  deadlinePrecision!: DeadlinePrecision | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'deadline_source', type: 'text' })
  deadlineSource!: 'explicit' | 'resolved' | 'none';

  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  /** Actor in comparable form, for matching. */
  @Column({ name: 'actor_key', type: 'text', default: '' })
  actorKey!: string;

  /**
   * The number the declaration gives the clause ("12", "III.4"), set by a
   * coordinator. Optional like every column registration does not set.
   */
  @Column({ type: 'text', nullable: true })
  reference?: string | null;

  /** For events: where, and which meeting. */
  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ name: 'meeting_noun', type: 'text', nullable: true })
  meetingNoun!: string | null;

  @Column({ name: 'meeting_ordinal', type: 'int', nullable: true })
  meetingOrdinal!: number | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  /** Set by a coordinator's correction; later extractions leave the field alone. */
  @Column({ name: 'action_manual', type: 'boolean', default: false })
  actionManual!: boolean;

  @Column({ name: 'deadline_manual', type: 'boolean', default: false })
  deadlineManual!: boolean;

  /** The event item whose date this item's deadline follows. */
  @Column({ name: 'depends_on', type: 'uuid', nullable: true })
  dependsOn!: string | null;

  @Column({ name: 'source_count', type: 'int', default: 0 })
  sourceCount!: number;

  /** The newest publication date among its sources: a source at least as new may move the deadline. */
  @Column({ name: 'latest_published', type: 'date', nullable: true })
  latestPublished!: string | null;

  /** Incremented on every change; carried in commitment.changed for ordering. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => ItemSourceEntity, (s) => s.item)
  sources?: Relation<ItemSourceEntity>[];
}
