/**
 * The one HTTP client of the web app: same-origin fetch with the session cookie, the CSRF token on
 * every mutating request, and the server's `{ error: { code, message, details } }` shape turned into
 * an `ApiError`. Use `useApiErrorHandler` (ui/errors.ts) to show it as a message or form field errors.
 */
export interface ApiErrorDetail {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
  value?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Called with the token from /api/auth/me or the login response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session context registers what to do when the server says the session is gone. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` + `?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const e = (body as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | null)?.error;
  return new ApiError(res.status, e?.code ?? 'internal', e?.message ?? `${res.status} ${res.statusText}`, e?.details ?? []);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // No custom headers on GETs, so the /api/auth/me preload in index.html can be reused.
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** GETs started before their page rendered (see `prefetchGet`), each taken once by the first `api.get` of the same URL. */
const prefetched = new Map<string, { answer: Promise<unknown>; at: number; value?: { ok: unknown } }>();
const PREFETCH_TTL_MS = 10_000;

/**
 * Starts a GET now (e.g. the landing page's data as soon as the session is known, while the page's
 * code still loads); the page's own `api.get` of the same URL then takes this answer instead of
 * asking again. Unclaimed answers expire, so a later visit never sees old data.
 */
export function prefetchGet(path: string, query?: Query): void {
  const url = withQuery(path, query);
  const entry: { answer: Promise<unknown>; at: number; value?: { ok: unknown } } = { answer: request<unknown>('GET', url), at: performance.now() };
  entry.answer.then(
    (ok) => (entry.value = { ok }),
    () => undefined, // the claiming call sees the error; an unclaimed one is dropped
  );
  prefetched.set(url, entry);
}

/**
 * The prefetched answer of a GET if it has already arrived, so a page can draw its data in its first
 * render instead of a spinner first; undefined otherwise. Only a look (a render may be discarded and
 * run again): the page calls `forgetPrefetched` once it has mounted with it.
 */
export function peekPrefetched<T>(path: string, query?: Query): T | undefined {
  const hit = prefetched.get(withQuery(path, query));
  return hit?.value && performance.now() - hit.at <= PREFETCH_TTL_MS ? (hit.value.ok as T) : undefined;
}

/** Drops a prefetched answer (the page that peeked it has mounted; later asks go to the server). */
export function forgetPrefetched(path: string, query?: Query): void {
  prefetched.delete(withQuery(path, query));
}

function takePrefetched<T>(url: string): Promise<T> | null {
  const hit = prefetched.get(url);
  if (!hit) return null;
  prefetched.delete(url);
  return performance.now() - hit.at <= PREFETCH_TTL_MS ? (hit.answer as Promise<T>) : null;
}

export const api = {
  get: <T>(path: string, query?: Query) => {
    const url = withQuery(path, query);
    return takePrefetched<T>(url) ?? request<T>('GET', url);
  },
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart upload of one file under `field`. */
  upload: <T>(path: string, file: File, field = 'file') => {
    const form = new FormData();
    form.append(field, file, file.name);
    return request<T>('POST', path, form);
  },
};

/**
 * Downloads a file from a GET endpoint through fetch (so errors come back as messages, not as a
 * page of JSON), then saves it under the server's file name.
 */
export async function download(path: string, query: Query = {}, fallbackName = 'download'): Promise<void> {
  const res = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  if (!res.ok) throw await toApiError(res);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  saveBlob(blob, star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName);
}

/** Offers a blob to the user as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
