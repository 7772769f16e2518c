import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, send, service } from '../api';
import { Evidence } from '../components/evidence';
import { KindBadge, StatusBadge } from '../components/status-badge';
import { deadlineText, label, relative, todayIso, when } from '../format';
import { useLive } from '../live';
import { mayAct, type Session } from '../session';
import type { DocumentView, ItemDetail } from '../types';

const SOURCE_OF_DEADLINE: Record<string, string> = {
  explicit: 'stated in the source',
  resolved: 'worked out from the event it follows',
  none: 'no deadline given',
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
  if (!item) return <p class="loading">Loading…</p>;
  const today = todayIso();
  return (
    <article class="item" data-testid="item">
      <header>
        <p>
          <KindBadge kind={item.kind} /> <StatusBadge status={item.status} overdue={item.overdue} />
        </p>
        <h1>{item.action}</h1>
        <dl class="facts">
          <dt>Actor</dt>
          <dd>
            <a href={`#/register?actor=${encodeURIComponent(item.actor)}`}>{item.actor}</a>
            {item.canonicalActor && item.canonicalActor !== item.actor ? (
              <small class="canonical"> · {item.canonicalActor}</small>
            ) : null}
          </dd>
          <dt>Deadline</dt>
          <dd data-testid="deadline">
            {deadlineText(item.deadline)}
            {item.dueDate && <span class="muted"> ({relative(today, item.dueDate)})</span>}
            <br />
            <span class="muted">
              {item.manual.deadline ? 'corrected by hand' : SOURCE_OF_DEADLINE[item.deadlineSource]}
            </span>
          </dd>
          {item.place && (
            <>
              <dt>Place</dt>
              <dd>{item.place}</dd>
            </>
          )}
          <dt>Owner</dt>
          <dd>{item.owner ?? <span class="muted">nobody yet</span>}</dd>
          <dt>Clause</dt>
          <dd data-testid="reference">
            {item.reference ?? <span class="muted">not recorded</span>}
          </dd>
          <dt>Sources</dt>
          <dd>{item.sourceCount}</dd>
        </dl>
      </header>

      {mayAct(session) && item.mayChange && <Actions item={item} session={session} onDone={load} />}
      {mayAct(session) && <Subscribe item={item} session={session} />}

      {(item.dependsOn || item.dependents.length > 0) && (
        <section>
          <h2>Dependencies</h2>
          {item.dependsOn && (
            <p>
              Its deadline follows <a href={`#/items/${item.dependsOn}`}>this event</a>.
            </p>
          )}
          {item.dependents.length > 0 && (
            <ul>
              {item.dependents.map((d) => (
                <li key={d.id}>
                  <a href={`#/items/${d.id}`}>
                    {d.actor} ({d.kind})
                  </a>{' '}
                  — due {deadlineText(d.deadline)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section>
        <h2>Where it comes from</h2>
        {item.sources.map((s, n) => {
          const doc = docs[s.documentId];
          return (
            <div class="source" key={`${s.documentId}-${n}`} data-testid="source">
              <h3>
                {typeof doc === 'object'
                  ? (doc.title ?? doc.fileName ?? 'Untitled document')
                  : 'Document'}
                <span class="muted">
                  {' '}
                  · {s.language} · {s.published ?? 'date unknown'} · confidence{' '}
                  {Math.round(s.confidence * 100)}%
                  {s.deadline ? ` · deadline there: ${deadlineText(s.deadline)}` : ''}
                </span>
              </h3>
              {typeof doc === 'object' ? (
                <Evidence text={doc.text} evidence={s.evidence} />
              ) : (
                <>
                  <blockquote class="evidence">{s.evidence.text}</blockquote>
                  {typeof doc === 'string' && <p class="muted">Document text unavailable: {doc}</p>}
                </>
              )}
            </div>
          );
        })}
      </section>

      <section>
        <h2>History</h2>
        <table class="history">
          <tbody>
            {item.history.map((h, n) => (
              <tr key={n}>
                <td class="muted">{when(h.at)}</td>
                <td>{h.by}</td>
                <td>
                  {label(h.field)}: {h.from ?? '—'} → <strong>{h.to ?? '—'}</strong>
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
      <h2>Act on it</h2>
      <form
        data-testid="status-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void run('Status changed', () =>
            send(api, `/items/${item.id}/status`, {
              method: 'POST',
              token,
              json: { status: f.get('status'), note: (f.get('note') as string) || undefined },
            }),
          );
        }}
      >
        <label>
          New status
          <select name="status" required>
            <option value="">choose…</option>
            {item.nextStatuses.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          Note
          <input name="note" maxLength={2000} placeholder="why (kept in the history)" />
        </label>
        <button type="submit" disabled={item.nextStatuses.length === 0}>
          Change status
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const owner = (new FormData(e.currentTarget).get('owner') as string).trim();
          void run('Owner assigned', () =>
            send(api, `/items/${item.id}/owner`, {
              method: 'PUT',
              token,
              json: { owner: owner || null },
            }),
          );
        }}
      >
        <label class="grow">
          Owner
          <input name="owner" defaultValue={item.owner ?? ''} placeholder="name or email address" />
        </label>
        <button type="submit">Assign</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const reference = (new FormData(e.currentTarget).get('reference') as string).trim();
          void run('Clause recorded', () =>
            send(api, `/items/${item.id}`, {
              method: 'PATCH',
              token,
              json: { reference: reference || null },
            }),
          );
        }}
      >
        <label class="grow">
          Clause
          <input
            name="reference"
            maxLength={40}
            defaultValue={item.reference ?? ''}
            placeholder="as the declaration numbers it, e.g. 12 or III.4"
          />
        </label>
        <button type="submit">Record</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void run('Deadline corrected', () =>
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
          Deadline
          <input
            name="deadline"
            defaultValue={item.deadline ?? ''}
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          />
        </label>
        <label class="grow">
          Note
          <input name="note" maxLength={2000} placeholder="where the correct date comes from" />
        </label>
        <button type="submit">Correct deadline</button>
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
      <h2>Deadline alerts</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const scope =
            f.get('scope') === 'actor' ? { actors: [item.actor] } : { items: [item.id] };
          void run('Subscribed', () =>
            send(service('notificationsUrl'), '/subscriptions', {
              method: 'POST',
              token: session.token,
              json: { email: f.get('email'), ...scope },
            }),
          );
        }}
      >
        <label class="grow">
          Email
          <input name="email" type="email" required defaultValue={session.email} />
        </label>
        <label>
          For
          <select name="scope">
            <option value="item">this item</option>
            <option value="actor">everything of {item.actor}</option>
          </select>
        </label>
        <button type="submit">Subscribe</button>
      </form>
      {saved && (
        <p class="ok">{saved}: alerts 30, 7 and 1 days before, on the day and when overdue.</p>
      )}
      {error && <p class="error">{error}</p>}
    </section>
  );
}
