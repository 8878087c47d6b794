import type { Locale } from '../../../core/i18n/locale.ts';

// The one way the workbench talks to /api/v1: JSON, the session cookie, the CSRF header on every
// state-changing request, and errors as ApiError carrying the server's already-localized message.

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }

  /** Field problems of a validation error, as the server names them (`contactPhone`, `email`). */
  get fieldProblems(): FieldProblem[] {
    return Array.isArray(this.details)
      ? this.details.filter((d): d is FieldProblem => typeof d?.field === 'string' && typeof d?.message === 'string')
      : [];
  }
}

let currentLocale: Locale = 'zh-CN';
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

let csrfToken: Promise<string> | undefined;
function csrf(): Promise<string> {
  csrfToken ??= fetch('/api/v1/auth/csrf', { credentials: 'same-origin' })
    .then((r) => r.json() as Promise<{ token: string }>)
    .then((j) => j.token)
    .catch((error: unknown) => {
      csrfToken = undefined;
      throw error;
    });
  return csrfToken;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method: string, path: string, body: unknown, retried: boolean): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale };
  // A file goes as its own bytes and type (a Word import); everything else as JSON.
  const file = body instanceof Blob ? body : undefined;
  if (body !== undefined) headers['content-type'] = file ? file.type : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: file ?? (body === undefined ? undefined : JSON.stringify(body)) });
  if (response.status === 204) return null;
  const json = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown }; requestId?: string } | null;
  if (response.ok) return json;
  const error = json?.error;
  // A token from before a restart or a new session: fetch a fresh one and try once more.
  if (error?.code === 'csrf_invalid' && !retried) {
    csrfToken = undefined;
    return send(method, path, body, true);
  }
  throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? response.statusText, error?.details, json?.requestId);
}

export const api = {
  get: <T>(path: string, query?: Query) => send('GET', withQuery(path, query), undefined, false) as Promise<T>,
  post: <T>(path: string, body?: unknown) => send('POST', path, body, false) as Promise<T>,
  put: <T>(path: string, body: unknown) => send('PUT', path, body, false) as Promise<T>,
  delete: (path: string) => send('DELETE', path, undefined, false) as Promise<null>,
  /** POST a file's bytes with the file's type (give the Blob the type the route expects). */
  upload: <T>(path: string, file: Blob) => send('POST', path, file, false) as Promise<T>,
  /** The CSRF token, for requests made outside this module (tus-js-client's). */
  csrfToken: () => csrf(),
  /** Forget the CSRF token (its cookie pairs with the session that just ended or began). */
  resetCsrf: () => {
    csrfToken = undefined;
  },
};

// The shapes of the answers, inferred from the server's own response schemas (core/api/).
export type {
  Division, Mail, Me, Member, Organization, ReviewerProfile,
} from './api-types.ts';
