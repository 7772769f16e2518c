import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadServices } from './api';
import { loadLocale, locale, LOCALES, setLocale, t, useLocale, type Locale } from './i18n';
import { connectLive } from './live';
import { Toasts } from './components/toasts';
import { Ingest } from './pages/ingest';
import { ItemPage } from './pages/item';
import { Overview } from './pages/overview';
import { Register } from './pages/register';
import { ReportPage } from './pages/report';
import { SignIn } from './pages/sign-in';
import { useRoute } from './route';
import { restoreSession, signOut, useSession } from './session';
import './styles.css';

function App() {
  const lang = useLocale();
  const session = useSession();
  const route = useRoute();
  useEffect(() => connectLive(session?.token ?? null), [session?.token]);

  const item = /^\/items\/([0-9a-f-]{36})$/.exec(route.path);
  let page;
  if (!session) page = <SignIn />;
  else if (item) page = <ItemPage key={item[1]} session={session} id={item[1]} />;
  else if (route.path === '/register') page = <Register session={session} route={route} />;
  else if (route.path === '/ingest') page = <Ingest session={session} />;
  else if (route.path === '/report') page = <ReportPage session={session} route={route} />;
  else page = <Overview session={session} />;

  const tab = (path: string, text: string) => (
    <a href={`#${path}`} class={route.path === path ? 'active' : ''}>
      {text}
    </a>
  );
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          {t('app.name')}
        </a>
        {session && (
          <nav>
            {tab('/', t('nav.overview'))}
            {tab('/register', t('nav.register'))}
            {tab('/report', t('nav.reports'))}
            {tab('/ingest', t('nav.ingest'))}
          </nav>
        )}
        <span class="spacer" />
        <label class="language">
          <span class="visually-hidden">{t('app.language')}</span>
          <select
            value={lang}
            data-testid="language"
            onChange={(e) => void setLocale(e.currentTarget.value as Locale)}
          >
            {Object.entries(LOCALES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <span class="who">
            {session.email} · {t(`role.${session.role}`)}{' '}
            <button type="button" class="link" onClick={signOut}>
              {t('app.signOut')}
            </button>
          </span>
        )}
      </header>
      {/* Keyed by language: every view renders again in the new one. */}
      <main key={lang}>{page}</main>
      {session && <Toasts />}
    </>
  );
}

function Boot() {
  const [ready, setReady] = useState<true | string | null>(null);
  useEffect(() => {
    // The chosen language's words arrive with the services' addresses, before anything shows.
    Promise.all([loadServices(), loadLocale(locale())])
      // A sign-in kept by the refresh cookie comes back before the first page shows.
      .then(() => restoreSession())
      .then(() => setReady(true))
      .catch((e: Error) => setReady(e.message));
  }, []);
  if (ready === null) return null;
  if (ready !== true) return <p class="error">{t('app.cannotStart', { reason: ready })}</p>;
  return <App />;
}

render(<Boot />, document.getElementById('app')!);
