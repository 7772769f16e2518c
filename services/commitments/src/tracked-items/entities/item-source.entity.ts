import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { TrackedItemEntity } from './tracked-item.entity';

/** One document's mention of a tracked item, with the evidence for it. */
@Entity({ name: 'item_sources' })
export class ItemSourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @ManyToOne(() => TrackedItemEntity, (i) => i.sources, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  // Relation<> keeps the decorator metadata from naming the class: the two entities import each other.
  item?: Relation<TrackedItemEntity>;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'extraction_index', type: 'int' })
  extractionIndex!: number;

  /** Engine name@version that found it. */
  @Column({ type: 'text' })
  engine!: string;

  @Column({ type: 'text' })
  evidence!: string;

  @Column({ name: 'evidence_start', type: 'int' })
  evidenceStart!: number;

  @Column({ name: 'evidence_end', type: 'int' })
  evidenceEnd!: number;

  @Column({ type: 'date', nullable: true })
  published!: string | null;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'real' })
  confidence!: number;

  @Column({ name: 'deadline', type: 'text', nullable: true })
  deadline!: string | null;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
