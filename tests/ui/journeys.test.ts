import type { Page } from 'playwright-core';
import { officer as officerTexts } from '../../admin-ui/src/i18n/officer';
import { seriousViolations } from './a11y';
import { describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

/**
 * Issue 19's journeys as people live them, end to end, in one story: two browser contexts side by side (the applicant
 * on a phone, the officer at a laptop, both in Kazakh) against one real runtime. Nothing is done through the API: the
 * applicant applies from the catalogue, the officer finds the application by the applicant's IIN, claims it, hands
 * the file over and refuses it after a preview and a confirmation; the applicant's status page, left open, shows the
 * refusal by itself; the officer's link to the application opens signed in in a new tab.
 */

// A working Tuesday morning: the application is registered as it arrives, and no session ends during the story
// (sessions expire by the runtime's clock, which stays here).
const NOW = '2026-03-03T10:05:00+05:00';
const IIN = '920715401231'; // the demo applicant's own, prefilled from their identity
const FULL_NAME = 'Сейітова Айгүл Маратқызы';
const CADASTRAL = '20-321-001-377';
const REASONING =
  'Төлем құжатындағы № 004512 төлем шлюз арқылы расталмады, сондықтан төлем құжаты дәйексіз деп танылды.';
const DISCREPANCY_KK = 'төлем құжатындағы № 004512 төлем шлюз мәліметтерінде жоқ';
const DISCREPANCY_RU = 'платёж № 004512 из документа об оплате отсутствует в сведениях шлюза';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** What must never reach a person's screen: the definition's keys, event types, state and enum values, ids. */
const RAW =
  /cadastral-passport-duplicate|2026-order-65|FILE_HANDED_OVER|EXAMINED|documentsUnreliable|unreliableDocument|unreliable-documents|payment-document|discrepancy|reasoning|examination|refused\b|undefined|null\b|\[object/;

/** The text a person reads on the page (the main content and the top bar), with the application number taken out. */
async function visibleText(page: Page, number: string): Promise<string> {
  const text = await page.locator('body').innerText();
  return text.replaceAll(number, '');
}

describeUi('issue 19 end to end: the applicant applies on a phone, the officer refuses, the applicant sees it', () => {
  let ui: UiContext;
  beforeAll(async () => {
    ui = await startUi(NOW);
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('catalogue → form (errors first) → confirmation → status page; inbox by IIN → claim → refusal after preview and confirmation; the open status page follows; the link opens signed in in a new tab', async () => {
    // ── 1. The applicant, on a phone, in Kazakh ────────────────────────────────────────────────────────────────
    const applicant = await signIn(ui, 'applicant', { phone: true });
    await applicant.waitForURL((u) => u.hash === '#/apply');
    const search = applicant.getByLabel('Қызметті іздеу');
    await applicant.locator('a[data-service]').first().waitFor();
    const all = await applicant.locator('a[data-service]').count();
    expect(await seriousViolations(applicant)).toEqual([]);
    await search.fill('кадастрлық паспорт');
    await applicant.waitForFunction((n) => document.querySelectorAll('a[data-service]').length < n, all);
    const card = applicant.locator('a[data-service="cadastral-passport-duplicate"]');
    await card.waitFor();
    await screenshot(applicant, 'journey-e2e-1-catalogue');
    await card.click();
    await applicant.waitForURL((u) => u.hash === '#/apply/cadastral-passport-duplicate');
    await applicant.locator('.start-page .legal-basis li').first().waitFor();
    expect(await seriousViolations(applicant)).toEqual([]);
    await applicant.click('a.start-button');
    await applicant.waitForURL((u) => u.hash === '#/apply/cadastral-passport-duplicate/form');
    await applicant.waitForSelector('#root_applicant_fullName');
    // Who they are is filled in from their identity.
    expect(await applicant.inputValue('#root_applicant_fullName')).toBe(FULL_NAME);
    expect(await applicant.inputValue('#root_applicant_iin')).toBe(IIN);

    // Sent as it stands: the error summary comes first, focused, above the fields, a link per missing answer.
    await applicant.click('button[type=submit]');
    const summary = applicant.locator('[data-testid=error-summary]');
    await summary.waitFor();
    await applicant.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary');
    const summaryBox = (await summary.boundingBox())!;
    const firstField = (await applicant.locator('.apply-form input, .apply-form select').first().boundingBox())!;
    expect(summaryBox.y).toBeLessThan(firstField.y);
    expect(await summary.locator('a[data-field="root_object_cadastralNumber"]').count()).toBe(1);
    expect(await summary.innerText()).not.toMatch(/[A-Za-z]/);
    expect(await seriousViolations(applicant)).toEqual([]);
    await applicant.evaluate(() => window.scrollTo(0, 0));
    await screenshot(applicant, 'journey-e2e-2-form-errors');

    // Fixed, following the summary's link to the first field it names.
    await summary.locator('a[data-field="root_object_cadastralNumber"]').click();
    expect(await applicant.evaluate(() => document.activeElement?.id)).toBe('root_object_cadastralNumber');
    await applicant.selectOption('#root_applicant_kind', { label: 'Жеке тұлға' });
    await applicant.fill('#root_object_cadastralNumber', CADASTRAL);
    await applicant.selectOption('#root_object_kind', { label: 'Басқа жылжымайтын мүлік объектісі' });
    await applicant.fill('#root_object_totalArea', '150,5');
    await applicant.selectOption('#root_request_signedWith', { label: 'ЭЦҚ' });
    await applicant.check('#root_payment_viaGateway');
    await applicant.check('#root_consentToPersonalData');
    await applicant.click('button[type=submit]');

    // The confirmation: the number and the due date, in words.
    await applicant.waitForURL((u) => /^#\/my\/[^/]+\/done$/.test(u.hash));
    const id = decodeURIComponent(new URL(applicant.url()).hash.split('/')[2]);
    const numberField = applicant.locator('[data-field=number]');
    await numberField.waitFor();
    const number = ((await numberField.textContent()) ?? '').trim();
    expect(number).toMatch(/-2026-\d+$/);
    const due = applicant.locator('[data-field=dueAt] time');
    expect(await due.getAttribute('datetime')).toMatch(/^2026-03-/);
    expect(await due.textContent()).toMatch(/2026.*наурыз/);
    const confirmation = await visibleText(applicant, number);
    expect(confirmation).not.toMatch(UUID);
    expect(confirmation).not.toMatch(RAW);
    expect(await seriousViolations(applicant)).toEqual([]);
    await screenshot(applicant, 'journey-e2e-3-confirmation');

    // The status page, which the applicant leaves open from here on: it is never reloaded.
    await applicant.click('[data-testid=track-status]');
    await applicant.waitForURL((u) => u.hash === `#/my/${encodeURIComponent(id)}` || u.hash === `#/my/${id}`);
    const statusCard = applicant.locator('.status-card');
    await statusCard.waitFor();
    expect(await statusCard.getAttribute('data-status')).not.toBe('refused');
    expect(await applicant.locator('[data-field=number]').textContent()).toBe(number);
    await applicant.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(await seriousViolations(applicant)).toEqual([]);
    await screenshot(applicant, 'journey-e2e-4-status-before');

    // ── 2. The officer, at a laptop, in Kazakh, in a browser of their own ─────────────────────────────────────
    const officer = await signIn(ui, 'officer');
    await officer.goto(`${ui.base}#/inbox`);
    await officer.locator('table.inbox tbody tr').first().waitFor();
    await officer.fill('input[name=q]', IIN);
    await officer.press('input[name=q]', 'Enter');
    await officer.waitForURL((u) => new URLSearchParams(u.hash.split('?')[1] ?? '').get('q') === IIN);
    const row = officer.locator(`tr[data-id="${id}"]`);
    await row.waitFor();
    // Every row found is this applicant's; the row names them and the object of the application.
    for (const shown of await officer.locator('table.inbox tbody td.applicant .id').allTextContents())
      expect(shown).toContain(IIN);
    expect(await row.locator('td.number').textContent()).toBe(number);
    expect(await row.locator('td.applicant .name').textContent()).toBe(FULL_NAME);
    const object = (await row.locator(`td[data-label="${officerTexts.kk.colObject}"]`).textContent()) ?? '';
    expect(object).toContain(CADASTRAL);
    expect(object).not.toMatch(/other|apartment|[A-Za-z]/);
    expect(await row.locator('.holder').textContent()).toBe('Бос');
    // Claimed from the inbox.
    await row.locator(`[data-claim="${id}"]`).click();
    await row.locator('.holder[data-assignee]:not([data-assignee=""])').waitFor();
    expect(await row.locator('.holder').textContent()).toBe('Ерлан Омаров (сіз)');
    const inboxText = await visibleText(officer, number);
    expect(inboxText).not.toMatch(UUID);
    expect(inboxText).not.toMatch(RAW);
    expect(await seriousViolations(officer)).toEqual([]);
    await screenshot(officer, 'journey-e2e-5-inbox-claimed');

    // Opened from its number.
    await row.locator('td.number a').click();
    await officer.waitForURL((u) => u.hash === `#/application/${encodeURIComponent(id)}`);
    const article = officer.locator('article.application');
    await officer.locator('[data-field=registeredAt]').waitFor();
    expect(await officer.locator('h1').textContent()).toBe(number);
    expect(await officer.locator('[data-field=assignee]').textContent()).toBe('Мен');
    // The file is handed over to the examiner, then the examination ends in a refusal.
    await officer.click('button[data-event="FILE_HANDED_OVER"]');
    await officer.locator('button[data-event="EXAMINED"]').waitFor();
    expect(await article.getAttribute('data-state')).toBe('examination');
    await officer.click('button[data-event="EXAMINED"]');
    const form = officer.locator('form.findings');
    await form.locator('input[name="ground-unreliable-documents"]').check();
    await form.locator('select[name="unreliableDocument"]').selectOption('payment-document');
    await form.locator('textarea[name="discrepancy.kk"]').fill(DISCREPANCY_KK);
    await form.locator('textarea[name="discrepancy.ru"]').fill(DISCREPANCY_RU);
    await form.locator('textarea[name="reasoning-kk"]').fill(REASONING);
    await form.locator('button[data-preview="EXAMINED"]').click();
    // The refusal as the citizen will read it: the ground's fact and the officer's reasoning.
    const preview = form.locator('.decision-preview');
    await preview.waitFor();
    expect(await preview.getAttribute('data-to-state')).toBe('refused');
    const notice = officer.frameLocator('.decision-preview iframe.doc-frame').first();
    await notice.locator('body').waitFor();
    const noticeText = ((await notice.locator('body').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(noticeText).toContain(DISCREPANCY_KK);
    expect(noticeText).toContain(REASONING);
    expect(noticeText).not.toMatch(UUID);
    expect(noticeText).not.toMatch(RAW);
    // Nothing is sent by a preview: the applicant's page still shows the application under examination.
    expect(await article.getAttribute('data-state')).toBe('examination');
    expect(await seriousViolations(officer)).toEqual([]);
    await screenshot(officer, 'journey-e2e-6-refusal-preview');

    // Confirmed in the dialog.
    await form.locator('button[data-send="EXAMINED"]').click();
    const dialog = officer.locator('dialog.confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('[data-confirm=reasoning]').textContent()).toContain(REASONING);
    expect(await seriousViolations(officer)).toEqual([]);
    await screenshot(officer, 'journey-e2e-7-confirm-dialog');
    await dialog.locator('button[data-confirm-send]').click();
    await officer.waitForSelector('article.application[data-status="refused"]');
    await officer.locator('.refusal').waitFor();
    expect(await officer.locator('.refusal').textContent()).toContain(REASONING);
    const officerText = await visibleText(officer, number);
    expect(officerText).toContain(FULL_NAME);
    expect(officerText).not.toMatch(UUID);
    expect(officerText).not.toMatch(RAW);
    expect(await seriousViolations(officer)).toEqual([]);
    await screenshot(officer, 'journey-e2e-8-officer-refused');

    // ── 3. The applicant's open page follows by itself ─────────────────────────────────────────────────────────
    await applicant.waitForFunction(
      () => document.querySelector('.status-card')?.getAttribute('data-status') === 'refused',
      undefined,
      { timeout: 20_000 },
    );
    expect(await applicant.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await applicant.waitForFunction(() => !!document.querySelector('[data-testid=status-announcement]')?.textContent);
    expect(await applicant.locator('[data-testid=status-announcement]').textContent()).toContain(
      'Өтініштің мәртебесі өзгерді',
    );
    // The ground in words, with the fact the officer found.
    const grounds = applicant.locator('ul.grounds li');
    await grounds.first().waitFor();
    const groundText = await grounds.first().innerText();
    expect(groundText).toContain(DISCREPANCY_KK);
    expect(groundText.length).toBeGreaterThan(DISCREPANCY_KK.length + 20);
    expect(await grounds.first().locator('p').first().innerText()).toContain('дәйексіздігі анықталды');
    const statusText = await visibleText(applicant, number);
    expect(statusText).toContain('Бас тартылды');
    expect(statusText).not.toMatch(UUID);
    expect(statusText).not.toMatch(RAW);
    expect(await seriousViolations(applicant)).toEqual([]);
    await screenshot(applicant, 'journey-e2e-9-status-refused');

    // ── 4. The officer's link, opened in a new tab of the officer's browser: signed in, on that page ──────────
    const link = officer.url();
    const tab = await officer.context().newPage();
    await tab.goto(link);
    await tab.locator('header button.logout').waitFor();
    expect(new URL(tab.url()).hash).toBe(`#/application/${encodeURIComponent(id)}`);
    await tab.locator('article.application[data-status="refused"]').waitFor();
    expect(await tab.locator('input[name=password]').count()).toBe(0);
    expect(await tab.locator('h1').textContent()).toBe(number);
    expect(await seriousViolations(tab)).toEqual([]);
    await screenshot(tab, 'journey-e2e-10-new-tab');

    await applicant.context().close();
    await officer.context().close();
  }, 180_000);
});
