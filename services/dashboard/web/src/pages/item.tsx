import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, send, service } from '../api';
import { Evidence } from '../components/evidence';
import { KindBadge, StatusBadge } from '../components/status-badge';
import {
  deadlineText,
  documentName,
  fieldName,
  historyValue,
  kindName,
  relative,
  statusName,
  todayIso,
  when,
} from '../format';
import { percent, t, type MessageKey } from '../i18n';
import { useLive } from '../live';
import { mayAct, type Session } from '../session';
import type { DocumentView, ItemDetail } from '../types';

const SOURCE_OF_DEADLINE: Record<string, MessageKey> = {
  explicit: 'item.deadlineStated',
  resolved: 'item.deadlineResolved',
  none: 'item.deadlineNone',
};

/** One item: what, who, by when and why we think so, its history, and what a coordinator may do. */
export function ItemPage({ session, id }: { session: Session; id: string }) {
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [docs, setDocs] = useState<Record<string, DocumentView | string>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useMemo(
    () => () =>
      send<ItemDetail>(service('commitmentsUrl'), `/items/${id}`, { token: session.token })
        .then((i) => {
          setItem(i);
          setError(null);
        })
        .catch((e: ApiError) => setError(e.message)),
    [id, session.token],
  );
  useEffect(() => void load(), [load]);
  useLive((e) => {
    if (e.data.itemId === id && e.type === 'commitment.changed.v1') void load();
  });

  const documentIds = item ? [...new Set(item.sources.map((s) => s.documentId))] : [];
  useEffect(() => {
    for (const d of documentIds) {
      if (docs[d]) continue;
      send<DocumentView>(service('ingestionUrl'), `/documents/${d}`, { token: session.token })
        .then((doc) => setDocs((m) => ({ ...m, [d]: doc })))
        .catch((e: ApiError) => setDocs((m) => ({ ...m, [d]: e.message })));
    }
  }, [documentIds.join()]);

  if (error) return <p class="error">{error}</p>;
  if (!item) return <p class="loading">{t('common.loading')}</p>;
  const today = todayIso();
  return (
    <article class="item" data-testid="item">
      <header>
        <p>
          <KindBadge kind={item.kind} /> <StatusBadge status={item.status} overdue={item.overdue} />
        </p>
        <h1>{item.action}</h1>
        <dl class="facts">
          <dt>{t('common.actor')}</dt>
          <dd>
            <a href={`#/register?actor=${encodeURIComponent(item.actor)}`}>{item.actor}</a>
            {item.canonicalActor && item.canonicalActor !== item.actor ? (
              <small class="canonical"> · {item.canonicalActor}</small>
            ) : null}
          </dd>
          <dt>{t('common.deadline')}</dt>
          <dd data-testid="deadline">
            {deadlineText(item.deadline)}
            {item.dueDate && <span class="muted"> ({relative(today, item.dueDate)})</span>}
            <br />
            <span class="muted">
              {t(
                item.manual.deadline
                  ? 'item.deadlineManual'
                  : SOURCE_OF_DEADLINE[item.deadlineSource],
              )}
            </span>
          </dd>
          {item.place && (
            <>
              <dt>{t('item.place')}</dt>
              <dd>{item.place}</dd>
            </>
          )}
          <dt>{t('common.owner')}</dt>
          <dd>{item.owner ?? <span class="muted">{t('item.nobody')}</span>}</dd>
          <dt>{t('item.clause')}</dt>
          <dd data-testid="reference">
            {item.reference ?? <span class="muted">{t('item.notRecorded')}</span>}
          </dd>
          <dt>{t('item.sources')}</dt>
          <dd>{item.sourceCount}</dd>
        </dl>
      </header>

      {mayAct(session) && item.mayChange && <Actions item={item} session={session} onDone={load} />}
      {mayAct(session) && <Subscribe item={item} session={session} />}

      {(item.dependsOn || item.dependents.length > 0) && (
        <section>
          <h2>{t('item.dependencies')}</h2>
          {item.dependsOn && (
            <p>
              {t('item.follows')} <a href={`#/items/${item.dependsOn}`}>{t('item.thisEvent')}</a>
            </p>
          )}
          {item.dependents.length > 0 && (
            <ul>
              {item.dependents.map((d) => (
                <li key={d.id}>
                  <a href={`#/items/${d.id}`}>
                    {d.actor} ({kindName(d.kind)})
                  </a>{' '}
                  — {t('item.due', { date: deadlineText(d.deadline) })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section>
        <h2>{t('item.comesFrom')}</h2>
        {item.sources.map((s, n) => {
          const doc = docs[s.documentId];
          return (
            <div class="source" key={`${s.documentId}-${n}`} data-testid="source">
              <h3>
                {typeof doc === 'object'
                  ? documentName({ title: doc.title, fileName: doc.fileName })
                  : t('item.document')}
                <span class="muted">
                  {' '}
                  · {s.language} · {s.published ?? t('item.dateUnknown')} ·{' '}
                  {t('item.confidence', { percent: percent(s.confidence) })}
                  {s.deadline
                    ? ` · ${t('item.deadlineThere', { date: deadlineText(s.deadline) })}`
                    : ''}
                </span>
              </h3>
              <p class="no-print">
                <a href={`#/report?document=${s.documentId}`} data-testid="document-report">
                  {t('item.reportForDocument')}
                </a>
              </p>
              {typeof doc === 'object' ? (
                <Evidence text={doc.text} evidence={s.evidence} />
              ) : (
                <>
                  <blockquote class="evidence">{s.evidence.text}</blockquote>
                  {typeof doc === 'string' && (
                    <p class="muted">{t('item.textUnavailable', { reason: doc })}</p>
                  )}
                </>
              )}
            </div>
          );
        })}
      </section>

      <section>
        <h2>{t('item.history')}</h2>
        <table class="history">
          <tbody>
            {item.history.map((h, n) => (
              <tr key={n}>
                <td class="muted">{when(h.at)}</td>
                <td>{h.by}</td>
                <td>
                  {fieldName(h.field)}: {historyValue(h.field, h.from)} →{' '}
                  <strong>{historyValue(h.field, h.to)}</strong>
                  {h.note && <div class="note">“{h.note}”</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {item.comments.length > 0 && (
          <ul class="comments">
            {item.comments.map((c, n) => (
              <li key={n}>
                <span class="muted">
                  {when(c.at)} · {c.author}
                </span>
                <p>{c.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = async (what: string, call: () => Promise<unknown>) => {
    setError(null);
    setSaved(null);
    try {
      await call();
      setSaved(what);
      onDone();
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  return { error, saved, run };
}

/** Only what the lifecycle allows next is offered; the API checks again. */
function Actions({
  item,
  session,
  onDone,
}: {
  item: ItemDetail;
  session: Session;
  onDone: () => void;
}) {
  const { error, saved, run } = useSubmit(onDone);
  const api = service('commitmentsUrl');
  const token = session.token;
  return (
    <section class="actions">
      <h2>{t('item.act')}</h2>
      <form
        data-testid="status-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void run(t('item.statusChanged'), () =>
            send(api, `/items/${item.id}/status`, {
              method: 'POST',
              token,
              json: { status: f.get('status'), note: (f.get('note') as string) || undefined },
            }),
          );
        }}
      >
        <label>
          {t('item.newStatus')}
          <select name="status" required>
            <option value="">{t('item.choose')}</option>
            {item.nextStatuses.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          {t('item.note')}
          <input name="note" maxLength={2000} placeholder={t('item.noteWhy')} />
        </label>
        <button type="submit" disabled={item.nextStatuses.length === 0}>
          {t('item.changeStatus')}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const owner = (new FormData(e.currentTarget).get('owner') as string).trim();
          void run(t('item.ownerAssigned'), () =>
            send(api, `/items/${item.id}/owner`, {
              method: 'PUT',
              token,
              json: { owner: owner || null },
            }),
          );
        }}
      >
        <label class="grow">
          {t('common.owner')}
          <input name="owner" defaultValue={item.owner ?? ''} placeholder={t('item.ownerHint')} />
        </label>
        <button type="submit">{t('item.assign')}</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const reference = (new FormData(e.currentTarget).get('reference') as string).trim();
          void run(t('item.clauseRecorded'), () =>
            send(api, `/items/${item.id}`, {
              method: 'PATCH',
              token,
              json: { reference: reference || null },
            }),
          );
        }}
      >
        <label class="grow">
          {t('item.clause')}
          <input
            name="reference"
            maxLength={40}
            defaultValue={item.reference ?? ''}
            placeholder={t('item.clauseHint')}
          />
        </label>
        <button type="submit">{t('item.record')}</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void run(t('item.deadlineCorrected'), () =>
            send(api, `/items/${item.id}`, {
              method: 'PATCH',
              token,
              json: {
                deadline: (f.get('deadline') as string) || null,
                note: (f.get('note') as string) || undefined,
              },
            }),
          );
        }}
      >
        <label>
          {t('common.deadline')}
          <input
            name="deadline"
            defaultValue={item.deadline ?? ''}
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            placeholder={t('item.deadlineHint')}
          />
        </label>
        <label class="grow">
          {t('item.note')}
          <input name="note" maxLength={2000} placeholder={t('item.noteDate')} />
        </label>
        <button type="submit">{t('item.correctDeadline')}</button>
      </form>
      {saved && <p class="ok">{saved}.</p>}
      {error && <p class="error">{error}</p>}
    </section>
  );
}

function Subscribe({ item, session }: { item: ItemDetail; session: Session }) {
  const { error, saved, run } = useSubmit(() => undefined);
  return (
    <section class="actions">
      <h2>{t('item.alerts')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const scope =
            f.get('scope') === 'actor' ? { actors: [item.actor] } : { items: [item.id] };
          void run(t('item.subscribed'), () =>
            send(service('notificationsUrl'), '/subscriptions', {
              method: 'POST',
              token: session.token,
              json: { email: f.get('email'), ...scope, digest: f.get('digest') === 'on' },
            }),
          );
        }}
      >
        <label class="grow">
          {t('signIn.email')}
          <input name="email" type="email" required defaultValue={session.email} />
        </label>
        <label>
          {t('item.for')}
          <select name="scope">
            <option value="item">{t('item.thisItem')}</option>
            <option value="actor">{t('item.everythingOf', { actor: item.actor })}</option>
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="digest" />
          {t('item.digest')}
        </label>
        <button type="submit">{t('item.subscribe')}</button>
      </form>
      {saved && <p class="ok">{t('item.subscribedHint', { what: saved })}</p>}
      {error && <p class="error">{error}</p>}
    </section>
  );
}
