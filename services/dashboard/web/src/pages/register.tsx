import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, send, service } from '../api';
import { KindBadge, StatusBadge } from '../components/status-badge';
import { DueRange, KindSelect } from '../components/filter-fields';
import { deadlineText, relative, statusName, STATUSES, todayIso } from '../format';
import { t, tn, type MessageKey } from '../i18n';
import { debounce, useLive } from '../live';
import { go, type Route } from '../route';
import type { Session } from '../session';
import type { ItemPage } from '../types';

const FILTERS = [
  'kind',
  'status',
  'actor',
  'overdue',
  'dueAfter',
  'dueBefore',
  'q',
  'sort',
] as const;
const PAGE = 50;
const SORTS: [string, MessageKey][] = [
  ['-created', 'register.sort.newest'],
  ['due', 'register.sort.dueSoonest'],
  ['-due', 'register.sort.dueLatest'],
  ['-updated', 'register.sort.changed'],
  ['updated', 'register.sort.changedLongAgo'],
];

type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function filtersOf(route: Route): Filters {
  const f: Filters = {};
  for (const k of FILTERS) {
    const v = route.query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/**
 * The tracked items with the API's own filters (GET /items), kept in the
 * address so a view can be shared; the commitments service pages and sorts.
 */
export function Register({ session, route }: { session: Session; route: Route }) {
  const filters = filtersOf(route);
  const today = todayIso();
  const offset = Number(route.query.get('offset') ?? 0) || 0;
  const key = JSON.stringify([filters, offset]);
  const [page, setPage] = useState<ItemPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Counts completed loads: lets a test or a benchmark tell when a change has been shown.
  const [loads, setLoads] = useState(0);
  const [calendarUrl, setCalendarUrl] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useMemo(
    () => () => {
      inFlight.current?.abort();
      const ctl = new AbortController();
      inFlight.current = ctl;
      setBusy(true);
      send<ItemPage>(service('commitmentsUrl'), '/items', {
        token: session.token,
        query: { ...filters, limit: PAGE, offset },
        signal: ctl.signal,
      })
        .then((p) => {
          setPage(p);
          setError(null);
          setLoads((n) => n + 1);
        })
        .catch((e: ApiError) => e.name !== 'AbortError' && setError(e.message))
        .finally(() => inFlight.current === ctl && setBusy(false));
    },
    [key, session.token],
  );
  useEffect(() => load(), [load]);
  const reload = useMemo(() => debounce(load, 500), [load]);
  useLive((e) => {
    if (e.type === 'commitment.changed.v1') reload();
  });

  const set = (patch: Filters) => {
    const next: Record<string, string | undefined> = { ...filters, ...patch };
    go('/register', next); // a new filter starts at the first page
  };

  const exportCsv = async () => {
    try {
      const blob = await send<Blob>('', '/api/export.csv', {
        token: session.token,
        query: filters,
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `commitments-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const calendar = async () => {
    try {
      const r = await send<{ url: string }>('', '/api/calendar-links', {
        method: 'POST',
        token: session.token,
        query: { actor: filters.actor, kind: filters.kind },
      });
      setCalendarUrl(r.url);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };

  return (
    <div class="register">
      <form
        class="filters"
        key={key}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          set(Object.fromEntries(FILTERS.map((k) => [k, (data.get(k) as string) || undefined])));
        }}
      >
        <label>
          {t('register.text')}
          <input
            name="q"
            type="search"
            defaultValue={filters.q ?? ''}
            placeholder={t('register.textHint')}
          />
        </label>
        <label>
          {t('common.actor')}
          <input
            name="actor"
            defaultValue={filters.actor ?? ''}
            placeholder={t('common.actorHint')}
          />
        </label>
        <KindSelect value={filters.kind} onChange={(kind) => set({ kind })} />
        <label>
          {t('common.status')}
          <select
            name="status"
            value={filters.status ?? ''}
            onChange={(e) => set({ status: e.currentTarget.value || undefined })}
          >
            <option value="">{t('common.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="overdue"
            value="true"
            checked={filters.overdue === 'true'}
            onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : undefined })}
          />
          {t('register.overdueOnly')}
        </label>
        <DueRange after={filters.dueAfter} before={filters.dueBefore} />
        <label>
          {t('register.sort')}
          <select
            name="sort"
            value={filters.sort ?? '-created'}
            onChange={(e) => set({ sort: e.currentTarget.value })}
          >
            {SORTS.map(([v, name]) => (
              <option key={v} value={v}>
                {t(name)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('register.apply')}</button>
        <a class="button secondary" href="#/register">
          {t('register.clear')}
        </a>
      </form>

      <div class="toolbar">
        <span data-testid="register-total" aria-busy={busy}>
          {page ? tn('register.total', page.total, { more: page.totalCapped ? '+' : '' }) : ''}
        </span>
        <span class="spacer" />
        <button type="button" class="secondary" onClick={exportCsv}>
          {t('register.export')}
        </button>
        <button type="button" class="secondary" onClick={calendar}>
          {t('register.calendar')}
        </button>
      </div>
      {calendarUrl && (
        <p class="notice">
          {t('register.calendarHint')}{' '}
          <input
            class="copy"
            readOnly
            value={calendarUrl}
            onFocus={(e) => e.currentTarget.select()}
          />{' '}
          <a href={calendarUrl} download="commitments.ics" data-testid="ics-link">
            {t('register.downloadIcs')}
          </a>
        </p>
      )}
      {error && <p class="error">{error}</p>}

      <table class="items" data-testid="register" data-loads={loads}>
        <thead>
          <tr>
            <th scope="col">{t('common.actor')}</th>
            <th scope="col">{t('register.action')}</th>
            <th scope="col">{t('common.kind')}</th>
            <th scope="col">{t('common.status')}</th>
            <SortHeader
              name={t('common.deadline')}
              sort={filters.sort}
              asc="due"
              desc="-due"
              first="due"
              onSort={(sort) => set({ sort })}
            />
            <th scope="col">{t('common.owner')}</th>
            <SortHeader
              name={t('register.changed')}
              sort={filters.sort}
              asc="updated"
              desc="-updated"
              first="-updated"
              onSort={(sort) => set({ sort })}
            />
          </tr>
        </thead>
        <tbody>
          {page?.items.map((i) => (
            <tr key={i.id} class={i.overdue ? 'overdue' : ''} onClick={() => go(`/items/${i.id}`)}>
              <td>
                {i.actor}
                {i.canonicalActor && i.canonicalActor !== i.actor ? (
                  <small class="canonical"> · {i.canonicalActor}</small>
                ) : null}
              </td>
              <td>
                <a href={`#/items/${i.id}`}>{i.action}</a>
              </td>
              <td>
                <KindBadge kind={i.kind} />
              </td>
              <td>
                <StatusBadge status={i.status} overdue={i.overdue} />
              </td>
              <td class="date">{deadlineText(i.deadline)}</td>
              <td>{i.owner ?? ''}</td>
              <td class="date muted">{relative(today, i.updatedAt.slice(0, 10))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.items.length === 0 && <p class="muted">{t('register.nothing')}</p>}

      {page && (
        <nav class="pager">
          <button
            type="button"
            disabled={offset === 0}
            onClick={() =>
              go('/register', { ...filters, offset: String(Math.max(0, offset - PAGE)) })
            }
          >
            ← {t('register.previous')}
          </button>
          <span>
            {t('register.range', {
              from: page.total === 0 ? 0 : offset + 1,
              to: offset + page.items.length,
              total: page.total,
              more: page.totalCapped ? '+' : '',
            })}
          </span>
          <button
            type="button"
            disabled={offset + PAGE >= page.total}
            onClick={() => go('/register', { ...filters, offset: String(offset + PAGE) })}
          >
            {t('register.next')} →
          </button>
        </nav>
      )}
    </div>
  );
}

/**
 * A column header that sorts the register by one of the API's sorts: a
 * button (keyboard and screen readers reach it), aria-sort saying the order
 * shown; a first press sorts by `first`, the next turns the order round.
 */
function SortHeader({
  name,
  sort,
  asc,
  desc,
  first,
  onSort,
}: {
  name: string;
  sort: string | undefined;
  asc: string;
  desc: string;
  first: string;
  onSort: (sort: string) => void;
}) {
  const state = sort === asc ? 'ascending' : sort === desc ? 'descending' : 'none';
  const next = state === 'ascending' ? desc : state === 'descending' ? asc : first;
  return (
    <th scope="col" aria-sort={state}>
      <button
        type="button"
        class="sort"
        data-testid={`sort-${asc}`}
        onClick={() => onSort(next)}
        title={t('register.sortBy', { column: name })}
      >
        {name}
        <span aria-hidden="true">
          {state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}
