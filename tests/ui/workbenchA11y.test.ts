import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeUi, signIn, startUi, stopUi, type UiContext } from './harness';

/**
 * Issue 14's accessibility floor, over every part of the workbench an analyst edits: each control has a name a screen
 * reader announces (a label, aria-label or aria-labelledby), each view its own page title, and the keyboard reaches
 * the section tabs and moves through them with a visible focus.
 */

const SERVICE = 'cadastral-passport-duplicate';
const SERVICE_NAME_RU = (
  JSON.parse(readFileSync(join(__dirname, '../../definitions/services', SERVICE, 'service.json'), 'utf8')) as {
    label: { ru: string };
  }
).label.ru;
const EDITOR_TITLE = `${SERVICE_NAME_RU} · Редактор и предпросмотр — Рабочее место аналитика — Qyzmet`;
const SECTIONS = ['fields', 'steps', 'deadlines', 'grounds', 'documents'] as const;

/** The visible form controls of the page that have no accessible name, described for the failure message. */
const unnamedControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
      .filter((el) => el.offsetParent !== null && (el as HTMLInputElement).type !== 'hidden')
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length;
        const aria = el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby');
        const text = el.tagName === 'BUTTON' && el.textContent?.trim();
        return !labelled && !aria && !text && !el.getAttribute('title');
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}[name=${el.getAttribute('name')}] in ${el.closest('[data-testid]')?.getAttribute('data-testid')}`,
      ),
  );

describeUi('the workbench for keyboard and screen-reader users', () => {
  let ui: UiContext;
  beforeAll(async () => {
    ui = await startUi();
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('every control of every part is named; each view has a title; the keyboard reaches the parts', async () => {
    const page = await signIn(ui, 'analyst', { lang: 'ru' });
    await page.waitForURL((u) => u.hash === '#/workbench');
    expect(await page.title()).toBe('Рабочее место аналитика — Qyzmet');
    await page.goto(`${ui.base}#/workbench/${SERVICE}/editor/fields`);
    await page.getByTestId('new-draft').click();
    await page.getByTestId('version-identity').waitFor({ timeout: 20_000 });
    for (const section of SECTIONS) {
      await page.click(`[data-section=${section}]`);
      await page.getByTestId(`section-${section}`).waitFor();
      // Open the first card of the part, where the part has cards, so its controls are counted too.
      const first = page.getByTestId(`section-${section}`).locator('button[aria-expanded=false]').first();
      if (await first.count()) await first.click();
      expect({ section, unnamed: await unnamedControls(page) }).toEqual({ section, unnamed: [] });
      // Not vacuous: the part has its controls on the page.
      expect(await page.getByTestId(`section-${section}`).locator('input, select, textarea').count()).toBeGreaterThan(
        3,
      );
      // The service as the law names it and the tab in words, never the service's id or the tab's key.
      await page.waitForFunction((title) => document.title === title, EDITOR_TITLE, { timeout: 10_000 });
    }
    // The parts are links in a tab list: Tab reaches them, and the focused one shows an outline.
    const tab = page.locator('[data-section=deadlines]');
    await tab.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('section-deadlines').waitFor();
    const outline = await page
      .locator('[data-section=deadlines]')
      .evaluate((el) => (el.focus(), getComputedStyle(el).outlineStyle));
    expect(outline).not.toBe('none');
    await page.context().close();
  }, 120_000);
});
