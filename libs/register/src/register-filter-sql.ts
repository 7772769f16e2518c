import { keysMeant } from '@ct/actors';
import { CLOSED_STATUSES, registerActorKeysFor, type RegisterFilter } from '@ct/contracts';

/** A filter compiled for one table: the WHERE conditions, their parameters, the ORDER BY. */
export interface CompiledFilter {
  where: string[];
  params: unknown[];
  orderBy: string;
  /** Adds a parameter and returns its placeholder, for conditions a caller adds. */
  bind(value: unknown): string;
}

// Spelled out as literals, like the partial indexes over open items, so that
// the planner can use them (a bound array would hide the list from it).
const CLOSED_SQL = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The register's filters as SQL over a table of tracked items: the
 * commitments service's `tracked_items` and the dashboard's `item_snapshots`
 * share the columns it reads (kind, status, actor, actor_key, action,
 * due_date, created_at); the column of the last change is named by the
 * caller. Every value is a bound parameter. Items without a due date sort last
 * ascending and first descending; ties go by `tieBreak`.
 */
export function compileRegisterFilter(
  f: RegisterFilter,
  today: string,
  columns: { alias?: string; changedAt: string; tieBreak: string },
): CompiledFilter {
  const a = columns.alias ? `${columns.alias}.` : '';
  const params: unknown[] = [];
  const bind = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  const open = `${a}status NOT IN (${CLOSED_SQL})`;
  if (f.kind) where.push(`${a}kind = ${bind(f.kind)}`);
  if (f.status) where.push(`${a}status = ${bind(f.status)}`);
  if (f.actor) {
    // "Kazakhstan", "Казахстан" and "KZ" find the items the register keeps under @KZ too.
    const keys = registerActorKeysFor(f.actor, keysMeant(f.actor));
    where.push(`${a}actor_key = ANY(${bind(keys)}::text[])`);
  }
  if (f.dueBefore) where.push(`${a}due_date <= ${bind(f.dueBefore)}`);
  if (f.dueAfter) where.push(`${a}due_date >= ${bind(f.dueAfter)}`);
  if (f.q) where.push(`(${a}action || ' ' || ${a}actor) ILIKE ${bind(`%${escapeLike(f.q)}%`)}`);
  if (f.open !== undefined) where.push(f.open ? open : `${a}status IN (${CLOSED_SQL})`);
  if (f.overdue !== undefined) {
    const overdue = `(${a}due_date < ${bind(today)} AND ${open})`;
    where.push(f.overdue ? overdue : `(NOT ${overdue} OR ${a}due_date IS NULL)`);
  }
  const sorts: Record<RegisterFilter['sort'], string> = {
    due: `${a}due_date ASC NULLS LAST`,
    '-due': `${a}due_date DESC NULLS FIRST`,
    created: `${a}created_at ASC`,
    '-created': `${a}created_at DESC`,
    updated: `${a}${columns.changedAt} ASC`,
    '-updated': `${a}${columns.changedAt} DESC`,
  };
  return { where, params, bind, orderBy: `${sorts[f.sort]}, ${a}${columns.tieBreak} ASC` };
}

/** A LIKE pattern's own wildcards, escaped, so that a search for "50%" means the text. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `WHERE a AND b`, or nothing. */
export function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}
