import type { Role } from './types';

export interface Services {
  commitmentsUrl: string;
  ingestionUrl: string;
  notificationsUrl: string;
}

/** A refusal from a service, with the message it gave (shown to the user as is). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let services: Services | null = null;

/** Where the services are: asked once from the dashboard that served the page. */
export async function loadServices(): Promise<Services> {
  services ??= (await send<Services>('', '/config.json')) as Services;
  return services;
}

export function service(name: keyof Services): string {
  if (!services) throw new Error('services not loaded');
  return services[name];
}

interface Options {
  method?: string;
  token?: string | null;
  json?: unknown;
  form?: FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Send and accept cookies cross-origin (the commitments service's refresh cookie). */
  credentials?: boolean;
}

/** One HTTP call; a non-2xx answer becomes an ApiError carrying the service's own message. */
export async function send<T>(base: string, path: string, o: Options = {}): Promise<T> {
  const url = base + path + queryString(o.query);
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let body: BodyInit | undefined;
  if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.form) {
    body = o.form;
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: o.method ?? 'GET',
      headers,
      body,
      signal: o.signal,
      credentials: o.credentials ? 'include' : 'same-origin',
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, `cannot reach ${base || 'the dashboard'}: is the service running?`);
  }
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.blob()) as T;
}

export function queryString(q: Options['query']): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: string | string[] };
    const m = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    if (m) return m;
  } catch {
    // not JSON: fall through to the status text
  }
  return `${res.status} ${res.statusText}`;
}

export interface SignIn {
  token: string;
  expiresIn: number;
  role: Role;
}
