import { QueryFailedError } from 'typeorm';

/** Whether a query failed on a unique constraint (PostgreSQL 23505): someone else wrote that row first. */
export function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof QueryFailedError &&
    (err.driverError as { code?: string } | undefined)?.code === '23505'
  );
}
