import { useEffect, useState } from 'preact/hooks';

/** Where the page is: `#/path?query`, so that every view can be linked and reloaded. */
export interface Route {
  path: string;
  query: URLSearchParams;
}

function read(): Route {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?', 2);
  return { path: path || '/', query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [r, set] = useState(read);
  useEffect(() => {
    const on = () => set(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return r;
}

export function go(path: string, query?: Record<string, string | undefined>): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  location.hash = s ? `${path}?${s}` : path;
}
