import type { components } from './api.generated';

/**
 * The runtime's HTTP API, as the UI uses it: JSON in and out, RFC 9457 problems turned into ApiError (with field
 * errors), the UI's language sent as Accept-Language. The session is the runtime's httpOnly cookie (contract C5): the
 * browser sends it, no script can read it, and every tab of the browser shares it, so a link opened in a new tab is
 * signed in. The UI only keeps, in memory, who the cookie's user is (from GET /auth/me at load).
 */

/**
 * The shapes of the API's bodies, generated from its OpenAPI document (runtime/src/http/openapi.ts) into
 * ./api.generated.ts: `api<Schemas['Application']>('GET', …)`. The UI declares no API shape of its own.
 */
export type Schemas = components['schemas'];
export type FieldError = Schemas['FieldError'];
/** The signed-in user: roles, the providers an officer works for, and the identity that prefills forms. */
export type SessionUser = Schemas['Me'];

/**
 * What went wrong with a request. `status` 0: the server was not reached (network down, server stopped: code
 * 'network'); 500 and above: the server failed; 400–499: a problem of the request, with the runtime's code.
 */
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

/** The user the session cookie belongs to, as far as this tab knows; listeners hear when it ends. */
let current: SessionUser | null = null;
const endListeners = new Set<() => void>();

export const session = {
  user: (): SessionUser | null => current,
  set(user: SessionUser) {
    current = user;
  },
  /** The session is gone (signed out here or in another tab, or expired): the shell shows the sign-in. */
  clear() {
    const had = current !== null;
    current = null;
    if (had) for (const listener of endListeners) listener();
  },
};

/** Called when the session ends while this tab was signed in (a 401 from any request, or a sign-out). */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/**
 * The tabs of this browser tell each other of a sign-in and a sign-out (they share the cookie), so a sign-out on a
 * shared computer shows the sign-in in every tab at once, and a sign-in in one tab signs the others in.
 */
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('qyzmet.session');
const startListeners = new Set<() => void>();
tabs?.addEventListener('message', (e: MessageEvent) => {
  if (e.data === 'signed-out') session.clear();
  if (e.data === 'signed-in' && current === null) for (const listener of startListeners) listener();
});

/** Called when another tab of this browser signed in while this one was not. */
export function onSessionStart(listener: () => void): () => void {
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}

let language = 'kk';
export function setApiLanguage(lang: string): void {
  language = lang;
}

/**
 * The header every request of the UI carries: a page of another site cannot send it without the server's leave
 * (a CORS preflight, never granted), so the runtime accepts changes signed by the cookie only with it (or JSON).
 */
const UI_HEADER = { 'x-qyzmet': '1' };

/** fetch, with a failure to reach the server turned into ApiError status 0 (told apart from the server's errors). */
async function send(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, { credentials: 'same-origin', ...init });
  } catch (e) {
    throw new ApiError(0, 'network', (e as Error).message || 'the server could not be reached');
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(`/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...UI_HEADER,
      'accept-language': language,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text().catch(() => '');
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: FieldError[] };
    if (res.status === 401 && path !== '/auth/login') session.clear();
    throw new ApiError(res.status, p.code ?? 'http', p.detail ?? p.title ?? res.statusText, p.errors ?? [], data);
  }
  return data as T;
}

/**
 * Who the session cookie signs in: the user, or null when there is no session (never signed in, signed out, expired).
 * A server that cannot be reached or fails throws (ApiError), so the shell says so instead of asking to sign in.
 */
export async function restoreSession(): Promise<SessionUser | null> {
  try {
    const { user } = await api<Schemas['Session']>('GET', '/auth/me');
    session.set(user);
    return user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Signs in: the runtime sets the session cookie; the user is then read as every tab reads it (/auth/me). */
export async function login(username: string, password: string): Promise<SessionUser> {
  await api<Schemas['Login']>('POST', '/auth/login', { username, password });
  const user = await restoreSession();
  if (!user) throw new ApiError(401, 'auth.required', 'the session cookie was not accepted');
  tabs?.postMessage('signed-in');
  return user;
}

/**
 * Signs out: the runtime revokes the session and clears the cookie, so every tab of this browser is signed out (each
 * finds out at its next request). This tab forgets the user at once, even when the server cannot be reached.
 */
export async function logout(): Promise<void> {
  try {
    await api('POST', '/auth/logout');
  } catch {
    // Already expired, or the server away: nothing more to do here.
  } finally {
    session.clear();
    tabs?.postMessage('signed-out');
  }
}

/** A document of an application as a blob URL (HTML or PDF), for viewing and download (the cookie signs it in). */
export async function documentUrl(
  applicationId: string,
  documentId: string,
  lang: 'kk' | 'ru',
  pdf: boolean,
): Promise<string> {
  const res = await send(`/api/v1/applications/${applicationId}/documents/${documentId}?lang=${lang}`, {
    headers: { ...UI_HEADER, accept: pdf ? 'application/pdf' : 'text/html' },
  });
  if (res.status === 401) session.clear();
  if (!res.ok) throw new ApiError(res.status, 'document', res.statusText);
  return URL.createObjectURL(await res.blob());
}
