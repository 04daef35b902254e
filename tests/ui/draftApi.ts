import type { Page } from 'playwright-core';
import { startUi, stopUi, type UiContext } from './harness';

/**
 * The runtime's HTTP API as the browser tests use it beside the page: to read what the workbench saved (the open draft
 * of a service, read whole), to set up what a test is not about, and to act as another user (an applicant). One set of
 * helpers so every suite reads the server the same way.
 */

/** What every draft answer holds: enough to find the open one. */
export interface DraftHead {
  id: string;
  publishedAt: string | null;
  discardedAt: string | null;
}

/** An answer of the API: its HTTP status and its JSON body. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export interface DraftApi<D extends DraftHead = DraftHead> {
  /** The API's root (`…/api/v1`), for a request the helpers do not make. */
  base: string;
  /** A request as `token`'s user (none with an empty token); the answer whatever its status. */
  send<T>(method: string, path: string, token: string, body?: unknown): Promise<ApiAnswer<T>>;
  /** A request that must succeed: its JSON body, or an error naming the request, the status and the body. */
  call<T>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  /** A demo user's token (every demo user's password is "demo"). */
  login(username: string): Promise<string>;
  /** The service's drafts collection path (`/admin/definitions/<service>/drafts`). */
  drafts: string;
  /** The service's one open draft, read whole (changes, scenarios, the version they make) as the server holds it. */
  openDraft(token: string): Promise<D>;
}

/** The API of the runtime the browser test started (found from the admin UI's address), about one service's drafts. */
export function draftApi<D extends DraftHead = DraftHead>(ui: UiContext, service: string): DraftApi<D> {
  const base = ui.base.replace(/\/admin\/$/, '/api/v1');
  const drafts = `/admin/definitions/${service}/drafts`;
  async function send<T>(method: string, path: string, token: string, body?: unknown): Promise<ApiAnswer<T>> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
  async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const answer = await send<T>(method, path, token, body);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  return {
    base,
    send,
    call,
    drafts,
    login: async (username) =>
      (await call<{ token: string }>('POST', '/auth/login', '', { username, password: 'demo' })).token,
    async openDraft(token) {
      const list = await call<{ items: D[] }>('GET', drafts, token);
      const open = list.items.filter((d) => !d.publishedAt && !d.discardedAt);
      expect(open).toHaveLength(1);
      return call<D>('GET', `${drafts}/${open[0].id}`, token);
    },
  };
}

/** The signed-in user's token: the admin UI's session cookie holds it (httpOnly: read from the browser context). */
export const tokenOf = async (page: Page): Promise<string> =>
  (await page.context().cookies()).find((c) => c.name === 'qyzmet_session')!.value;

/** Polls `read` until `ok` holds of its answer (an autosave comes ~3 s after the last edit), or gives the last one. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A browser suite's runtime and its API about one service's drafts; read them inside a test. */
export interface DraftSuite<D extends DraftHead> {
  readonly ui: UiContext;
  readonly api: DraftApi<D>;
}

/** Starts the runtime and Chromium before the suite's tests (the runtime's clock at `at`) and stops them after. */
export function draftSuite<D extends DraftHead = DraftHead>(service: string, at?: string): DraftSuite<D> {
  let started: DraftSuite<D> | undefined;
  beforeAll(async () => {
    const ui = await startUi(at);
    started = { ui, api: draftApi<D>(ui, service) };
  }, 60_000);
  afterAll(() => stopUi(started?.ui));
  const running = () => {
    if (!started) throw new Error('the browser suite is read before its beforeAll started it');
    return started;
  };
  return {
    get ui() {
      return running().ui;
    },
    get api() {
      return running().api;
    },
  };
}
