import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { apartment, expectAppliedByDate, ORDER, order999Act, underArrest } from '../definitions/order999';
import { draftSuite } from './draftApi';
import { artifacts, describeUi, screenshot, signIn } from './harness';

/**
 * Issue 14's proof: the order-999 amendment of the amendments-as-data issue (tests/definitions/order999.ts) made by an
 * analyst through the workbench's forms alone — the act registered, the term changed, the ground added with its kk/ru
 * text and citation, scenarios added and accepted, a second analyst's approval, publication with the publication date
 * — with no keystroke into a JSON editor (Monaco is never even loaded); then, over the API, an application registered
 * on 22.12.2026 gets the second working day and one on 18.12.2026 still the first. Every click and keystroke of the
 * journey is counted (test-artifacts/ui/order999-journey.json) and each step is photographed.
 */

const SERVICE = 'cadastral-passport-duplicate';
const FIRST_SCENARIO = 'Apartment, individual with EDS, paid through the gateway: duplicate on the 1st working day';
const act = order999Act(null);

/** What the analyst does, counted: a click, a choice in a list (open + pick), typing (a click into the field, keys). */
class Journey {
  clicks = 0;
  keys = 0;
  steps: Array<{ step: string; clicks: number; keys: number }> = [];
  async click(l: Locator) {
    this.clicks++;
    await l.click();
  }
  async tick(l: Locator) {
    this.clicks++;
    await l.check();
  }
  async untick(l: Locator) {
    this.clicks++;
    await l.uncheck();
  }
  async choose(l: Locator, option: string | { label: string }) {
    this.clicks += 2;
    await l.selectOption(option);
  }
  async type(l: Locator, text: string) {
    this.clicks++;
    this.keys += text.length;
    await l.fill(text);
  }
  /** A date typed into a date field: its digits. */
  async typeDate(l: Locator, isoDate: string) {
    this.clicks++;
    this.keys += isoDate.replace(/\D/g, '').length;
    await l.fill(isoDate);
  }
  async done(page: Page, step: string) {
    const before = this.steps.reduce((s, x) => ({ clicks: s.clicks + x.clicks, keys: s.keys + x.keys }), {
      clicks: 0,
      keys: 0,
    });
    this.steps.push({ step, clicks: this.clicks - before.clicks, keys: this.keys - before.keys });
    await screenshot(page, `order999-${this.steps.length}-${step}`);
  }
}

/** The autosave status reaches "Saved (revision n)": the edits before it are on the server. */
async function savedAll(page: Page) {
  const status = page.getByTestId('autosave');
  await status
    .filter({ hasText: /^Saved \(revision \d+\)/ })
    .waitFor({ timeout: 30_000 })
    .catch(async (e: Error) => {
      // Say what the status said instead (a refused save names its reason there).
      throw new Error(`${e.message}\nthe autosave status: ${await status.textContent()}`);
    });
}

