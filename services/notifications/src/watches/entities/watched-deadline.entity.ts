import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * This service's own copy of what it needs to alert on an item, kept from
 * commitment.changed events (it never reads the commitments service's tables).
 */
@Entity({ name: 'watched_deadlines' })
export class WatchedDeadlineEntity {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  /** The item version this row reflects; older events never overwrite newer ones. */
  @Column({ name: 'item_version', type: 'int' })
  itemVersion!: number;

  /** When the register made the change stored here (the event's changedAt). */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
