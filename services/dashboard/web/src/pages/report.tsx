import { useEffect, useState } from 'preact/hooks';
import type {
  ComplianceOutcome,
  ComplianceReport,
  DocumentPage,
  DocumentSummary,
} from '@ct/contracts/http';
import { ApiError, send, service } from '../api';
import { DueRange, KindSelect } from '../components/filter-fields';
import { OUTCOME_ORDER, OutcomeChart } from '../components/outcome-chart';
import { KindBadge } from '../components/status-badge';
import { deadlineText, documentName, fieldName, historyValue, kindName, when } from '../format';
import { percent as percentOf, t, tn, type MessageKey } from '../i18n';
import type { Route } from '../route';
import type { Session } from '../session';
import type { DocumentView } from '../types';

const outcomeName = (o: ComplianceOutcome) => t(`outcome.${o}` satisfies MessageKey);
const percent = (x: number | null) => (x === null ? '—' : percentOf(x));

interface Scope {
  document: string[];
  actor?: string;
  kind?: string;
  dueAfter?: string;
  dueBefore?: string;
}

function scopeOf(route: Route): Scope {
  const one = (k: string) => route.query.get(k) || undefined;
  return {
    document: route.query.getAll('document').filter(Boolean),
    actor: one('actor'),
    kind: one('kind'),
    dueAfter: one('dueAfter'),
    dueBefore: one('dueBefore'),
  };
}

function queryOf(s: Scope): string {
  const q = new URLSearchParams();
  for (const d of s.document) q.append('document', d);
  for (const k of ['actor', 'kind', 'dueAfter', 'dueBefore'] as const) if (s[k]) q.set(k, s[k]!);
  return q.toString();
}

/**
 * A compliance report (GET /reports/compliance) for source documents and/or
 * an actor: outcomes, on-time rate, the outcomes month by month and every
 * commitment with its history; printable (the print stylesheet leaves the
 * controls out) and downloadable as one self-contained HTML file.
 */
export function ReportPage({ session, route }: { session: Session; route: Route }) {
  const scope = scopeOf(route);
  const key = queryOf(scope);
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const ready = scope.document.length > 0 || !!scope.actor;

  useEffect(() => {
    setReport(null);
    setError(null);
    if (!ready) return;
    // A report asked for an earlier scope may answer after this one: it is dropped.
    const ctl = new AbortController();
    send<ComplianceReport>(service('commitmentsUrl'), `/reports/compliance?${key}`, {
      token: session.token,
      signal: ctl.signal,
    })
      .then(setReport)
      .catch((e: ApiError) => e.name !== 'AbortError' && setError(e.message));
    for (const d of scope.document) {
      send<DocumentView>(service('ingestionUrl'), `/documents/${d}`, { token: session.token })
        .then((doc) =>
          setTitles((all) => ({
            ...all,
            [d]: documentName(doc),
          })),
        )
        .catch(() => setTitles((all) => ({ ...all, [d]: t('report.documentId', { id: d }) })));
    }
    return () => ctl.abort();
  }, [key, session.token]);

  return (
    <div class="report-page">
      <ScopeForm scope={scope} session={session} />
      {!ready && <p class="muted">{t('report.choose')}</p>}
      {error && <p class="error">{error}</p>}
      {ready && !report && !error && <p class="loading">{t('common.loading')}</p>}
      {report && <Report report={report} scope={scope} titles={titles} />}
    </div>
  );
}

function ScopeForm({ scope, session }: { scope: Scope; session: Session }) {
  return (
    <form
      class="filters no-print"
      key={queryOf(scope)}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const text = (k: string) => ((data.get(k) as string) || '').trim() || undefined;
        const next: Scope = {
          document: data.getAll('document').map(String),
          actor: text('actor'),
          kind: text('kind'),
          dueAfter: text('dueAfter'),
          dueBefore: text('dueBefore'),
        };
        location.hash = `/report?${queryOf(next)}`;
      }}
    >
      <label>
        {t('common.actor')}
        <input name="actor" defaultValue={scope.actor ?? ''} placeholder={t('common.actorHint')} />
      </label>
      <DocumentPicker session={session} initial={scope.document} />
      <KindSelect value={scope.kind} />
      <DueRange after={scope.dueAfter} before={scope.dueBefore} />
      <button type="submit">{t('report.show')}</button>
    </form>
  );
}

