import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifacts, describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

const SERVICE = 'cadastral-passport-duplicate';
const SCENARIO = '01-apartment-individual-eds-gateway-approved-first-working-day.json';
/** The amending act registered through the workbench's form (not a real act). */
const ACT = 'test-order-3-2026';

/** The draft editor's text and its markers, through the test hook the workbench exposes (window.__qyzmetEditor). */
const editorText = (page: Page) => page.evaluate(() => window.__qyzmetEditor!.getModel()!.getValue());
const setEditorText = (page: Page, text: string) =>
  page.evaluate((t) => window.__qyzmetEditor!.getModel()!.setValue(t), text);
const markers = (page: Page) =>
  page.evaluate(() =>
    window
      .__qyzmetMonaco!.editor.getModelMarkers({ owner: 'qyzmet', resource: window.__qyzmetEditor!.getModel()!.uri })
      .map((m) => ({ line: m.startLineNumber, message: m.message })),
  );
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
/** Waits until the engine's problems put a marker on that line of the draft. */
const markerAt = (page: Page, line: number) =>
  page.waitForFunction(
    (l) => window.__qyzmetMonaco!.editor.getModelMarkers({ owner: 'qyzmet' }).some((m) => m.startLineNumber === l),
    line,
    { timeout: 10_000 },
  );

async function badge(page: Page): Promise<{ passed: number; total: number }> {
  const text = (await page.getByTestId('scenario-badge').textContent()) ?? '';
  const [passed, total] = text.split('/').map(Number);
  return { passed, total };
}

