import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The audit trail: who changed what on an item, when, from what to what, and why. */
@Entity({ name: 'item_history' })
export class ItemHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** A user's email, an API key's name, or "extraction" / "system". */
  @Column({ type: 'text' })
  by!: string;

  @Column({ type: 'text' })
  field!: string;

  @Column({ name: 'from_value', type: 'text', nullable: true })
  fromValue!: string | null;

  @Column({ name: 'to_value', type: 'text', nullable: true })
  toValue!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The document a change came from, for changes made by extraction. */
  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId!: string | null;
}
