import { diffJson } from '@qyzmet/engine';
import { draftSuite, tokenOf } from './draftApi';
import { describeUi, screenshot, signIn } from './harness';

const SERVICE = 'cadastral-passport-duplicate';
/** The description of the condition isHousingObject in English: the case's group is named by it. */
const HOUSING = /apartments, dormitory rooms, individual houses/;

interface DraftView {
  id: string;
  rev: number;
  publishedAt: string | null;
  discardedAt: string | null;
  definition: { changes?: Array<{ op: string; path: string; value?: unknown }> };
  materialised: { deadlines: Array<{ id: string; cases: Array<{ duration: string; when?: unknown }> }> } | null;
}

describeUi('the deadlines editor: a term changed in a form, explained on the calendar', () => {
  const suite = draftSuite<DraftView>(SERVICE);

  test('the housing case goes from 1 to 2 working days: the explanation follows, the draft saves exactly that change', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor`);
    await page.getByTestId('new-draft').click();
    const status = page.getByTestId('autosave');
    await status.filter({ hasText: /^Saved \(revision \d+\)/ }).waitFor({ timeout: 20_000 });
    const token = await tokenOf(page);
    const created = await suite.api.openDraft(token);
    expect(created.definition.changes ?? []).toEqual([]);
    const before = created.materialised!.deadlines[0];
    expect(before.id).toBe('service');
    expect(before.cases[0]).toMatchObject({ when: { condition: 'isHousingObject' }, duration: '1 workingDays' });

    await page.click('[data-section=deadlines]');
    await page
      .locator('.qz-previews tbody tr')
      .filter({ hasText: HOUSING })
      .filter({ hasText: '1 workingDays' })
      .waitFor();
    await page.waitForURL((u) => u.hash === `#/workbench/${SERVICE}/editor/deadlines`);
    // The instant of submission: Friday 18 December 2026, 10:00 Astana time.
    await page.getByLabel(/^Explain for an application submitted at/).fill('2026-12-18T10:00');

    const housing = page.getByRole('group', { name: HOUSING });
    const summary = housing.getByTestId('due-summary');
    await expect(summary.textContent()).resolves.toBe(
      'registered Fri 18.12 at 10:00 → due Mon 21.12 18:30; skipped: Sat 19.12, Sun 20.12',
    );
    // The condition is picked by its words, and the unit by its name, not by keys.
    const when = housing.getByLabel('Applies when');
    expect(await when.locator('option:checked').textContent()).toMatch(HOUSING);
    expect(await housing.getByLabel('Unit').locator('option:checked').textContent()).toBe('working days');

    // The number as typed drives the explanation: an empty field says what is missing and saves nothing.
    const number = housing.getByLabel('Number');
    await number.fill('');
    await expect(housing.getByTestId('due-explanation').textContent()).resolves.toContain('Type a number.');
    await number.fill('2');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid=due-summary]')].some((e) =>
          e.textContent?.startsWith('registered Fri 18.12 at 10:00 → due Tue 22.12 18:30;'),
        ),
      null,
      { timeout: 5_000 },
    );
    expect(await summary.textContent()).toBe(
      'registered Fri 18.12 at 10:00 → due Tue 22.12 18:30; skipped: Sat 19.12, Sun 20.12',
    );
    // The other cases are untouched, and the preview beside the form recompiles with the new term.
    const upTo1000 = page.getByRole('group', {
      name: 'Case 2: other real-estate objects with a total area of up to 1000 square metres',
      exact: true,
    });
    expect(await upTo1000.getByLabel('Number').inputValue()).toBe('2');
    const previewRow = page.locator('.qz-previews tbody tr').filter({ hasText: HOUSING });
    await previewRow.filter({ hasText: '2 workingDays' }).waitFor({ timeout: 10_000 });

    await status.filter({ hasText: `Saved (revision ${created.rev + 1})` }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'deadlines-editor');

    const saved = await suite.api.openDraft(token);
    expect(saved.rev).toBe(created.rev + 1);
    // Exactly one value of the version changed: the term of the housing case.
    expect(diffJson(created.materialised, saved.materialised)).toEqual([
      { pointer: '/deadlines/0/cases/0/duration', kind: 'changed', before: '1 workingDays', after: '2 workingDays' },
    ]);
    // The server writes it as one change of the element that holds it (the deadline `service`, whole), citing the
    // draft's act item; nothing else is in the change list.
    const changes = saved.definition.changes ?? [];
    expect(changes.map(({ op, path }) => ({ op, path }))).toEqual([{ op: 'replace', path: '/deadlines/0' }]);
    expect(diffJson(before, changes[0].value)).toEqual([
      { pointer: '/cases/0/duration', kind: 'changed', before: '1 workingDays', after: '2 workingDays' },
    ]);

    // In Kazakh the explanation reads in Kazakh (weekday abbreviations, holidays by their Kazakh names).
    await page.locator('header select, nav select').first().selectOption('kk');
    await page.getByTestId('deadline-submitted').fill('2026-12-15T10:00');
    const kk = page.getByRole('group', { name: /пәтерлер, жатақханалардағы бөлмелер/ }).getByTestId('due-summary');
    await expect(kk.textContent()).resolves.toBe(
      'тіркелді: сс 15.12, сағат 10:00 → мерзімі: жм 18.12, 18:30; есептелмеген күндер: ср 16.12 (Тәуелсіздік күні)',
    );
    await screenshot(page, 'deadlines-editor-kk');
  }, 120_000);

  test('without a draft the terms are read only; a term the act leaves to another document is said in words', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    await page.goto(`${suite.ui.base}#/workbench/licence-design-activity/editor/deadlines`);
    // The Standard that sets the term of this licence is not in the materials: said so, with no input to guess in.
    const service = page.getByRole('region', { name: 'Term: Term of the service' });
    await service.waitFor({ timeout: 20_000 });
    const statement = (await service.getByRole('note').textContent()) ?? '';
    expect(statement).toContain('The term is not encoded');
    expect(statement).toContain('The overall term of the service');
    expect(statement).toContain('gov-1036-standard-design');
    expect(await service.getByLabel('Number').count()).toBe(0);

    // A term with cases is shown, explained, and not editable: no draft is open.
    const check = page.getByRole('region', { name: 'Term: Term of the completeness check' });
    const number = check.getByLabel('Number');
    expect(await number.inputValue()).toBe('2');
    expect(await number.getAttribute('readonly')).not.toBeNull();
    expect(await check.getByLabel('Unit').isDisabled()).toBe(true);
    expect(await check.getByTestId('due-summary').textContent()).toMatch(/registered .+ → due .+;/);
    expect(await page.getByRole('button', { name: 'Add a case' }).count()).toBe(0);
    await screenshot(page, 'deadlines-editor-read-only');
  }, 90_000);

  test('odd data from the JSON section (a negated condition, a case without a term, an include) never takes the form down', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    // The draft of the first test is open; the engineers' JSON section writes what the form does not offer.
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor/json`);
    await page.waitForFunction(() => !!window.__qyzmetEditor?.getModel()?.getValue().includes('"deadlines"'), null, {
      timeout: 20_000,
    });
    await page.evaluate(() => {
      const model = window.__qyzmetEditor!.getModel()!;
      const version = JSON.parse(model.getValue()) as {
        deadlines: Array<Record<string, unknown> & { cases: Array<Record<string, unknown>> }>;
      };
      const cases = version.deadlines[0].cases;
      cases[1].when = { condition: 'isOtherUpTo1000', negate: true };
      delete cases[2].duration;
      version.deadlines.push({ $include: '../../../shared/nowhere.json#/deadlines/0' } as never);
      model.setValue(JSON.stringify(version, null, 2));
    });
    await page.click('[data-section=deadlines]');
    const negated = page.getByRole('group', {
      name: 'Case 2: when it does not hold: other real-estate objects with a total area of up to 1000 square metres',
    });
    await negated.waitFor();
    expect(await negated.textContent()).toContain('This condition is edited in the JSON section.');
    expect(await negated.getByRole('combobox', { name: 'Applies when' }).count()).toBe(0);
    const noTerm = page.getByRole('group', {
      name: 'Case 3: real-estate objects with a total area over 1000 square metres',
    });
    expect(await noTerm.getByLabel('Number').inputValue()).toBe('');
    expect(await noTerm.getByTestId('due-explanation').textContent()).toContain('Type a number.');
    // The engine's problem of the case (its term is required) is shown in the case, which is marked.
    await page.waitForSelector('fieldset.qz-dl-case[aria-invalid=true]', { timeout: 10_000 });
    expect(await noTerm.getAttribute('aria-invalid')).toBe('true');
    expect(await noTerm.locator('.qz-dl-problems').textContent()).toMatch(/duration/);
    expect(await page.getByRole('note').filter({ hasText: 'Shared term' }).count()).toBe(1);
    await screenshot(page, 'deadlines-editor-odd-data');

    // A case added at the end applies always, one working day until changed; it can be removed again.
    const service = page.getByRole('region', { name: 'Term: Term of the service' });
    await service.getByRole('button', { name: 'Add a case' }).click();
    const added = service.getByRole('group', { name: 'Case 4: Always (no condition)' });
    expect(await added.getByLabel('Number').inputValue()).toBe('1');
    await added.getByRole('button', { name: 'Remove case 4' }).click();
    await added.waitFor({ state: 'detached' });
    // A new term needs a free identifier in the format's spelling before it can be added.
    const newId = page.getByLabel('Identifier of the new term');
    const add = page.getByRole('button', { name: 'Add a term' });
    await newId.fill('Review term');
    expect(await newId.getAttribute('aria-invalid')).toBe('true');
    expect(await add.isDisabled()).toBe(true);
    await newId.fill('service');
    expect(await page.getByText('The identifier “service” is taken').count()).toBe(1);
    await newId.fill('review-term');
    await add.click();
    const term = page.getByRole('region', { name: 'Term: review-term' });
    expect(await term.getByRole('group', { name: 'Case 1: Always (no condition)' }).count()).toBe(1);
    expect(await newId.inputValue()).toBe('');
  }, 90_000);
});