describeUi('the analyst workbench in Chromium', () => {
  let ui: UiContext;
  beforeAll(async () => {
    ui = await startUi();
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('draft → a deadline change turns a scenario red → fix it → publish with a computed effective date', async () => {
    const page = await signIn(ui, 'analyst', { lang: 'en' });
    await page.waitForURL((u) => u.hash === '#/workbench');
    const row = page.locator(`tr[data-service="${SERVICE}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('2026-order-65');
    await row.locator('a').first().click();
    await page.waitForURL((u) => u.hash === `#/workbench/${SERVICE}/editor`);
    // This journey is the engineers' one: the JSON of the version in Monaco (analysts edit in the forms).
    await page.click('[data-section=json]');

    // A new draft: the engine compiles it in the browser and every scenario passes on the copy of the version in force.
    await page.getByTestId('new-draft').click();
    await page.waitForFunction(
      () => !!window.__qyzmetEditor?.getModel()?.getValue().includes('"2026-order-65-draft"'),
      null,
      { timeout: 20_000 },
    );
    await page.getByTestId('scenario-badge').waitFor();
    // Scenario 01 passes on the copy; only a scenario that pins the version id ("expect.version") may not.
    await page.click(`a[href="#/workbench/${SERVICE}/scenarios"][role=tab]`);
    const scenario = page.locator(`[data-testid=scenario][data-file="${SCENARIO}"]`);
    await scenario.and(page.locator('[data-passed=true]')).waitFor({ timeout: 20_000 });
    const before = await badge(page);
    expect(before.total).toBeGreaterThanOrEqual(20);
    expect(before.passed).toBeGreaterThanOrEqual(before.total - 1);
    await page.click(`a[href^="#/workbench/${SERVICE}/editor"][role=tab]`);
    await page.waitForFunction(() => !!window.__qyzmetEditor?.getModel());
    await page.getByTestId('machine-diagram').locator('[data-state="examination"]').waitFor();
    expect(await page.getByTestId('problems').textContent()).toContain('Problems: 0');
    // The document preview renders the duplicate of a scenario with the engine's templates.
    await page.frameLocator('iframe.qz-doc').locator('body').filter({ hasText: 'Телнұсқа' }).waitFor();
    // The deadlines tried on a submission instant: Saturday 14 February is registered on Monday 16 February at 09:00.
    await page.fill('[data-testid=deadline-at]', '2026-02-14T12:00');
    await page.getByText('2026-02-16T09:00:00+05:00').first().waitFor();
    await screenshot(page, 'analyst-editor-previews');
    mkdirSync(artifacts, { recursive: true });
    await page.getByTestId('machine-diagram').screenshot({ path: join(artifacts, 'analyst-diagram.png') });

    // A meta-schema error (a number where a state id belongs) and a JSON syntax error: markers at the right lines.
    const original = await editorText(page);
    const initialLine = lineOf(original, '"initial": "received"');
    await setEditorText(page, original.replace('"initial": "received"', '"initial": 5'));
    await markerAt(page, initialLine);
    expect((await markers(page)).map((m) => m.line)).toContain(initialLine);
    await screenshot(page, 'analyst-editor-marker');
    const labelLine = lineOf(original, '"label"');
    await setEditorText(page, original.replace('"label": {', '"label" {'));
    await markerAt(page, labelLine);
    expect(Math.min(...(await markers(page)).map((m) => m.line))).toBe(labelLine);

    // The housing-object deadline goes from 1 to 2 working days: scenario 01 turns red on /expect/deadlines/service.
    expect(original.match(/"duration": "1 workingDays"/g)).toHaveLength(1);
    await setEditorText(page, original.replace('"duration": "1 workingDays"', '"duration": "2 workingDays"'));
    await page.waitForFunction(() => window.__qyzmetMonaco!.editor.getModelMarkers({ owner: 'qyzmet' }).length === 0);
    await page.waitForFunction(
      (total) => {
        const [p] = (document.querySelector('[data-testid=scenario-badge]')?.textContent ?? '').split('/').map(Number);
        return p < total;
      },
      before.passed,
      { timeout: 15_000 },
    );
    await page.click(`a[href="#/workbench/${SERVICE}/scenarios"][role=tab]`);
    await scenario.and(page.locator('[data-passed=false]')).waitFor();
    const diff = scenario.locator('tr[data-path="/expect/deadlines/service"]');
    // Instants as people read them (the scenario editor's expected beside received).
    expect(await diff.textContent()).toContain('11.02.2026 18:30');
    expect(await diff.textContent()).toContain('12.02.2026 18:30');
    await screenshot(page, 'analyst-scenarios-red');

    // Fix that scenario's expected due date in its editor: green again.
    await scenario.getByRole('button', { name: 'Edit' }).click();
    await scenario.getByLabel('Show JSON (advanced, for engineers)').check();
    await page.waitForFunction(() => !!window.__qyzmetScenarioEditor?.getModel());
    await page.evaluate(() => {
      const model = window.__qyzmetScenarioEditor!.getModel()!;
      model.setValue(
        model.getValue().replace('"service": "2026-02-11T18:30:00+05:00"', '"service": "2026-02-12T18:30:00+05:00"'),
      );
    });
    await scenario.and(page.locator('[data-passed=true]')).waitFor({ timeout: 15_000 });
    expect(await scenario.locator('tr[data-path]').count()).toBe(0);
    await screenshot(page, 'analyst-scenarios');

    // The amending act, registered in the registry through the draft panel's form, and the item of it that every
    // change of the draft cites, chosen once; scenarios run by the date the draft is expected in force from.
    // Autosave keeps the edits (the term and the scenario's expectation) ~3 s after the last one: no Save click.
    await page.click(`a[href^="#/workbench/${SERVICE}/editor"][role=tab]`);
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('autosave').textContent()).toMatch(/^Saved \(revision \d+\) at \d\d:\d\d$/);
    const actItem = page.getByTestId('act-item');
    expect(await actItem.getByTestId('cites').textContent()).toBe('The changes cite no act item yet');
    await actItem.getByTestId('register-act').locator('summary').click();
    await actItem.locator('input[name=actId]').fill(ACT);
    await actItem.locator('select[name=actType]').selectOption('order');
    await actItem.locator('input[name=actNumber]').fill('3');
    await actItem.locator('input[name=actDate]').fill('2026-03-02');
    await actItem.locator('input[name=actTitleKk]').fill('Сынақ бұйрығы');
    await actItem.locator('input[name=actTitleRu]').fill('Тестовый приказ');
    // "Not yet published" empties the date; this order was published on 5 March (in force 10 days after).
    await actItem.locator('input[name=actNotPublished]').check();
    expect(await actItem.locator('input[name=actPublishedOn]').isDisabled()).toBe(true);
    await actItem.locator('input[name=actNotPublished]').uncheck();
    await actItem.locator('input[name=actPublishedOn]').fill('2026-03-05');
    await actItem.getByRole('button', { name: 'Register', exact: true }).click();
    await actItem.getByText(`Act ${ACT} registered`).waitFor();
    // The same id twice: the registry refuses, and the field is marked.
    await actItem.getByRole('button', { name: 'Register', exact: true }).click();
    await actItem.locator('input[name=actId][aria-invalid=true]').waitFor();
    expect(await actItem.getByTestId('register-act-result').textContent()).toContain('already in the registry');
    await actItem.locator(`select[name=act] option[value="${ACT}"]`).waitFor({ state: 'attached' });
    await actItem.locator('select[name=act]').selectOption(ACT);
    await actItem.getByLabel('Paragraph', { exact: true }).fill('1');
    await actItem.getByLabel('Sub-paragraph', { exact: true }).fill('2');
    await actItem.locator('input[name=expectedFrom]').fill('2026-03-16');
    await actItem.getByRole('button', { name: 'Cite this item' }).click();
    await actItem.getByText('Changes cite: order No. 3 p.1 sub. 2').waitFor();
    await screenshot(page, 'analyst-act-item');
    await actItem.screenshot({ path: join(artifacts, 'analyst-act-item-form.png') });

    // The review in words: the change under its act item with what stood before, the scenarios that fail.
    await page.click(`a[href="#/workbench/${SERVICE}/versions"][role=tab]`);
    const review = page.getByTestId('review');
    await review.getByTestId('run-check').click();
    await review.getByTestId('checked-rev').waitFor();
    const group = review.locator('[data-testid=change-group]');
    expect(await group.count()).toBe(1);
    expect(await group.getAttribute('data-act-item')).toBe('order No. 3 p.1 sub. 2');
    expect(await group.textContent()).toMatch(/1 workingDays\s*→\s*2 workingDays/);
    expect(await review.textContent()).not.toContain('{"');
    const failing = review.locator('[data-testid=impact] tr[data-passed=false]');
    expect(await failing.count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'analyst-review');
    await review.screenshot({ path: join(artifacts, 'analyst-review-panel.png') });
    // Outcomes by the states' names, not their ids.
    expect(await review.getByTestId('open-applications').textContent()).not.toMatch(/\bexamination\b/);
    // Not approved yet: the author may not approve, and Publish says why it is disabled.
    expect(await page.getByTestId('approve').count()).toBe(0);
    expect(await page.getByTestId('four-eyes').textContent()).toContain('You wrote this draft');
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-blocked').textContent()).toMatch(/approval of revision \d+/);

    // Each failing scenario accepted as expected with its button: the check runs again on the new revision.
    for (let n = await failing.count(); n > 0; n--) {
      await failing
        .first()
        .getByRole('button', { name: /^Accept as expected/ })
        .click();
      await page.waitForFunction(
        (left) => document.querySelectorAll('[data-testid=impact] tr[data-passed=false]').length < left,
        n,
        { timeout: 15_000 },
      );
    }
    expect(await review.getByTestId('review-status').textContent()).toContain('accepted as expected');

    // A second analyst approves the revision they read, in a browser of their own.
    // The reviewer works in Kazakh: the same review in their language.
    const reviewer = await signIn(ui, 'reviewer', { lang: 'kk' });
    await reviewer.goto(`${ui.base}#/workbench/${SERVICE}/versions`);
    // They read the check first (the same review in words), then approve the revision it was made of.
    await reviewer.getByTestId('run-check').click();
    await reviewer.getByTestId('checked-rev').waitFor({ timeout: 20_000 });
    expect(await reviewer.locator('[data-testid=impact] tr[data-passed=false]').count()).toBe(0);
    expect(await reviewer.getByTestId('review').textContent()).toContain('Акт тармақтары бойынша өзгерістер');
    const approve = reviewer.getByRole('button', { name: /^\d+-ревизияны мақұлдау$/ });
    await approve.waitFor();
    expect(await reviewer.getByTestId('checked-rev').textContent()).toContain(
      (await approve.textContent())!.replace(/\D/g, ''),
    );
    const rev = (await approve.textContent())!.replace(/\D/g, '');
    await approve.click();
    await reviewer.locator(`[data-testid=approvals] li[data-rev="${rev}"]`).waitFor();
    await screenshot(reviewer, 'analyst-approved-by-reviewer');
    await reviewer.context().close();

    // The author sees the approval of that very revision, and may publish.
    await page.getByTestId('refresh-draft').click();
    await page.locator(`[data-testid=approvals] li[data-rev="${rev}"]`).waitFor();
    expect(await page.getByTestId('publish-blocked').count()).toBe(0);

    // Publish: published 5 March 2026 + 10 calendar days → in force from 16 March, shown before confirming; the
    // publication date and the days come from the cited act's registry entry.
    await page.waitForFunction(
      () => (document.querySelector('input[name=publishedOn]') as HTMLInputElement | null)?.value === '2026-03-05',
    );
    expect(await page.inputValue('input[name=calendarDays]')).toBe('10');
    await page.click(`a[href="#/workbench/${SERVICE}/versions"][role=tab]`);
    expect(await page.getByTestId('computed-effective').textContent()).toContain('2026-03-16');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm and publish' }).click();
    await page.getByTestId('published').waitFor();
    const published = page.locator('[data-testid=versions-timeline] li[data-version="2026-order-65-draft"]');
    await published.waitFor();
    expect(await published.getByTestId('effective-from').textContent()).toBe('2026-03-16');
    // The version it replaces now ends where the new one starts.
    expect(
      await page.locator('[data-testid=versions-timeline] li[data-version="2026-order-65"]').textContent(),
    ).toContain('2026-03-16');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=audit]')?.textContent?.includes('definition.publish'),
    );
    await screenshot(page, 'analyst-versions');

    // The clause coverage of the service's act.
    await page.click(`a[href="#/workbench/${SERVICE}/coverage"][role=tab]`);
    await page.getByTestId('coverage').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('coverage').textContent()).toContain('moj-156-rules');
    await screenshot(page, 'analyst-coverage');
    await page.context().close();
  }, 90_000);

  test('the form preview is the applicant’s form: its labels and choices, the engine’s errors under the fields', async () => {
    const page = await signIn(ui, 'analyst', { lang: 'en' });
    await page.goto(`${ui.base}#/workbench/${SERVICE}/editor`);
    const preview = page.getByTestId('form-preview');
    await preview.locator('#root_applicant_iin').waitFor({ timeout: 20_000 });
    // In Kazakh whatever the UI language, as most applicants see it; the choices by their names, not their values.
    expect(await preview.locator('label[for="root_applicant_iin"]').textContent()).toContain('ЖСН');
    await preview.locator('#root_applicant_kind').selectOption({ label: 'Жеке тұлға' });
    await preview.locator('#root_applicant_iin').fill('900101300018'); // wrong check digit
    await page.getByTestId('form-check').click();
    // The engine's validation in the browser, as the runtime answers a submission: the error under its field.
    const field = preview
      .locator('#root_applicant_iin')
      .locator('xpath=ancestor::div[contains(@class,"form-group")][1]');
    await field.locator('.error-detail').waitFor();
    expect(await field.locator('.error-detail').textContent()).toContain('ЖСН');
    expect(await preview.locator('[role=alert]').textContent()).toContain('қателер');
    // The same form in English: its labels and the same error in English.
    await preview.locator('> label select').selectOption('en');
    expect(await preview.locator('label[for="root_applicant_iin"]').textContent()).toContain('IIN');
    expect(await field.locator('.error-detail').textContent()).toContain('IIN');
    // Correcting the field clears its error at once, as on the applicant's page.
    await preview.locator('#root_applicant_iin').fill('900101300017');
    expect(await field.locator('.error-detail').count()).toBe(0);
    await screenshot(page, 'analyst-form-preview');
    await page.context().close();
  }, 60_000);

  test('two analysts on one draft: a save from a stale revision shows who saved since, and reload', async () => {
    const page = await signIn(ui, 'analyst', { lang: 'en' });
    await page.goto(`${ui.base}#/workbench/${SERVICE}/editor/json`);
    await page.getByTestId('new-draft').click();
    await page.getByTestId('act-item').waitFor({ timeout: 20_000 });
    // The reviewer opens the same draft and saves a note first.
    const reviewer = await signIn(ui, 'reviewer', { lang: 'en' });
    await reviewer.goto(`${ui.base}#/workbench/${SERVICE}/editor`);
    await reviewer.getByLabel('Note on the draft').fill('checked the grounds');
    await reviewer.getByRole('button', { name: 'Save', exact: true }).click();
    await reviewer.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    const reviewerName = await reviewer.evaluate(
      async () => (await (await fetch('/api/v1/auth/me')).json()).user.displayName as string,
    );
    await reviewer.context().close();
    // The analyst's save names the revision it was made from: refused, with a banner instead of a raw problem.
    await page.getByLabel('Note on the draft').fill('my note');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const banner = page.getByTestId('draft-conflict');
    await banner.waitFor();
    // By name, as people know each other, not by id.
    expect(await banner.textContent()).toContain(`This draft was saved by ${reviewerName} since you opened it`);
    expect(await page.locator('pre.error').count()).toBe(0);
    await screenshot(page, 'analyst-draft-conflict');
    // Reload: the reviewer's revision, and no banner.
    await banner.getByRole('button', { name: 'Reload' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Note on the draft').inputValue()).toBe('checked the grounds');
    // The draft says what it amends (the latest published version, one waiting for its date included).
    expect(await page.getByTestId('draft-base').textContent()).toContain('based on 2026-order-65');
    // Discarded after a second click: no draft open any more.
    await page.getByTestId('discard-draft').click();
    await page.getByRole('button', { name: 'Confirm discarding the draft' }).click();
    await page.getByRole('heading', { name: /^No draft/ }).waitFor();
    expect(await page.getByTestId('act-item').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  test('the services list at phone width', async () => {
    const page = await signIn(ui, 'analyst', { phone: true, lang: 'kk' });
    await page.waitForURL((u) => u.hash === '#/workbench');
    await page.locator(`tr[data-service="${SERVICE}"]`).waitFor();
    await screenshot(page, 'analyst-services-phone');
    await page.context().close();
  }, 30_000);
});
