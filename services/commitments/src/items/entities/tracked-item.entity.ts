import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
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

  /** Incremented on every change; carried in commitment.changed for ordering. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => ItemSourceEntity, (s) => s.item)
  sources?: ItemSourceEntity[];
}
