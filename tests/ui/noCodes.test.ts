import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { APPLICATION_STATUSES } from '../../engine/src/format/applicationStatuses';
import { seriousViolations } from './a11y';
import { apiOf, artifacts, describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

/**
 * Issue 19: the kk interface shows no raw code. The analyst's diagram of two services names each step, its status and
 * its step deadlines in words (the ids only in tooltips); the officer's inbox and an application page show no id of a
 * step, event, step deadline or deadline of the definition and no status value. The forbidden words are read from
 * the definitions through the API, not written here; axe finds no serious violation on these pages.
 */

// Two services whose last version is in force (a draft of an ended version does not compile: see the report), the
// second with step deadlines.
const SERVICES = ['cadastral-passport-duplicate', 'new-real-estate-cadastre-entry'];

interface Codes {
  states: Set<string>;
  events: Set<string>;
  timers: Set<string>;
  deadlines: Set<string>;
}

/** The ids of a definition's steps, events, step deadlines and deadlines, wherever they are in its JSON. */
function codesOf(
  definition: unknown,
  codes: Codes = { states: new Set(), events: new Set(), timers: new Set(), deadlines: new Set() },
): Codes {
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (o.initial && o.states && typeof o.states === 'object') {
      for (const [id, s] of Object.entries(o.states as Record<string, { timers?: Array<{ id: string }> }>)) {
        codes.states.add(id);
        for (const tm of s.timers ?? []) codes.timers.add(tm.id);
      }
      for (const id of Object.keys((o.events as object | undefined) ?? {})) codes.events.add(id);
    }
    if (Array.isArray(o.deadlines))
      for (const d of o.deadlines as Array<{ id?: unknown }>) if (typeof d?.id === 'string') codes.deadlines.add(d.id);
    Object.values(o).forEach(walk);
  };
  walk(definition);
  return codes;
}

/** The forbidden words found in a text, each as a whole word (ids hold '-' and '_'; "timer:x" holds the id x). */
function codesIn(text: string, forbidden: Iterable<string>): string[] {
  const found: string[] = [];
  for (const code of forbidden) {
    const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(text)) found.push(code);
  }
  return found.sort();
}

/** What the page shows and says: its visible text, and the names and labels a screen reader announces. */
const shownText = (page: Page, selector = 'body') =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const texts = [(root as HTMLElement).innerText ?? ''];
    // SVG text is not in innerText: each <text> of a drawing, and every aria-label under the root.
    root.querySelectorAll('svg text').forEach((t) => texts.push(t.textContent ?? ''));
    root.querySelectorAll('[aria-label]').forEach((e) => texts.push(e.getAttribute('aria-label') ?? ''));
    return texts.join('\n');
  }, selector);

