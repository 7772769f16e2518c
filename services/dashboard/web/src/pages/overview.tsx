import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, send } from '../api';
import { KindBadge, StatusBadge } from '../components/status-badge';
import { Timeline } from '../components/timeline';
import {
  changeName,
  deadlineText,
  reasonName,
  relative,
  statusName,
  STATUSES,
  when,
} from '../format';
import { t, tn } from '../i18n';
import { debounce, useLive } from '../live';
import type { Session } from '../session';
import type { ChangedEvent, Overview as OverviewData } from '../types';

/** Counts, what is overdue, the year ahead, and changes as they happen. */
export function Overview({ session }: { session: Session }) {
  const [data, setData] = useState<OverviewData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<ChangedEvent[]>([]);

  const load = useMemo(
    () => () =>
      send<OverviewData>('', '/api/overview', { token: session.token })
        .then((d) => {
          setData(d);
          setError(null);
        })
        .catch((e: ApiError) => setError(e.message)),
    [session.token],
  );
  const reload = useMemo(() => debounce(load, 250), [load]);
  useEffect(() => void load(), [load]);
  useLive((e) => {
    setLive((l) => [e, ...l].slice(0, 25));
    reload();
  });

  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="loading">{t('common.loading')}</p>;
  const recent = [...live, ...data.recent.map((r) => r.event)]
    .filter((e, i, all) => all.findIndex((o) => o.id === e.id) === i)
    .slice(0, 25);
  const max = Math.max(1, ...Object.values(data.byStatus));
  return (
    <div class="overview">
      <section class="cards">
        <a class="card" href="#/register">
          <span class="figure" data-testid="total">
            {data.total}
          </span>
          {tn('overview.tracked', data.total)}
        </a>
        <a class="card alarm" href="#/register?overdue=true&sort=due">
          <span class="figure" data-testid="overdue">
            {data.overdue}
          </span>
          {t('overview.overdue')}
        </a>
        {(['mandate', 'pledge', 'event'] as const).map((k) => (
          <a class="card" href={`#/register?kind=${k}`} key={k}>
            <span class="figure" data-testid={`kind-${k}`}>
              {data.byKind[k] ?? 0}
            </span>
            {t(`overview.kinds.${k}`)}
          </a>
        ))}
      </section>

      <section>
        <h2>{t('overview.byStatus')}</h2>
        <div class="bars">
          {STATUSES.filter((s) => data.byStatus[s]).map((s) => (
            <a class="bar-row" href={`#/register?status=${s}`} key={s}>
              <span class="bar-label">{statusName(s)}</span>
              <span
                class={`bar status-${s}`}
                style={{ width: `${(100 * data.byStatus[s]) / max}%` }}
              />
              <span class="bar-value" data-testid={`status-${s}`}>
                {data.byStatus[s]}
              </span>
            </a>
          ))}
        </div>
      </section>

      <section>
        <h2>{t('overview.nextYear')}</h2>
        <p class="legend">
          <span class="dot kind-mandate" /> {t('kind.mandate')} <span class="dot kind-pledge" />{' '}
          {t('kind.pledge')} <span class="diamond" /> {t('overview.summitOrMeeting')}
        </p>
        <Timeline today={data.today} items={data.upcoming} />
        <ol class="upcoming">
          {data.upcoming.slice(0, 8).map((i) => (
            <li key={i.itemId}>
              <a href={`#/items/${i.itemId}`}>
                <span class="date">{deadlineText(i.deadline ?? i.dueDate)}</span>
                <KindBadge kind={i.kind} /> <strong>{i.actor}</strong> — {i.action}
                <span class="muted"> ({relative(data.today, i.dueDate)})</span>
              </a>
            </li>
          ))}
        </ol>
      </section>

      <section>
        <h2>
          {t('overview.latest')} <span class="live-dot" title={t('overview.live')} />
        </h2>
        <ul class="changes" data-testid="changes">
          {recent.map((e) => (
            <li key={e.id}>
              <span class="muted">{when(e.time)}</span>{' '}
              {e.type === 'alert.raised.v1' ? (
                <span class="badge alert">{t('overview.alert')}</span>
              ) : (
                <StatusBadge status={e.data.status} />
              )}{' '}
              <a href={`#/items/${e.data.itemId}`}>
                {e.data.actor} — {e.data.action}
              </a>{' '}
              <span class="muted">
                {e.type === 'alert.raised.v1'
                  ? reasonName(e.data.reason)
                  : changeName(e.data.change)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
