import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * An open transaction, as services hold it: a handle they pass to
 * repositories (and to the outbox and the processed-events claim), never one
 * they query with. Only `*.repository.ts` files may look inside (lint).
 */
export type Transaction = EntityManager;

/** Runs work in one transaction; the way a service without a repository of its own starts one. */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

/**
 * Transaction-scoped advisory locks on these keys, taken in the order of
 * their hashes (the lock identity), so that concurrent transactions locking
 * overlapping sets cannot deadlock.
 */
export async function advisoryLocks(tx: Transaction, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(h) FROM (
       SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1
     ) locks`,
    [keys],
  );
}