describeUi('no raw codes in the Kazakh interface', () => {
  let ui: UiContext;
  const all: Codes = { states: new Set(), events: new Set(), timers: new Set(), deadlines: new Set() };

  /** The API as another client calls it (harness apiOf), with the token before the body. */
  const call = <T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> =>
    apiOf(ui)<T>(method, path, body, token ?? undefined);
  const login = async (username: string) =>
    (await call<{ token: string }>('POST', '/auth/login', null, { username, password: 'demo' })).token;

  beforeAll(async () => {
    ui = await startUi();
    const analyst = await login('analyst');
    const services = await call<{ items: Array<{ id: string }> }>('GET', '/services', null);
    for (const { id } of services.items) codesOf(await call('GET', `/admin/definitions/${id}`, analyst), all);
    // Not vacuous: the definitions were read and hold what the pages could leak.
    expect(all.states.size).toBeGreaterThan(20);
    expect(all.events.size).toBeGreaterThan(10);
    expect(all.timers.size).toBeGreaterThan(3);
    expect(all.deadlines).toContain('service');
  }, 90_000);
  afterAll(() => stopUi(ui));

  const forbidden = () => [...all.states, ...all.events, ...all.timers, ...APPLICATION_STATUSES];

  test('the workbench diagram of two services names steps, statuses and step deadlines in words', async () => {
    for (const service of SERVICES) {
      // A page of its own for each service, as an analyst opening it from the list.
      const page = await signIn(ui, 'analyst', { lang: 'kk' });
      await page.waitForURL((u) => u.hash === '#/workbench');
      await page.goto(`${ui.base}#/workbench/${service}/editor/steps`);
      // A draft of the version in force, its steps drawn (ids in the attribute the editor selects by).
      await page.getByTestId('new-draft').click();
      await page.getByTestId('version-identity').waitFor({ timeout: 20_000 });
      const diagram = page.getByTestId('machine-diagram');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid=machine-diagram] g[data-state]').length > 3,
        null,
        { timeout: 20_000 },
      );
      const drawn = await diagram
        .locator('g[data-state]')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')!));
      expect(drawn.length).toBeGreaterThan(3);
      for (const id of drawn) expect(all.states).toContain(id);
      const text = await shownText(page, '[data-testid=machine-diagram]');
      expect({ service, codes: codesIn(text, [...forbidden(), ...all.deadlines]) }).toEqual({ service, codes: [] });
      // The words are there instead: a status in Kazakh, and the ids kept for the analyst in each step's tooltip.
      expect(text).toMatch(/Тіркелді|Орындалуда|Оң шешім|Бас тартылды/);
      const tooltips = await diagram.locator('g[data-state] > title').allTextContents();
      expect(tooltips.length).toBe(drawn.length);
      for (const id of drawn) expect(tooltips.some((t) => t.startsWith(`${id} [`))).toBe(true);
      // The second service's steps have step deadlines: drawn by name and term.
      if (service === SERVICES[1])
        expect(await diagram.locator('g[data-state] .qz-timer-icon').count()).toBeGreaterThan(0);
      // No character the default fonts lack: the clocks are drawn.
      expect(text).not.toMatch(/[⏱◷]/);
      await screenshot(page, `no-codes-workbench-${service}`);
      mkdirSync(artifacts, { recursive: true });
      await diagram.screenshot({ path: join(artifacts, `no-codes-diagram-${service}.png`) });
      expect(await seriousViolations(page, '[data-testid=machine-diagram]')).toEqual([]);
      await page.context().close();
    }
  }, 180_000);

  test('the inbox and an application page show no id of the definition and no status value', async () => {
    const page = await signIn(ui, 'officer', { lang: 'kk' });
    await page.clock.setFixedTime(new Date(ui.clock.now));
    await page.goto(`${ui.base}#/inbox`);
    await page.reload();
    await page.locator('table.inbox tbody tr').first().waitFor();
    const inbox = await shownText(page);
    expect(codesIn(inbox, [...forbidden(), ...all.deadlines])).toEqual([]);
    // The "due today" mark is drawn, not a character the default fonts lack.
    expect(inbox).not.toContain('◷');
    expect(await page.locator('.legend svg.icon-clock[aria-hidden=true]').count()).toBe(1);
    await screenshot(page, 'no-codes-inbox');
    expect(await seriousViolations(page)).toEqual([]);

    // A refused application (grounds and reasoning) when the demo has one, and an open one.
    const officer = await login('officer');
    const pick = async (status: string) =>
      (await call<{ items: Array<{ id: string }> }>('GET', `/applications?limit=1&status=${status}`, officer)).items[0];
    const apps = [await pick('refused'), await pick('registered,in-progress')].filter(Boolean);
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) {
      await page.goto(`${ui.base}#/application/${app.id}`);
      await page.locator('article.application').waitFor();
      await page.locator('[data-field=registeredAt]').waitFor();
      // The step is named once the service's version is loaded.
      await page.waitForFunction(() => !!document.querySelector('[data-field=state]')?.textContent?.trim());
      const text = await shownText(page, 'main');
      expect({ app: app.id, codes: codesIn(text, [...forbidden(), ...all.deadlines]) }).toEqual({
        app: app.id,
        codes: [],
      });
      await screenshot(
        page,
        `no-codes-application-${await page.locator('article.application').getAttribute('data-status')}`,
      );
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.context().close();
  }, 180_000);
});

// The matcher itself: an id is found as a whole word, not inside another word.
test('codesIn finds whole ids only', () => {
  expect(codesIn('Өтініш: in-progress, тіркелді', ['in-progress', 'progress'])).toEqual(['in-progress']);
  expect(codesIn('timer:remind өтті', ['remind'])).toEqual(['remind']);
  expect(codesIn('examination-2', ['examination'])).toEqual([]);
  expect(codesIn('«issued»', ['issued'])).toEqual(['issued']);
});
