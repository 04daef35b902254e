import type { Page } from 'playwright-core';
import { describeUi, signIn, startUi, stopUi, type UiContext } from '../ui/harness';

// Issue 16: the admin UI runs under its Content-Security-Policy without one violation: the bundle, Monaco and its
// workers, ajv's compiled validators (the engine in the browser), the document previews in frames.
const SERVICE = 'cadastral-passport-duplicate';
let ui: UiContext;

/** Every CSP violation the page (and its frames) reports, from the browser's console. */
function violationsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/Content Security Policy|unsafe-eval/i.test(e.message)) seen.push(e.message);
  });
  return seen;
}

describeUi('the admin UI under its Content-Security-Policy', () => {
  beforeAll(async () => {
    ui = await startUi();
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('the analyst’s workbench (Monaco, the engine compiling in the browser, previews) runs without a violation', async () => {
    const page = await signIn(ui, 'analyst', { lang: 'en' });
    const violations = violationsOf(page);
    await page.waitForURL((u) => u.hash === '#/workbench');
    await page.locator(`tr[data-service="${SERVICE}"]`).locator('a').first().click();
    await page.waitForURL((u) => u.hash === `#/workbench/${SERVICE}/editor`);
    await page.click('[data-section=json]');
    // A new draft: its JSON in Monaco, compiled and its scenarios run by the engine in the browser.
    await page.getByTestId('new-draft').click();
    await page
      .waitForFunction(() => !!(window as { __qyzmetEditor?: unknown }).__qyzmetEditor, null, { timeout: 20_000 })
      .catch((e) => {
        throw new Error(`${(e as Error).message}; violations: ${violations.join(' | ')}`);
      });
    await page.getByTestId('scenario-badge').waitFor({ timeout: 20_000 });
    await page.frameLocator('iframe.qz-doc').locator('body').waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);
    await page.context().close();
  }, 90_000);

  test('the officer’s inbox and an issued document in its frame run without a violation', async () => {
    const page = await signIn(ui, 'officer', { lang: 'en' });
    const violations = violationsOf(page);
    await page.locator('tr[data-id]').first().waitFor({ timeout: 20_000 });
    const list = await page.evaluate(async () => {
      // The session cookie signs the request in, as it does the UI's own.
      const res = await fetch('/api/v1/applications?limit=100');
      return (await res.json()) as { items: Array<{ id: string; documents: unknown[] }> };
    });
    const withDocument = list.items.find((a) => a.documents.length > 0);
    expect(withDocument).toBeDefined();
    await page.goto(`${ui.base}#/application/${withDocument!.id}`);
    await page.locator('.doc-buttons button').first().click();
    await page.frameLocator('iframe.doc-frame').locator('body').waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);
    await page.context().close();
  }, 90_000);
});