describeUi('order 999 through the analyst’s forms only', () => {
  // Three days after the order is signed (1 December), a week before its publication (10 December).
  const suite = draftSuite(SERVICE, '2026-12-04T10:00:00+05:00');

  async function apply(at: string) {
    suite.ui.clock.now = new Date(at);
    const token = await suite.api.login('applicant');
    const res = await suite.api.send<{ version: string; deadlines: Array<{ id: string; dueAt: string | null }> }>(
      'POST',
      '/applications',
      token,
      { serviceId: SERVICE, data: apartment },
    );
    expect(res.status).toBe(201);
    return res.body;
  }

  test('register the act, change the term, add the ground, add and accept scenarios, approve, publish', async () => {
    const j = new Journey();
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    const crashes: string[] = [];
    page.on('pageerror', (e) => crashes.push(e.message));
    await page.waitForURL((u) => u.hash === '#/workbench');

    // 1. New amendment, from the order: registered with its issuer, the act it amends and its entry into force.
    await j.click(page.getByTestId('new-amendment-link'));
    const amend = page.getByTestId('new-amendment');
    const reg = amend.getByTestId('register-act');
    await j.click(reg.locator('summary'));
    await j.type(reg.locator('input[name=actId]'), ORDER);
    await j.type(reg.locator('input[name=actNumber]'), act.number);
    await j.typeDate(reg.locator('input[name=actDate]'), act.date);
    await j.type(reg.locator('input[name=actTitleKk]'), act.title.kk);
    await j.type(reg.locator('input[name=actTitleRu]'), act.title.ru);
    await j.type(reg.locator('input[name=actIssuerKk]'), act.issuer.kk);
    await j.type(reg.locator('input[name=actIssuerRu]'), act.issuer.ru);
    // How the law cites it (a ground cites its p.1 sub. 2): the compiler asks for it, documents print it.
    await j.type(reg.locator('textarea[name=citationKk]'), act.citation.kk);
    await j.type(reg.locator('textarea[name=citationKkGenitive]'), act.citation.kkGenitive);
    await j.type(reg.locator('textarea[name=citationRu]'), act.citation.ru);
    await j.choose(reg.locator('select[name=actAmends]'), 'moj-order-156-2013');
    await j.tick(reg.locator('input[name=actNotPublished]'));
    expect(await reg.locator('input[name=actDays]').inputValue()).toBe('10');
    await j.click(reg.getByRole('button', { name: 'Register', exact: true }));
    await reg.getByText(`Act ${ORDER} registered`).waitFor();
    await amend.getByTestId('act-summary').filter({ hasText: 'not yet published' }).waitFor();
    expect(await amend.getByTestId('act-summary').textContent()).toContain(
      'enters into force 10 calendar days after its first official publication',
    );
    // The services whose versions encode order 156 are ticked; this amendment is the duplicate's only.
    const ticked = await amend
      .locator('input[name=service]:checked')
      .evaluateAll((l) => l.map((x) => (x as HTMLInputElement).value));
    expect(ticked).toContain(SERVICE);
    for (const other of ticked.filter((s) => s !== SERVICE))
      await j.untick(amend.locator(`input[name=service][value="${other}"]`));
    expect(await amend.locator('input[name=itemParagraph]').inputValue()).toBe('1');
    await j.type(amend.locator('input[name=itemSubparagraph]'), '1');
    await j.done(page, 'act');
    await j.click(amend.getByTestId('start-amendment'));
    await page.waitForURL((u) => u.hash.startsWith(`#/workbench/${SERVICE}/editor`), { timeout: 20_000 });

    // 2. The draft: the version's id and name, the date it is expected in force from (scenarios before it keep
    // testing order 65), and the term for housing objects 1 → 2 working days, explained on the calendar.
    const actItem = page.getByTestId('act-item');
    await actItem.getByText('Changes cite: order No. 999 p.1 sub. 1').waitFor({ timeout: 20_000 });
    const identity = page.getByTestId('version-identity');
    await j.type(identity.locator('input[name=versionId]'), '2026-order-999');
    await j.type(identity.locator('[name="versionLabel.kk"]'), '№ 999 бұйрықпен өзгертілген редакция');
    await j.type(identity.locator('[name="versionLabel.ru"]'), 'Редакция с изменениями приказа № 999');
    await j.type(identity.locator('[name="versionLabel.en"]'), 'As amended by order No. 999');
    await j.typeDate(actItem.locator('input[name=expectedFrom]'), '2026-12-21');
    await j.click(actItem.getByRole('button', { name: 'Cite this item' }));
    await savedAll(page);
    await j.click(page.locator('[data-section=deadlines]'));
    const deadlines = page.getByTestId('section-deadlines');
    const housing = deadlines.getByRole('group', { name: /apartments, dormitory rooms/ });
    await j.type(deadlines.getByLabel('Explain for an application submitted at'), '2026-12-22T10:00');
    j.keys -= 'T:'.length; // typed as digits
    await j.type(housing.getByLabel('Number', { exact: true }), '2');
    await housing.getByText(/due Thu 24\.12 18:30/).waitFor({ timeout: 15_000 });
    await savedAll(page);
    await j.done(page, 'term');

    // 3. The ground, citing the next item of the order: p.1 sub. 2.
    await j.type(actItem.getByLabel('Sub-paragraph', { exact: true }), '2');
    await j.click(actItem.getByRole('button', { name: 'Cite this item' }));
    await actItem.getByText('Changes cite: order No. 999 p.1 sub. 2').waitFor();
    await j.click(page.locator('[data-section=grounds]'));
    const grounds = page.getByTestId('section-grounds');
    await j.click(grounds.getByTestId('add-ground'));
    const form = grounds.getByRole('form', { name: 'New ground' });
    await j.type(form.getByLabel('Ground id'), underArrest.id);
    await j.click(form.getByRole('button', { name: 'Add', exact: true }));
    const card = grounds.locator(`article[data-ground="${underArrest.id}"]`);
    const text = (legend: RegExp, lang: 'Kazakh' | 'Russian') =>
      card.getByRole('group', { name: legend }).getByLabel(lang, { exact: true });
    // A new ground is a refusal the officer decides: the defaults of this one.
    expect(await card.getByRole('radio', { name: 'Refusal to render the service' }).isChecked()).toBe(true);
    expect(await card.getByRole('radio', { name: "The officer's finding" }).isChecked()).toBe(true);
    await j.type(card.getByLabel('Finding name'), 'objectUnderArrest');
    await j.type(text(/^Text of the ground/, 'Kazakh'), underArrest.text.kk);
    await j.type(text(/^Text of the ground/, 'Russian'), underArrest.text.ru);
    await j.type(text(/^Message to the applicant/, 'Kazakh'), underArrest.message.kk);
    await j.type(text(/^Message to the applicant/, 'Russian'), underArrest.message.ru);
    // The fact in words the refusal prints under the ground, with the object's cadastral number.
    await j.type(text(/^Fact in words/, 'Kazakh'), underArrest.fact.kk);
    await j.type(text(/^Fact in words/, 'Russian'), underArrest.fact.ru);
    const picker = card.getByTestId('legal-ref-picker');
    await j.choose(picker.getByLabel('Act', { exact: true }), ORDER);
    await j.type(picker.getByLabel('Paragraph', { exact: true }), '1');
    await j.type(picker.getByLabel('Sub-paragraph', { exact: true }), '2');
    expect(await picker.getByTestId('legal-ref-text').textContent()).toContain('пункт 1, подпункт 2)');
    await page.locator('.qz-previews tbody tr').filter({ hasText: underArrest.id }).waitFor({ timeout: 15_000 });
    await savedAll(page);
    await j.done(page, 'ground');

    // 4. Scenarios from the act's words: an apartment on 22.12.2026 (second working day) and the ground fired.
    await j.click(page.locator(`a[href="#/workbench/${SERVICE}/scenarios"][role=tab]`));
    const panel = page.getByTestId('scenarios-panel');
    await panel.locator('[data-testid=scenario]').first().waitFor({ timeout: 40_000 });
    await j.type(panel.getByLabel('Name of the new scenario'), 'Apartment on 22.12.2026: second working day');
    await j.choose(panel.getByLabel('Start from'), { label: `Copy of “${FIRST_SCENARIO}”` });
    await j.click(panel.getByRole('button', { name: 'Create scenario' }));
    const second = panel.locator(
      '[data-testid=scenario][data-file$="-apartment-on-22-12-2026-second-working-day.json"]',
    );
    const secondEditor = second.getByTestId('scenario-editor');
    await secondEditor.waitFor({ timeout: 15_000 });
    await j.typeDate(secondEditor.getByLabel('Submitted at (Asia/Almaty)'), '2026-12-22T10:00');
    await secondEditor
      .locator('tr[data-fact="/expect/deadlines/service"]')
      .filter({ hasText: '24.12.2026 18:30' })
      .waitFor({ timeout: 20_000 });
    await j.click(secondEditor.getByRole('button', { name: 'Accept received as expected' }));
    await second.and(page.locator('[data-passed=true]')).waitFor({ timeout: 20_000 });
    await j.click(second.getByRole('button', { name: 'Close' }));

    await j.type(panel.getByLabel('Name of the new scenario'), 'Object under arrest: refused');
    await j.choose(panel.getByLabel('Start from'), {
      label: 'Copy of “Apartment on 22.12.2026: second working day”',
    });
    await j.click(panel.getByRole('button', { name: 'Create scenario' }));
    const arrest = panel.locator('[data-testid=scenario][data-file$="-object-under-arrest-refused.json"]');
    const arrestEditor = arrest.getByTestId('scenario-editor');
    await arrestEditor.waitFor({ timeout: 15_000 });
    await j.tick(
      arrestEditor.getByRole('group', { name: 'Officer’s findings in event 2' }).getByLabel(/objectUnderArrest/),
    );
    // A refusal must be motivated: the examination that finds the arrest carries the officer's reasoning.
    await j.type(arrestEditor.getByLabel('Reasoning of event 2 in Kazakh'), 'Объектіге сот тыйым салған.');
    await j.click(arrestEditor.getByRole('button', { name: 'Remove event 3' }));
    await arrestEditor.locator('tr[data-fact="/expect/status"]').filter({ hasText: 'Refused' }).waitFor({
      timeout: 20_000,
    });
    await j.click(arrestEditor.getByRole('button', { name: 'Accept received as expected' }));
    await arrest.and(page.locator('[data-passed=true]')).waitFor({ timeout: 20_000 });
    await j.done(page, 'scenarios');

    // 5. The review in words: the changes under their act items, every scenario passing on the server too.
    // The scenarios are saved with the draft; the check saves what is not saved yet before it runs.
    await j.click(page.locator(`a[href="#/workbench/${SERVICE}/versions"][role=tab]`));
    const review = page.getByTestId('review');
    await j.click(review.getByTestId('run-check'));
    await review.getByTestId('checked-rev').waitFor({ timeout: 30_000 });
    const groups = review.locator('[data-testid=change-group]');
    expect(await groups.evaluateAll((l) => l.map((g) => g.getAttribute('data-act-item')))).toEqual(
      expect.arrayContaining(['order No. 999 p.1 sub. 1', 'order No. 999 p.1 sub. 2']),
    );
    expect(await review.textContent()).toMatch(/1 workingDays\s*→\s*2 workingDays/);
    expect(await review.locator('[data-testid=impact] tr[data-passed=false]').count()).toBe(0);
    expect(await review.textContent()).not.toContain('{"');
    await j.done(page, 'review');

    // 6. A second analyst, in Kazakh, reads the same check and approves the revision it was made of.
    const reviewer = await signIn(suite.ui, 'reviewer', { lang: 'kk' });
    await reviewer.goto(`${suite.ui.base}#/workbench/${SERVICE}/versions`);
    await reviewer.getByTestId('run-check').click();
    await reviewer.getByTestId('checked-rev').waitFor({ timeout: 30_000 });
    const approve = reviewer.getByRole('button', { name: /^\d+-ревизияны мақұлдау$/ });
    const rev = (await approve.textContent())!.replace(/\D/g, '');
    await approve.click();
    await reviewer.locator(`[data-testid=approvals] li[data-rev="${rev}"]`).waitFor();
    await screenshot(reviewer, 'order999-approved-by-reviewer');
    await reviewer.context().close();

    // 7. Published 10 December: in force from 21 December, shown before confirming.
    await j.click(page.getByTestId('refresh-draft'));
    await page.locator(`[data-testid=approvals] li[data-rev="${rev}"]`).waitFor();
    // The approver by name, not by id.
    expect(await page.getByTestId('approvals').textContent()).toContain('Нұрлан Әбенов');
    await j.typeDate(page.locator('input[name=publishedOn]'), '2026-12-10');
    expect(await page.inputValue('input[name=calendarDays]')).toBe('10');
    await page.getByTestId('computed-effective').filter({ hasText: '2026-12-21' }).waitFor();
    await j.click(page.getByRole('button', { name: 'Publish', exact: true }));
    await j.click(page.getByRole('button', { name: 'Confirm and publish' }));
    await page.getByTestId('published').waitFor({ timeout: 20_000 });
    const published = page.locator('[data-testid=versions-timeline] li[data-version="2026-order-999"]');
    await published.waitFor();
    expect(await published.getByTestId('effective-from').textContent()).toBe('2026-12-21');
    await j.done(page, 'published');

    // No JSON editor was ever opened or typed into: Monaco never loaded in the analyst's page.
    expect(await page.evaluate(() => typeof window.__qyzmetEditor)).toBe('undefined');
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    expect(crashes).toEqual([]);
    mkdirSync(artifacts, { recursive: true });
    const counts = { clicks: j.clicks, keystrokes: j.keys, steps: j.steps };
    writeFileSync(join(artifacts, 'order999-journey.json'), `${JSON.stringify(counts, null, 2)}\n`);
    console.log(`order 999 through the forms: ${j.clicks} clicks, ${j.keys} keystrokes`, j.steps);
    await page.context().close();

    // Over the API: registered before 21 December, order 65's first working day; after it, order 999's second.
    await expectAppliedByDate(apply);
  }, 300_000);
});
