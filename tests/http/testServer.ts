import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../runtime/src/server';
import { freshDatabaseUrl } from '../../runtime/src/store/mongodb/testServer';
import { copyExample, REPO, type ExampleCopy } from '../definitions/exampleCopy';
import { checkAnswer } from './documentCheck';

/**
 * A runtime on loopback for the HTTP tests, with the demo users, and a caller that signs in as a demo user once per
 * session (sessions expire: `forget()` after moving the clock far).
 */

export interface TestServer {
  server: RunningServer;
  /** http://127.0.0.1:<port>/api/v1 */
  api: string;
  dataDir: string;
  /** The MongoDB database it runs on, when QYZMET_TEST_STORE=mongodb. */
  mongodbUrl?: string;
  /**
   * Calls the API as a demo user (null: anonymous); the body is parsed JSON (text for other media types). Every
   * answer is checked against the OpenAPI document (documentCheck.ts): one that does not match it throws.
   */
  as(
    username: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; type: string; body: any }>;
  forget(): void;
}

export async function startTestServer(options: {
  definitionsRoot?: string;
  dataDir?: string;
  /** A second instance on the same MongoDB database as another (its `mongodbUrl`). */
  mongodbUrl?: string;
  now?: () => Date;
  schedulerIntervalMs?: number;
}): Promise<TestServer> {
  const definitionsRoot = options.definitionsRoot ?? join(REPO, 'definitions');
  // The demo seed is read beside the definitions folder: a copy of the definitions gets the seeds too.
  if (definitionsRoot !== join(REPO, 'definitions'))
    cpSync(join(REPO, 'seeds'), join(definitionsRoot, '..', 'seeds'), { recursive: true });
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qyzmet-http-'));
  // QYZMET_TEST_STORE=mongodb runs the HTTP suites on the MongoDB store (a database of their own on the test
  // server); by default they run on the embedded one.
  const mongodbUrl =
    options.mongodbUrl ??
    (process.env.QYZMET_TEST_STORE === 'mongodb' && !options.dataDir ? freshDatabaseUrl('qyzmet_http') : undefined);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    mongodbUrl,
    definitionsRoot,
    demo: true,
    now: options.now,
    schedulerIntervalMs: options.schedulerIntervalMs ?? 3_600_000,
    // The tests' webhook receivers listen on loopback, which production refuses unless listed.
    webhookAllow: '127.0.0.1',
  });
  const api = `http://127.0.0.1:${server.port}/api/v1`;
  const tokens = new Map<string, string>();
  const send = async (token: string | undefined, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    checkAnswer({ method, path, status: res.status, type, text });
    return { status: res.status, type, body: /[/+]json\b/.test(type) ? JSON.parse(text) : (text as any) };
  };
  return {
    server,
    api,
    dataDir,
    mongodbUrl,
    async as(username, method, path, body) {
      if (username && !tokens.has(username))
        tokens.set(username, (await send(undefined, 'POST', '/auth/login', { username, password: 'demo' })).body.token);
      return send(username ? tokens.get(username) : undefined, method, path, body);
    },
    forget: () => tokens.clear(),
  };
}

/** The test server of a file's tests over a fresh copy of the example definitions (it and the copy are its own). */
export interface ExampleServer {
  /** The running server; read it inside a test (it starts in the file's `beforeAll`). */
  readonly t: TestServer;
  /** The copy of the example definitions it serves. */
  readonly copy: ExampleCopy;
}

/**
 * Starts a test server over a fresh copy of the example definitions before the file's tests (at the clock `now`) and
 * closes it and removes the copy after them: the tests may change the definitions through the API as they like.
 */
export function serveExampleCopy(now: () => Date): ExampleServer {
  let server: TestServer | undefined;
  let copy: ExampleCopy | undefined;
  beforeAll(async () => {
    copy = copyExample();
    server = await startTestServer({ definitionsRoot: copy.definitions, now });
  }, 90_000);
  afterAll(async () => {
    await server?.server.close();
    copy?.remove();
  });
  return {
    get t() {
      if (!server) throw new Error('the example server is read before its beforeAll started it');
      return server;
    },
    get copy() {
      if (!copy) throw new Error('the example copy is read before its beforeAll made it');
      return copy;
    },
  };
}
