import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceSchema } from '@qyzmet/engine';
import { inlineWordingAllowed } from '../../admin-ui/src/analyst/editors/templateModel';
import { draftSuite, tokenOf } from './draftApi';
import { describeUi, screenshot, signIn } from './harness';

const SERVICE = 'cadastral-passport-duplicate';
/** The format lets a draft carry a document's wording itself: the editor then saves it, else it is only tried. */
const saves = inlineWordingAllowed(serviceSchema);

/** The data of the scenario of that name, as its file on disk holds it. */
function scenarioData(name: string): { applicant: { fullName: string }; object: { cadastralNumber: string } } {
  const dir = join(__dirname, '../../definitions/services', SERVICE, 'scenarios');
  const scenarios = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return scenarios.find((s) => s.name === name).data;
}

interface DraftView {
  id: string;
  rev: number;
  publishedAt: string | null;
  discardedAt: string | null;
  materialised: {
    machine: { states: Record<string, { label: { kk: string; ru: string } }> };
    documents: Array<{ id: string; templates: { kk: string | { text: string } } }>;
  } | null;
}

describeUi('the steps editor beside the diagram, and the documents’ wording with placeholders', () => {
  const suite = draftSuite<DraftView>(SERVICE);
  /** The Kazakh wording of the duplicate in the draft's version: a file path or `{ text }`. */
  const wordingOf = (d: DraftView) => d.materialised!.documents.find((x) => x.id === 'duplicate')!.templates.kk;

  test('a step picked in the diagram opens here; its Russian name changed shows in the diagram and is saved', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'ru' });
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor/steps`);
    await page.getByTestId('new-draft').click({ timeout: 60_000 });
    const status = page.getByTestId('autosave');
    await status.filter({ hasText: /^Сохранено \(ревизия \d+\)/ }).waitFor({ timeout: 20_000 });
    const token = await tokenOf(page);
    const created = await suite.api.openDraft(token);
    expect(created.materialised!.machine.states.signing.label.ru).toBe('На подписи у руководства');
    // A new draft opens the part last edited: the steps are chosen again.
    await page.click('[data-section=steps]');

    // Nothing is open until a step is picked; a click on the diagram's state opens its card.
    const diagram = page.getByTestId('machine-diagram');
    const node = diagram.locator('g[data-state=signing]');
    await node.waitFor();
    expect(await page.getByTestId('step-card-signing').count()).toBe(0);
    await node.click();
    const card = page.getByTestId('step-card-signing');
    await card.waitFor();
    expect(await node.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('step-toggle-signing').getAttribute('aria-expanded')).toBe('true');
    // The event of this step, its roles and where it leads, as read from the draft.
    const signed = card.locator('[data-event=SIGNED]');
    expect(await signed.getByLabel('Руководство').isChecked()).toBe(true);
    expect(await signed.getByLabel('Следующий шаг').locator('option:checked').textContent()).toBe(
      'Дубликат направлен в личный кабинет',
    );
    // A guard is said in words: the examination's moves name the grounds, not the condition keys.
    await page.getByTestId('step-toggle-examination').click();
    const guards = await page.getByTestId('step-card-examination').getByTestId('guard').allTextContents();
    expect(guards).toContain('только если: есть основание для отказа');
    expect(guards).toContain('только если: нет оснований для отказа');
    // The keyboard reaches the diagram's states: Enter on one selects it again.
    await node.focus();
    await page.keyboard.press('Enter');
    await card.waitFor();

    // The Russian name renamed in the form: the diagram follows, the server keeps it.
    const renamed = 'Подпись руководителя';
    await card.locator('input[name="state.signing.label.ru"]').fill(renamed);
    await node.filter({ hasText: renamed }).waitFor({ timeout: 10_000 });
    await status.filter({ hasText: `Сохранено (ревизия ${created.rev + 1})` }).waitFor({ timeout: 15_000 });
    const saved = await suite.api.openDraft(token);
    expect(saved.rev).toBe(created.rev + 1);
    expect(saved.materialised!.machine.states.signing.label).toMatchObject({
      ru: renamed,
      kk: 'Басшылықтың қол қоюында',
    });

    // A new step's id is checked as typed: capitals are refused, a taken id too, a good one enables the button.
    const add = page.getByTestId('add-state');
    const idInput = add.getByLabel('Идентификатор нового шага');
    await idInput.fill('Signing');
    expect(await idInput.getAttribute('aria-invalid')).toBe('true');
    expect(await add.getByRole('button', { name: 'Добавить шаг' }).isDisabled()).toBe(true);
    await idInput.fill('signing');
    expect(await add.textContent()).toContain('Такой идентификатор уже есть');
    await idInput.fill('head-review');
    expect(await idInput.getAttribute('aria-invalid')).toBeNull();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'steps-editor');

    // The new step opens at once; named in both languages it appears in the diagram.
    await add.getByRole('button', { name: 'Добавить шаг' }).click();
    const fresh = page.getByTestId('step-card-head-review');
    await fresh.waitFor();
    const kk = fresh.locator('input[name="state.head-review.label.kk"]');
    await kk.fill('Басшының қарауы');
    await fresh.locator('input[name="state.head-review.label.ru"]').fill('Рассмотрение руководителем');
    const freshNode = diagram.locator('g[data-state="head-review"]');
    await freshNode.filter({ hasText: 'Рассмотрение руководителем' }).waitFor({ timeout: 10_000 });
    // The Kazakh name emptied: the engine's problem is shown under the name, the field marked.
    await kk.fill('');
    await fresh.locator('fieldset.qz-langtexts[aria-invalid=true]').first().waitFor({ timeout: 10_000 });
    expect(await kk.getAttribute('aria-invalid')).toBe('true');
    await kk.fill('Басшының қарауы');
    // An event of the new step, its id checked as typed, leading to the issued duplicate: a new arrow in the diagram.
    const eventId = fresh.getByLabel('Идентификатор нового события');
    await eventId.fill('reviewed');
    expect(await eventId.getAttribute('aria-invalid')).toBe('true');
    await eventId.fill('REVIEWED');
    await fresh.getByTestId('add-event-head-review').getByLabel('Следующий шаг').selectOption('issued');
    await fresh.getByRole('button', { name: 'Добавить событие' }).click();
    const reviewed = fresh.locator('[data-event=REVIEWED]');
    await reviewed.waitFor();
    // Its names are to be written (the engine asks for both state languages), its role the step's performer's.
    await reviewed.locator('input[name="event.REVIEWED.label.kk"]').fill('Басшы қарады');
    await reviewed.locator('input[name="event.REVIEWED.label.ru"]').fill('Руководитель рассмотрел');
    expect(await reviewed.getByLabel('Сотрудник').isChecked()).toBe(true);
    // The new arrow carries the event's name, not its key.
    await diagram.getByText('Руководитель рассмотрел').waitFor({ timeout: 10_000 });
    expect(await diagram.getByText('REVIEWED').count()).toBe(0);
    // A step deadline added: one working day at first, then two; with no clause cited yet, its citation is marked.
    await fresh.getByLabel('Идентификатор нового срока').fill('head-term');
    await fresh.getByRole('button', { name: 'Добавить срок шага' }).click();
    const timer = fresh.locator('[data-timer=head-term]');
    await timer.waitFor();
    const amount = timer.getByLabel('Количество');
    expect(await amount.inputValue()).toBe('1');
    expect(await timer.getByLabel('Единица').locator('option:checked').textContent()).toBe('рабочих дней');
    await amount.fill('2');
    await timer.locator('[aria-invalid=true]').first().waitFor({ timeout: 10_000 });
    await timer.scrollIntoViewIfNeeded();
    await screenshot(page, 'steps-editor-new-step');
    // Removing the step takes a second click; then it leaves the diagram and the saved draft.
    await fresh.getByRole('button', { name: 'Удалить шаг' }).click();
    expect(await freshNode.count()).toBe(1);
    await fresh.getByRole('button', { name: 'Подтвердить удаление' }).click();
    await freshNode.waitFor({ state: 'detached', timeout: 10_000 });
    await status.filter({ hasText: /^Сохранено/ }).waitFor({ timeout: 15_000 });
    const final = await suite.api.openDraft(token);
    expect(Object.keys(final.materialised!.machine.states)).not.toContain('head-review');
    expect(final.materialised!.machine.states.signing.label.ru).toBe(renamed);
    await page.context().close();
  }, 90_000);

  test('the wording of a document: a placeholder inserted at the cursor, rendered with a scenario’s data', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor/documents`);
    const editor = page.getByTestId('documents-editor');
    await editor.waitFor({ timeout: 20_000 });
    const text = editor.getByTestId('template-duplicate');
    // The Kazakh wording as the template file holds it (once the draft has compiled in the browser).
    await page.waitForFunction(
      (el) => (el as HTMLTextAreaElement | null)?.value.includes('{{data.applicant.fullName}}'),
      await text.elementHandle({ timeout: 20_000 }),
    );
    await expect(text.inputValue()).resolves.toContain('кадастрлық паспортының телнұсқасы');
    const card = editor.locator('[data-document=duplicate]');
    const token = await tokenOf(page);
    const fileBefore = wordingOf(await suite.api.openDraft(token));
    expect(fileBefore).toMatch(/duplicate\.kk\.hbs$/);
    expect(await card.textContent()).toContain(
      saves ? 'Wording changed here is saved as the draft’s own' : 'The definition format cannot keep',
    );

    // The rendering of the document with a scenario that issues it: the applicant's name from its data.
    const frame = card.getByTestId('rendering-duplicate').locator('iframe.qz-doc');
    await frame.waitFor({ timeout: 20_000 });
    const scenarioName = await card
      .getByTestId('rendering-duplicate')
      .getByLabel('Scenario')
      .locator('option:checked')
      .textContent();
    // The scenario's own data, read from its file: its applicant's name is printed where the wording puts it.
    const data = scenarioData(scenarioName!);
    await frame.contentFrame().getByText(`Көрсетілетін қызметті алушы: ${data.applicant.fullName}`).waitFor();

    // The cursor at the end of the text, the cadastral number picked by its label and inserted there.
    await text.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n<p>Тексеру: ');
    const picker = card.getByTestId('placeholder-select');
    await picker.selectOption({ label: 'Real-estate object › Cadastral number — {{data.object.cadastralNumber}}' });
    await card.getByRole('button', { name: 'Insert at the cursor' }).click();
    await page.keyboard.type('</p>');
    const value = await text.inputValue();
    expect(value.endsWith('\n<p>Тексеру: {{data.object.cadastralNumber}}</p>')).toBe(true);
    expect(await card.textContent()).toContain(saves ? 'The draft’s own wording' : 'Trial wording — not saved');
    // The engine renders it: the scenario's cadastral number appears after the inserted words.
    await frame.contentFrame().getByText(`Тексеру: ${data.object.cadastralNumber}`).waitFor({ timeout: 10_000 });
    const status = page.getByTestId('autosave');
    if (saves) {
      // Saved as the draft's own wording: the server's version carries the text the analyst sees.
      await status.filter({ hasText: /^Saved/ }).waitFor({ timeout: 15_000 });
      expect(wordingOf(await suite.api.openDraft(token))).toEqual({ text: value });
    } else expect(wordingOf(await suite.api.openDraft(token))).toBe(fileBefore);
    // A broken wording is the engine's error under the text, the field marked.
    await text.fill('<p>{{#if data.x}}</p>');
    await card
      .getByRole('alert')
      .filter({ hasText: /Error in the wording \(line 1/ })
      .waitFor();
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    await card.getByRole('button', { name: 'Back to the file’s wording' }).click();
    await expect(text.inputValue()).resolves.toContain('{{data.applicant.fullName}}');
    // Back to the file: the draft names it again as it did, and the engine finds it (the field is no longer marked).
    await status.filter({ hasText: /^Saved/ }).waitFor({ timeout: 15_000 });
    expect(wordingOf(await suite.api.openDraft(token))).toBe(fileBefore);
    await page.waitForFunction((el) => !el?.hasAttribute('aria-invalid'), await text.elementHandle());
    expect(await card.locator('.qz-field-problems').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'documents-editor');
    await page.context().close();
  }, 90_000);
});
