import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentOrigin } from '@ct/contracts';

export type { DocumentOrigin };

@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ type: 'date', nullable: true })
  published!: string | null;

  /** How precisely the publication date is known (null: to the day, when there is one). */
  @Column({ name: 'published_precision', type: 'text', nullable: true })
  publishedPrecision!: 'year' | 'month' | 'day' | null;

  /** How many times its publication date or language was corrected (each a new reading). */
  @Column({ type: 'int', default: 0 })
  revision!: number;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl!: string | null;

  @Column({ name: 'media_type', type: 'text', default: 'text/plain' })
  mediaType!: string;

  /** The way it came in: api (JSON text), upload, folder, feed or cli. */
  @Column({ type: 'text', default: 'api' })
  origin!: DocumentOrigin;

  /** Who sent it (a user's email or `api-key:<name>`); null for the watched folder and feeds. */
  @Column({ name: 'received_by', type: 'text', nullable: true })
  receivedBy!: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  /** SHA-256 of the original file's bytes, when it came as a file. */
  @Column({ name: 'file_hash', type: 'char', length: 64, nullable: true })
  fileHash!: string | null;

  /** SHA-256 of the normalised text: the same text is stored once. */
  @Column({ name: 'content_hash', type: 'char', length: 64, unique: true })
  contentHash!: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'extracted_at', type: 'timestamptz', nullable: true })
  extractedAt!: Date | null;

  @Column({ name: 'engine_version', type: 'text', nullable: true })
  engineVersion!: string | null;

  @Column({ name: 'commitment_count', type: 'int', nullable: true })
  commitmentCount!: number | null;
}
