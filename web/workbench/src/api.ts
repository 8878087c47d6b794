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
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
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
  /** Forget the CSRF token (its cookie pairs with the session that just ended or began). */
  resetCsrf: () => {
    csrfToken = undefined;
  },
};

// Shapes of the answers the workbench reads (see GET /api/v1/openapi.json).
export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  emailVerified: boolean;
  roles: { role: string; campaignId: string | null }[];
  units: { organizationId: string; role: 'owner' | 'operator' }[];
}

export interface Organization {
  id: string;
  name: string;
  type: string;
  level: string;
  divisionCode: string;
  creditCode: string | null;
  superiorName: string;
  superiorEmail: string | null;
  address: string;
  contactName: string;
  contactPosition: string;
  contactPhone: string;
  contactEmail: string;
  createdAt: string;
  updatedAt: string;
}

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  hasChildren: boolean;
}

export interface DivisionDetail {
  code: string;
  name: string;
  level: string;
  path: { code: string; name: string }[];
}

export interface ReviewerProfile {
  expertise: string[];
  organization: string;
  divisionCode: string | null;
  capacity: number;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: string;
  since: string;
}

export interface Mail {
  id: string;
  to: string;
  locale: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  status: 'queued' | 'sending' | 'sent' | 'kept' | 'failed';
  createdAt: string;
  sentAt: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  change: Record<string, unknown>;
}

export interface Page<T> {
  data: T[];
  total: number;
}
