import type { components } from './api.generated';

/**
 * The runtime's HTTP API, as the UI uses it: JSON in and out, the bearer token kept in sessionStorage, RFC 9457
 * problems turned into ApiError (with field errors), the UI's language sent as Accept-Language.
 */

/**
 * The shapes of the API's bodies, generated from its OpenAPI document (runtime/src/http/openapi.ts) into
 * ./api.generated.ts: `api<Schemas['Application']>('GET', …)`. The UI declares no API shape of its own.
 */
export type Schemas = components['schemas'];
export type FieldError = Schemas['FieldError'];
export type SessionUser = Schemas['User'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

const TOKEN = 'qyzmet.token';
const USER = 'qyzmet.user';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  user: (): SessionUser | null => JSON.parse(sessionStorage.getItem(USER) ?? 'null'),
  set(token: string, user: SessionUser) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(USER, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
  },
};

let language = 'kk';
export function setApiLanguage(lang: string): void {
  language = lang;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = session.token();
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'accept-language': language,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: FieldError[] };
    if (res.status === 401) session.clear();
    throw new ApiError(res.status, p.code ?? 'http', p.detail ?? p.title ?? res.statusText, p.errors ?? [], data);
  }
  return data as T;
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const r = await api<Schemas['Login']>('POST', '/auth/login', { username, password });
  session.set(r.token, r.user);
  return r.user;
}

/** Signs out: the tab forgets the token at once, and the server revokes it (so a copy of it is worthless too). */
export async function logout(): Promise<void> {
  const token = session.token();
  session.clear();
  if (!token) return;
  // Already expired, or the server away: nothing more to do.
  await fetch('/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(
    () => undefined,
  );
}

/** A document of an application as a blob URL (HTML or PDF), for viewing and download with the bearer token. */
export async function documentUrl(
  applicationId: string,
  documentId: string,
  lang: 'kk' | 'ru',
  pdf: boolean,
): Promise<string> {
  const res = await fetch(`/api/v1/applications/${applicationId}/documents/${documentId}?lang=${lang}`, {
    headers: { authorization: `Bearer ${session.token()}`, accept: pdf ? 'application/pdf' : 'text/html' },
  });
  if (!res.ok) throw new ApiError(res.status, 'document', res.statusText);
  return URL.createObjectURL(await res.blob());
}