function Report({
  report,
  scope,
  titles,
}: {
  report: ComplianceReport;
  scope: Scope;
  titles: Record<string, string>;
}) {
  const download = async () => {
    const sheet = document.querySelector<HTMLLinkElement>('link[rel=stylesheet]');
    const css = sheet ? await (await fetch(sheet.href)).text() : '';
    const body = document.querySelector('[data-testid=report]')!.outerHTML;
    const html = `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8"><title>${t('report.title')} ${report.asOf}</title><style>${css}</style></head><body class="standalone">${body}</body></html>`;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    a.download = `compliance-report-${report.asOf}.html`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const subject = [
    ...scope.document.map((d) => titles[d] ?? d),
    ...(scope.actor ? [`${t('common.actor')}: ${scope.actor}`] : []),
    ...(scope.kind ? [`${t('common.kind')}: ${kindName(scope.kind)}`] : []),
    ...(scope.dueAfter || scope.dueBefore
      ? [t('report.period', { from: scope.dueAfter ?? '…', to: scope.dueBefore ?? '…' })]
      : []),
  ];
  return (
    <>
      <div class="toolbar no-print">
        <span class="spacer" />
        <button type="button" class="secondary" onClick={() => print()}>
          {t('report.print')}
        </button>
        <button type="button" class="secondary" onClick={() => void download()}>
          {t('report.download')}
        </button>
      </div>
      <article class="report" data-testid="report">
        <header>
          <h1>{t('report.title')}</h1>
          <p class="subject">{subject.join(' · ')}</p>
          <p class="muted">
            {t('report.asOf', { date: deadlineText(report.asOf), at: when(report.generatedAt) })} ·{' '}
            {tn('report.commitments', report.total)}
          </p>
        </header>

        <section class="summary">
          <table class="counts" data-testid="counts">
            <thead>
              <tr>
                <th scope="col">{t('report.outcome')}</th>
                <th scope="col" class="num">
                  {t('report.count')}
                </th>
                <th scope="col" class="num">
                  {t('report.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {OUTCOME_ORDER.map((o) => (
                <tr key={o} data-outcome={o}>
                  <td>
                    <i class={`swatch fill-${o}`} /> {outcomeName(o)}
                  </td>
                  <td class="num">{report.counts[o]}</td>
                  <td class="num">{percent(report.shares[o])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="rate" data-testid="on-time">
            {t('report.onTime')} <strong>{percent(report.onTimeRate)}</strong>
            <span class="muted"> {t('report.onTimeOf')}</span>
          </p>
        </section>

        <section>
          <h2>{t('report.overTime')}</h2>
          <OutcomeChart timeline={report.timeline} name={outcomeName} />
        </section>

        <section>
          <h2>{t('report.items')}</h2>
          <table class="items report-items" data-testid="report-items">
            <thead>
              <tr>
                <th scope="col">{t('report.ref')}</th>
                <th scope="col">{t('common.actor')}</th>
                <th scope="col">{t('report.commitment')}</th>
                <th scope="col">{t('common.kind')}</th>
                <th scope="col">{t('report.outcome')}</th>
                <th scope="col">{t('common.deadline')}</th>
                <th scope="col">{t('common.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((i) => (
                <tr key={i.id} class={`outcome-${i.outcome}`}>
                  <td>{i.reference ?? ''}</td>
                  <td>{i.actor}</td>
                  <td>
                    <a href={`#/items/${i.id}`}>{i.action}</a>
                    {i.history.some((h) => h.field !== 'source' && h.field !== 'created') && (
                      <ul class="changes">
                        {i.history
                          .filter((h) => h.field !== 'source' && h.field !== 'created')
                          .map((h, n) => (
                            <li key={n}>
                              {h.at.slice(0, 10)}: {fieldName(h.field)}{' '}
                              {h.from ? `${historyValue(h.field, h.from)} → ` : ''}
                              {historyValue(h.field, h.to || null)}
                              {h.note ? ` (${h.note})` : ''}
                            </li>
                          ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <KindBadge kind={i.kind} />
                  </td>
                  <td>
                    <span class={`badge outcome fill-${i.outcome}`}>{outcomeName(i.outcome)}</span>
                    {i.completedAt ? (
                      <small class="muted"> {i.completedAt.slice(0, 10)}</small>
                    ) : null}
                  </td>
                  <td class="date">{deadlineText(i.deadline)}</td>
                  <td>{i.owner ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.items.length === 0 && <p class="muted">{t('report.none')}</p>}
        </section>

        <section class="method">
          <h2>{t('report.method')}</h2>
          <p>{t('report.methodText')}</p>
        </section>
      </article>
    </>
  );
}

/**
 * The documents a report covers (a declaration, or a summit's several
 * reports): the newest documents, or those whose title holds the words
 * searched, to tick; what is ticked stays ticked while searching.
 */
function DocumentPicker({ session, initial }: { session: Session; initial: string[] }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DocumentSummary[]>([]);
  const [chosen, setChosen] = useState<Map<string, string>>(
    () => new Map(initial.map((id) => [id, id])),
  );
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      send<DocumentPage>(service('ingestionUrl'), '/documents', {
        token: session.token,
        query: { q: query.trim().length >= 2 ? query.trim() : undefined, limit: 10 },
        signal: ctl.signal,
      })
        .then((p) => {
          setFound(p.items);
          // Names for documents chosen before they were listed (from the address).
          setChosen((c) => {
            const named = new Map(c);
            for (const d of p.items) if (named.has(d.id)) named.set(d.id, documentName(d));
            return named;
          });
        })
        .catch(() => setFound([]));
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [query, session.token]);
  const toggle = (id: string, name: string, on: boolean) =>
    setChosen((c) => {
      const next = new Map(c);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });
  // What is ticked first, then what the search found besides.
  const listed = [
    ...[...chosen].map(([id, name]) => ({ id, name })),
    ...found.filter((d) => !chosen.has(d.id)).map((d) => ({ id: d.id, name: documentName(d) })),
  ];
  return (
    <fieldset class="documents" data-testid="document-picker">
      <legend>{t('report.documents')}</legend>
      <input
        type="search"
        value={query}
        placeholder={t('report.documentsHint')}
        aria-label={t('report.documentsHint')}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <ul>
        {listed.map(({ id, name }) => (
          <li key={id}>
            <label class="check">
              <input
                type="checkbox"
                name="document"
                value={id}
                checked={chosen.has(id)}
                onChange={(e) => toggle(id, name, e.currentTarget.checked)}
              />
              {name}
            </label>
          </li>
        ))}
        {listed.length === 0 && <li class="muted">{t('report.noDocuments')}</li>}
      </ul>
    </fieldset>
  );
}
