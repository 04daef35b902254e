import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../runtime/src/server';

/**
 * Browser tests: the real runtime (demo seed, a real SQLite file, the built admin UI from admin-ui/dist) on loopback,
 * driven by Debian's Chromium through playwright-core. Screenshots go to test-artifacts/ui/ for a person to look at.
 * Without Chromium the suites skip, saying why and how to install it.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const skipReason = `Chromium is not installed at ${CHROMIUM}: these browser tests are skipped (apt-get install -y chromium)`;

/** `describe` for a browser suite: skipped, saying why, where Chromium is missing. */
export const describeUi: jest.Describe = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn(skipReason);
const repo = resolve(__dirname, '../..');
export const artifacts = join(repo, 'test-artifacts', 'ui');

export interface UiContext {
  server: RunningServer;
  browser: Browser;
  base: string;
  /** The clock of the runtime; tests may move it. */
  clock: { now: Date };
}

/**
 * The built UI the suites drive: admin-ui/dist (what `npm test` builds), or QYZMET_UI_DIST when someone builds into a
 * directory of their own (`npx vite build --outDir …` in admin-ui) so that two builds never empty each other's files.
 */
const uiDist = process.env.QYZMET_UI_DIST ?? join(repo, 'admin-ui/dist');

export async function startUi(at = '2026-03-03T10:00:00+05:00'): Promise<UiContext> {
  if (!existsSync(join(uiDist, 'index.html')))
    throw new Error(`${uiDist} is missing: run \`npm run build -w admin-ui\` (npm test does)`);
  const clock = { now: new Date(at) };
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'qyzmet-ui-')),
    definitionsRoot: join(repo, 'definitions'),
    demo: true,
    now: () => clock.now,
    schedulerIntervalMs: 3_600_000,
    adminDir: uiDist,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No network but loopback here: background services would only fail.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { server, browser, base: `http://127.0.0.1:${server.port}/admin/`, clock };
}

export async function stopUi(ui: UiContext | undefined): Promise<void> {
  await ui?.browser.close();
  await ui?.server.close();
}

/** A new page signed in as a demo user, at a laptop (1366×800) or phone (390×844) size, in a UI language. */
export async function signIn(
  ui: UiContext,
  username: string,
  options: { phone?: boolean; lang?: 'kk' | 'ru' | 'en' } = {},
): Promise<Page> {
  const context = await ui.browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1366, height: 800 },
    locale: 'kk-KZ',
  });
  const page = await context.newPage();
  await page.addInitScript((lang) => localStorage.setItem('qyzmet.lang', lang), options.lang ?? 'kk');
  await page.goto(ui.base);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  // Signed in: the shell shows its sign-out control (the session is the runtime's cookie, no longer the tab's storage).
  await page.locator('header button.logout').waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The API on the test's side, as another client calls it (an officer acting while the applicant watches a page). */
export function apiOf(ui: UiContext) {
  const base = ui.base.replace(/\/admin\/$/, '/api/v1');
  return async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'accept-language': 'kk',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}
