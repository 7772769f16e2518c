import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';

export type DatabaseSslMode = 'disable' | 'require' | 'verify-full';

/**
 * The `ssl` setting of the PostgreSQL driver for DATABASE_SSL (and
 * DATABASE_SSL_CA_FILE): `require` encrypts but accepts any certificate (as
 * libpq's sslmode=require does), `verify-full` checks the chain and the host
 * name. The CA file is read here, at start-up, so a wrong path stops the
 * service with its name rather than failing at the first connection.
 */
export function databaseTls(
  mode: DatabaseSslMode = 'disable',
  caFile?: string,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): false | ConnectionOptions {
  if (mode === 'disable') {
    if (caFile) throw new Error('DATABASE_SSL_CA_FILE is set but DATABASE_SSL is disable');
    return false;
  }
  if (mode === 'require') return { rejectUnauthorized: false };
  if (!caFile) return { rejectUnauthorized: true };
  try {
    return { rejectUnauthorized: true, ca: read(caFile) };
  } catch (err) {
    throw new Error(
      `DATABASE_SSL_CA_FILE: cannot read ${caFile} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
}

/** DATABASE_SSL as found in a raw environment (the migrate command reads no schema). */
export function databaseTlsFromEnv(env: NodeJS.ProcessEnv): false | ConnectionOptions {
  const mode = env.DATABASE_SSL ?? 'disable';
  if (mode !== 'disable' && mode !== 'require' && mode !== 'verify-full')
    throw new Error(`DATABASE_SSL: one of disable, require, verify-full (not ${mode})`);
  return databaseTls(mode, env.DATABASE_SSL_CA_FILE);
}
