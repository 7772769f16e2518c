import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyScope } from '@ct/contracts';
import type { Role } from '../principal';

/** A machine client's key; only its SHA-256 is stored. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  actors!: string[];

  /** What the key may do on the other services: `ingest` adds documents, `read` reads them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  scopes!: ApiKeyScope[];

  /** Grows with every change, so the other services keep the newest state. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
