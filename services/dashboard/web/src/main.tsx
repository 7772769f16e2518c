import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadServices } from './api';
import { connectLive } from './live';
import { Ingest } from './pages/ingest';
import { ItemPage } from './pages/item';
import { Overview } from './pages/overview';
import { Register } from './pages/register';
import { SignIn } from './pages/sign-in';
import { useRoute } from './route';
import { restoreSession, signOut, useSession } from './session';
import './styles.css';

function App() {
  const session = useSession();
  const route = useRoute();
  useEffect(() => connectLive(session?.token ?? null), [session?.token]);

  const item = /^\/items\/([0-9a-f-]{36})$/.exec(route.path);
  let page;
  if (!session) page = <SignIn />;
  else if (item) page = <ItemPage key={item[1]} session={session} id={item[1]} />;
  else if (route.path === '/register') page = <Register session={session} route={route} />;
  else if (route.path === '/ingest') page = <Ingest session={session} />;
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
          Commitment tracker
        </a>
        {session && (
          <nav>
            {tab('/', 'Overview')}
            {tab('/register', 'Register')}
            {tab('/ingest', 'Add document')}
          </nav>
        )}
        <span class="spacer" />
        {session && (
          <span class="who">
            {session.email} · {session.role}{' '}
            <button type="button" class="link" onClick={signOut}>
              Sign out
            </button>
          </span>
        )}
      </header>
      <main>{page}</main>
    </>
  );
}

function Boot() {
  const [ready, setReady] = useState<true | string | null>(null);
  useEffect(() => {
    loadServices()
      // A sign-in kept by the refresh cookie comes back before the first page shows.
      .then(() => restoreSession())
      .then(() => setReady(true))
      .catch((e: Error) => setReady(e.message));
  }, []);
  if (ready === null) return null;
  if (ready !== true) return <p class="error">The dashboard cannot start: {ready}</p>;
  return <App />;
}

render(<Boot />, document.getElementById('app')!);
