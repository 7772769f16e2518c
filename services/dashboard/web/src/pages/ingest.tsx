import { useEffect, useState } from 'preact/hooks';
import { ApiError, send, service } from '../api';
import { KindBadge, StatusBadge } from '../components/status-badge';
import { deadlineText } from '../format';
import { t, tn } from '../i18n';
import type { Session } from '../session';
import type { DocumentView, ItemPage, Receipt } from '../types';

const POLL_MS = 400;
const GIVE_UP_MS = 30_000;

/** Paste or upload a document and watch its commitments arrive. */
export function Ingest({ session }: { session: Session }) {
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const ingestion = service('ingestionUrl');

  const submit = async (call: () => Promise<Receipt>) => {
    setError(null);
    setReceipt(null);
    setSending(true);
    try {
      setReceipt(await call());
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <div class="ingest">
      <h1>{t('ingest.title')}</h1>
      <p class="muted">{t('ingest.intro')}</p>
      <div class="two">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            void submit(() =>
              send<Receipt>(ingestion, '/documents', {
                method: 'POST',
                token: session.token,
                json: {
                  text: f.get('text'),
                  title: (f.get('title') as string) || undefined,
                  published: (f.get('published') as string) || undefined,
                },
              }),
            );
          }}
        >
          <h2>{t('ingest.paste')}</h2>
          <label>
            {t('ingest.docTitle')}
            <input name="title" maxLength={1000} />
          </label>
          <label>
            {t('ingest.published')}
            {/* At the precision known: a year, a month or a day. */}
            <input
              name="published"
              placeholder={t('ingest.publishedHint')}
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              title={t('ingest.publishedTitle')}
            />
          </label>
          <label>
            {t('ingest.text')}
            <textarea name="text" rows={10} required data-testid="paste" />
          </label>
          <button type="submit" disabled={sending}>
            {t('ingest.read')}
          </button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void submit(() =>
              send<Receipt>(ingestion, '/documents/upload', {
                method: 'POST',
                token: session.token,
                form,
              }),
            );
          }}
        >
          <h2>{t('ingest.uploadTitle')}</h2>
          <p class="muted">{t('ingest.formats')}</p>
          <label>
            {t('ingest.file')}
            <input
              name="file"
              type="file"
              required
              accept=".txt,.text,.md,.html,.htm,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            />
          </label>
          <button type="submit" disabled={sending}>
            {t('ingest.upload')}
          </button>
        </form>
      </div>
      {error && <p class="error">{error}</p>}
      {receipt && <Found receipt={receipt} session={session} />}
    </div>
  );
}

/** Polls until the document has been read and its commitments are registered. */
function Found({ receipt, session }: { receipt: Receipt; session: Session }) {
  const [doc, setDoc] = useState<DocumentView | null>(null);
  const [items, setItems] = useState<ItemPage | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    let stop = false;
    const started = Date.now();
    let stableRounds = 0;
    let lastCount = -1;
    const round = async () => {
      if (stop) return;
      try {
        const d = await send<DocumentView>(service('ingestionUrl'), `/documents/${receipt.id}`, {
          token: session.token,
        });
        setDoc(d);
        const page = await send<ItemPage>(service('commitmentsUrl'), '/items', {
          token: session.token,
          query: { documentId: receipt.id, sort: 'created', limit: 200 },
        });
        setItems(page);
        // Read, and the register has stopped growing: everything found is in.
        stableRounds = d.extraction && page.total === lastCount ? stableRounds + 1 : 0;
        lastCount = page.total;
        const complete =
          d.extraction !== null &&
          (d.extraction.commitments === 0 || page.total > 0) &&
          stableRounds >= 2;
        if (complete || Date.now() - started > GIVE_UP_MS) {
          setDone(true);
          return;
        }
      } catch {
        // the services may be catching up; try again
      }
      setTimeout(() => void round(), POLL_MS);
    };
    void round();
    return () => {
      stop = true;
    };
  }, [receipt.id, session.token]);

  return (
    <section class="found" data-testid="found" data-done={done}>
      <h2>
        {t(receipt.duplicate ? 'ingest.known' : 'ingest.received', {
          title: doc?.title ?? doc?.fileName ?? t('item.document'),
        })}
      </h2>
      <p class="muted">
        {doc?.extraction
          ? tn('ingest.found', doc.extraction.commitments ?? 0, {
              engine: doc.extraction.engineVersion ?? '',
            })
          : t('ingest.reading')}{' '}
        {!done && <span class="spinner" aria-label={t('common.waiting')} />}
      </p>
      <ul>
        {items?.items.map((i) => (
          <li key={i.id}>
            <KindBadge kind={i.kind} /> <StatusBadge status={i.status} />{' '}
            <a href={`#/items/${i.id}`}>
              <strong>{i.actor}</strong> — {i.action}
            </a>{' '}
            <span class="muted">{deadlineText(i.deadline)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
