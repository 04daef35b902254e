import { isDeepStrictEqual } from 'node:util';
import type { Locator } from 'playwright-core';
import { item, ORDER, order999Act, order999Citation, underArrest } from '../definitions/order999';
import { draftSuite, eventually, tokenOf } from './draftApi';
import { describeUi, screenshot, signIn } from './harness';

const SERVICE = 'cadastral-passport-duplicate';

interface DraftView {
  id: string;
  rev: number;
  publishedAt: string | null;
  discardedAt: string | null;
  definition: { changes?: Array<{ op: string; path: string; value?: any; legalRef?: unknown }> };
  materialised: { refusalGrounds: any[] } | null;
}

describeUi('the refusal-grounds editor and the legal-reference picker', () => {
  const suite = draftSuite<DraftView>(SERVICE);
  const groundIn = (d: DraftView, id: string) => d.materialised?.refusalGrounds.find((g) => g.id === id);
  /** A kk/ru/en text of a card by its legend, one language by its label. */
  const langInput = (card: Locator, legend: RegExp, lang: 'Kazakh' | 'Russian') =>
    card.getByRole('group', { name: legend }).getByLabel(lang, { exact: true });

  test('order 999’s ground added through the form is saved as a cited change; a misquote is flagged', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    const token = await tokenOf(page);
    // The amending act is in the registry before the workbench opens (its registration is the drafting test's part).
    await suite.api.call('POST', '/admin/acts', token, { id: ORDER, ...order999Act() });

    // No draft yet: the grounds of the version in force, shown and not changed.
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor/grounds`);
    const editor = page.getByTestId('section-grounds');
    const inForce = editor.locator('article[data-ground="incomplete-package"]');
    await inForce.getByRole('button', { expanded: false }).click();
    expect(await inForce.getByLabel('Ground id').getAttribute('readonly')).not.toBeNull();
    expect(await inForce.getByTestId('legal-ref-picker').getByLabel('Act', { exact: true }).isDisabled()).toBe(true);
    expect(await editor.getByTestId('add-ground').count()).toBe(0);
    expect(await editor.getByRole('button', { name: 'Remove the ground' }).count()).toBe(0);
    await page.getByTestId('new-draft').click();
    const status = page.getByTestId('autosave');
    await status.filter({ hasText: /^Saved \(revision \d+\)/ }).waitFor({ timeout: 20_000 });
    // The act item every change of this draft cites: order 999 p.1 sub. 2 (chosen once, in the draft panel).
    const actItem = page.getByTestId('act-item');
    await actItem.locator(`select[name=act] option[value="${ORDER}"]`).waitFor({ state: 'attached' });
    await actItem.locator('select[name=act]').selectOption(ORDER);
    await actItem.getByLabel('Paragraph', { exact: true }).fill('1');
    await actItem.getByLabel('Sub-paragraph', { exact: true }).fill('2');
    await actItem.getByRole('button', { name: 'Cite this item' }).click();
    await actItem.getByText('Changes cite: order No. 999 p.1 sub. 2').waitFor();

    await page.click('[data-section=grounds]');
    const preview = page.locator('.qz-previews');
    await preview.locator('tbody tr').filter({ hasText: 'incomplete-package' }).waitFor({ timeout: 15_000 });
    const before = await preview.locator('tbody tr').count();
    const scenarios = page.getByTestId('scenarios-mini');
    const passing = await scenarios.textContent();

    // A new card asks for the id first, checked as typed: format, then uniqueness.
    await editor.getByTestId('add-ground').click();
    const form = editor.getByRole('form', { name: 'New ground' });
    const id = form.getByLabel('Ground id');
    const add = form.getByRole('button', { name: 'Add', exact: true });
    await id.fill('Object under arrest');
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('lower-case Latin letters and digits, words joined by dashes');
    expect(await add.isDisabled()).toBe(true);
    await id.fill('unreliable-documents');
    expect(await form.textContent()).toContain('Another ground already has the id "unreliable-documents"');
    expect(await add.isDisabled()).toBe(true);
    await id.fill(underArrest.id);
    expect(await id.getAttribute('aria-invalid')).toBeNull();
    await add.click();

    // The new card is open: kind, who decides, the act's text and the message, the citation, the finding.
    const card = editor.locator(`article[data-ground="${underArrest.id}"]`);
    await card.getByRole('radio', { name: 'Refusal to render the service' }).check();
    await card.getByRole('radio', { name: "The officer's finding" }).check();
    await langInput(card, /^Text of the ground/, 'Kazakh').fill(underArrest.text.kk);
    await langInput(card, /^Text of the ground/, 'Russian').fill(underArrest.text.ru);
    // One state language only: the parity indicator says which is missing.
    await langInput(card, /^Message to the applicant/, 'Kazakh').fill(underArrest.message.kk);
    expect(await card.getByRole('group', { name: /^Message to the applicant/ }).textContent()).toContain(
      'Missing in Russian',
    );
    await langInput(card, /^Message to the applicant/, 'Russian').fill(underArrest.message.ru);
    const picker = card.getByTestId('legal-ref-picker');
    await picker.getByLabel('Act', { exact: true }).selectOption(ORDER);
    // Order 999 has no clause inventory: its units are typed.
    await picker.getByText('This act has no clause inventory').waitFor();
    await picker.getByLabel('Paragraph', { exact: true }).fill(underArrest.legalRef.paragraph);
    await picker.getByLabel('Sub-paragraph', { exact: true }).fill(underArrest.legalRef.subparagraph);
    // The citation as documents print it: the act as the law cites it, then its units.
    expect(await picker.getByTestId('legal-ref-text').textContent()).toContain(
      `${order999Citation.ru}, пункт 1, подпункт 2)`,
    );
    const finding = card.getByLabel('Finding name');
    await finding.fill('ObjectUnderArrest');
    expect(await finding.getAttribute('aria-invalid')).toBe('true');
    await finding.fill('objectUnderArrest');
    expect(await finding.getAttribute('aria-invalid')).toBeNull();

    // The fact in words: until it is written the engine says so at each language's field (ground.factMissing).
    const fact = card.getByRole('group', { name: /^Fact in words/ });
    const factKk = fact.getByLabel('Kazakh', { exact: true });
    const factRu = fact.getByLabel('Russian', { exact: true });
    await card.locator('textarea[name="fact.kk"][aria-invalid=true]').waitFor({ timeout: 10_000 });
    expect(await fact.textContent()).toContain(
      'the fact in words is not written: a refusal must name a concrete reason',
    );
    expect(await factRu.getAttribute('aria-invalid')).toBe('true');
    // The Russian typed up to the placeholder, which is inserted from the list at the cursor by its label.
    const [head, tail] = underArrest.fact.ru.split('{{data.object.cadastralNumber}}');
    await factRu.fill(head);
    await fact.getByText(/^Data you can insert/).click();
    await fact
      .getByRole('button', { name: /Cadastral number/i })
      .first()
      .click();
    expect(await factRu.inputValue()).toBe(`${head}{{data.object.cadastralNumber}}`);
    await factRu.press('End');
    await factRu.pressSequentially(tail);
    // One language only: the other's field says it is missing (the refusal is printed in both).
    await fact.getByText('The Kazakh sentence is missing: the refusal is printed in both languages.').waitFor();
    expect(await factKk.getAttribute('aria-invalid')).toBe('true');
    expect(await factRu.getAttribute('aria-invalid')).toBeNull();
    await factKk.fill(underArrest.fact.kk);
    // Previewed on a scenario of the draft (none makes the new ground hold): its data, no placeholder left.
    const previewRu = card.getByTestId('fact-preview-ru');
    await previewRu.filter({ hasText: 'На объект с кадастровым номером 20-321-001-123:15 наложен арест' }).waitFor();
    expect(await previewRu.textContent()).toContain('the ground does not hold there');
    expect(await card.getByTestId('fact-preview-kk').textContent()).toContain('Кадастрлық нөмірі 20-321-001-123:15');
    await card.locator('textarea[name="fact.kk"][aria-invalid=true]').waitFor({ state: 'detached', timeout: 10_000 });

    // The preview beside the form lists the ground once the draft compiles.
    await preview.locator('tbody tr').nth(before).filter({ hasText: underArrest.id }).waitFor({ timeout: 10_000 });
    expect(await preview.locator('tbody tr').nth(before).textContent()).toContain(underArrest.text.ru);
    expect(await card.getAttribute('aria-invalid')).toBeNull();
    // A ground no scenario's officer finds changes no outcome: the scenarios pass as before.
    await page.waitForTimeout(1_000);
    expect(await scenarios.textContent()).toBe(passing);
    await screenshot(page, 'grounds-editor');

    // Autosaved: the server holds the ground as written, added by a change that cites order 999 p.1 sub. 2.
    const saved = await eventually(
      () => suite.api.openDraft(token),
      (d) => isDeepStrictEqual(groundIn(d, underArrest.id), underArrest),
    );
    expect(groundIn(saved, underArrest.id)).toEqual(underArrest);
    const added = saved.definition.changes?.find((c) => c.op === 'add' && c.path.startsWith('/refusalGrounds/'));
    expect(added?.value).toEqual(underArrest);
    expect(added?.legalRef).toEqual(item('2'));

    // The misquote: a ground cited to annex 2 row 3 of the Rules approved by order 156 (the terms), with words that are
    // not there.
    const other = editor.locator('article[data-ground="incomplete-package"]');
    await other.getByRole('button', { expanded: false }).click();
    const ref = other.getByTestId('legal-ref-picker');
    await ref.getByLabel('Act', { exact: true }).selectOption('moj-156-rules');
    await ref.getByLabel('Clause of the act').selectOption('annex 2 row 3');
    const seed = ref.getByTestId('seed-text');
    expect(await seed.textContent()).toContain('бірінші жұмыс күні');
    expect(await ref.getByLabel('Annex', { exact: true }).inputValue()).toBe('2');
    expect(await ref.getByLabel('Row', { exact: true }).inputValue()).toBe('3');
    const quote = ref.getByLabel("Quote (the act's words)");
    await quote.fill('оныншы жұмыс күні');
    expect(await quote.getAttribute('aria-invalid')).toBe('true');
    expect(await ref.getByTestId('quote-error').textContent()).toContain(
      'The quote does not occur in the cited lines of the act',
    );
    // The engine finds it too, at the quote, once the draft recompiles: the card is marked with it.
    await editor.locator('article[data-ground="incomplete-package"][aria-invalid=true]').waitFor({ timeout: 10_000 });
    expect(await other.locator('.qz-badge-fail').textContent()).toBe('Problems: 1');
    await screenshot(page, 'legal-ref-picker');
    // The act's words, with other spacing and case: no flag.
    await quote.fill('Бірінші   жұмыс күні');
    // The engine's own check of the previous text goes with the next compilation (~300 ms after the last edit).
    await ref.getByTestId('quote-error').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await quote.getAttribute('aria-invalid')).toBeNull();
    const quoted = await eventually(
      () => suite.api.openDraft(token),
      (d) => groundIn(d, 'incomplete-package')?.legalRef?.quote === 'Бірінші   жұмыс күні',
    );
    expect(groundIn(quoted, 'incomplete-package').legalRef).toMatchObject({
      act: 'moj-156-rules',
      annex: '2',
      row: '3',
    });

    // A ground added by mistake is removed after a second click; the next card does not inherit the question.
    await editor.getByTestId('add-ground').click();
    await form.getByLabel('Ground id').fill('added-by-mistake');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const mistake = editor.locator('article[data-ground="added-by-mistake"]');
    await mistake.getByRole('button', { name: 'Remove the ground' }).click();
    await mistake.getByRole('button', { name: 'Confirm removing "added-by-mistake"' }).click();
    await mistake.waitFor({ state: 'detached' });
    expect(await editor.locator('article[data-ground]').count()).toBe(before + 1);
    expect(await editor.getByRole('button', { name: /^Confirm removing/ }).count()).toBe(0);

    // A shared ground written as an include (the engineers' JSON section) is read only but for its own citation.
    await page.click('[data-section=json]');
    await page.waitForFunction(() => !!window.__qyzmetEditor?.getModel());
    await page.evaluate(() => {
      const model = window.__qyzmetEditor!.getModel()!;
      const version = JSON.parse(model.getValue());
      const i = version.refusalGrounds.findIndex((g: { id: string }) => g.id === 'unreliable-documents');
      version.refusalGrounds[i] = {
        $include: '../../../shared/grounds/law-state-services-art-19-1.json#/grounds/unreliable-documents',
        legalRef: version.refusalGrounds[i].legalRef,
      };
      model.setValue(`${JSON.stringify(version, null, 2)}\n`);
    });
    await page.click('[data-section=grounds]');
    const shared = editor.locator('article[data-ground="unreliable-documents"]');
    await shared.getByRole('button', { expanded: false }).click();
    expect(await shared.getByRole('note').textContent()).toContain('Shared ground (law-state-services-art-19-1.json)');
    expect(await shared.getByLabel('Ground id').count()).toBe(0);
    const sharedText = shared.locator('textarea[name="text.kk"]');
    expect(await sharedText.inputValue()).toContain('дәйексіздігін анықтау');
    expect(await sharedText.getAttribute('readonly')).not.toBeNull();
    const sharedRef = shared.getByTestId('legal-ref-picker');
    expect(await sharedRef.getByLabel('Row', { exact: true }).getAttribute('readonly')).toBeNull();
    await screenshot(page, 'grounds-editor-shared');
    // In Kazakh: the conditions by their descriptions, the citation as the law writes it (the Rules in the genitive).
    await page.getByRole('combobox', { name: 'Language' }).selectOption('kk');
    await editor.locator('article[data-ground="incomplete-package"]').getByRole('button', { expanded: false }).click();
    await editor.getByText('Бас тарту негіздері', { exact: true }).waitFor();
    expect(await editor.getByTestId('legal-ref-text').textContent()).toContain(
      '№ 156 бұйрығымен бекітілген Жаңадан құрылған',
    );
    expect(await editor.getByTestId('legal-ref-text').textContent()).toContain('қағидаларының 2-қосымшасының 3-жолы');
    await screenshot(page, 'grounds-editor-kk');
    await page.context().close();
  }, 150_000);
});
