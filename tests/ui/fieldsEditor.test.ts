import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { draftSuite, tokenOf } from './draftApi';
import { describeUi, screenshot, signIn } from './harness';

const SERVICE = 'cadastral-passport-duplicate';
type Schema = Record<string, unknown>;
/** The version in force, as written on disk: the draft starts as a copy of it. */
const base = JSON.parse(
  readFileSync(join(__dirname, `../../definitions/services/${SERVICE}/versions/2026-order-65.json`), 'utf8'),
) as { form: Schema };
const group = (form: Schema, ...path: string[]) => path.reduce((s, k) => (s.properties as Schema)[k] as Schema, form);

interface DraftView {
  id: string;
  rev: number;
  publishedAt: string | null;
  discardedAt: string | null;
  materialised: { form: Schema } | null;
}

describeUi('the form-fields editor of the workbench', () => {
  const suite = draftSuite<DraftView>(SERVICE);

  /** The open draft read whole from the server: the version it makes, materialised. */
  const serverDraft = async (page: Page) => suite.api.openDraft(await tokenOf(page));

  /** A draft open for the service (this suite's tests run alone too). */
  async function ensureDraft(page: Page): Promise<void> {
    const token = await tokenOf(page);
    const list = await suite.api.call<{ items: DraftView[] }>('GET', suite.api.drafts, token);
    if (list.items.some((d) => !d.publishedAt && !d.discardedAt)) return;
    const res = await suite.api.send('POST', suite.api.drafts, token, { note: '' });
    expect(res.status).toBe(201);
  }

  test('an analyst relabels a field, adds and removes a choice, adds a field; the preview and the saved draft follow', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor/fields`);
    await page.getByTestId('new-draft').click();
    const editor = page.getByTestId('fields-editor');
    const status = page.getByTestId('autosave');
    await status.filter({ hasText: /^Saved \(revision \d+\)/ }).waitFor({ timeout: 20_000 });
    const created = await serverDraft(page);
    const preview = page.getByTestId('form-preview');
    await preview.locator('> label select').selectOption('ru');

    // The tree in page order, groups holding their fields; required ones marked.
    const tree = editor.getByRole('navigation', { name: 'Fields of the form' });
    expect(await tree.locator('[data-field]').evaluateAll((b) => b.map((x) => x.getAttribute('data-field')))).toEqual(
      expect.arrayContaining(['', 'applicant', 'applicant.kind', 'object', 'object.cadastralNumber', 'object.kind']),
    );
    expect(await tree.locator('[data-field="object.cadastralNumber"]').getByLabel('required').count()).toBe(1);

    // 1. The Russian label of the cadastral number: the applicant's form shows it at once.
    await tree.locator('[data-field="object.cadastralNumber"]').click();
    expect(await editor.getByLabel('Type').inputValue()).toBe('text');
    expect(await editor.getByLabel('Format').inputValue()).toBe('cadastral-number');
    await editor.locator('input[name="field-label.ru"]').fill('Кадастровый номер объекта недвижимости');
    await preview
      .locator('label[for="root_object_cadastralNumber"]')
      .filter({ hasText: 'Кадастровый номер объекта недвижимости' })
      .waitFor();

    // 2. A choice gets an option (its value checked as typed), labelled, seen in the preview; then it goes.
    await tree.locator('[data-field="object.kind"]').click();
    expect(await editor.getByRole('radio', { name: 'Always required' }).isChecked()).toBe(true);
    // "other" decides whether the total area is required: it stays (its value too) while that condition stands.
    expect(await editor.getByRole('button', { name: 'Remove the option “other”' }).isDisabled()).toBe(true);
    await editor
      .locator('[data-option="other"]')
      .getByText('This value is in the condition that makes these fields required: «Total area, m²»')
      .waitFor();
    const newOption = editor.getByLabel('Value of a new option (latin)');
    await newOption.fill('Гараж');
    expect(await newOption.getAttribute('aria-invalid')).toBe('true');
    await editor.getByText('Small latin letters and digits').waitFor();
    await newOption.fill('other');
    await editor.getByText('The option “other” exists already.').waitFor();
    await newOption.fill('garage-box');
    await editor.getByRole('button', { name: 'Add the option' }).click();
    const row = editor.locator('[data-option="garage-box"]');
    // Its labels are still to write: the engine's problem is under the choice, the field marked in the tree.
    await tree.locator('[data-field="object.kind"][aria-invalid=true]').waitFor();
    await row.getByText('Write the label in both Kazakh and Russian').waitFor();
    expect(await row.locator('input[name="option-garage-box.ru"]').getAttribute('aria-invalid')).toBe('true');
    await row.locator('input[name="option-garage-box.kk"]').fill('Гараж-бокс');
    await row.locator('input[name="option-garage-box.ru"]').fill('Гаражный бокс');
    await preview.locator('#root_object_kind option', { hasText: 'Гаражный бокс' }).waitFor({ state: 'attached' });
    await tree.locator('[data-field="object.kind"]:not([aria-invalid])').waitFor();
    await editor.getByRole('button', { name: 'Remove the option “garage-box”' }).click();
    expect(await row.count()).toBe(0);
    await preview.locator('#root_object_kind option', { hasText: 'Гаражный бокс' }).waitFor({ state: 'detached' });

    // 3. A new optional text field in the object group: its key is checked as typed (latin camelCase, unique).
    await tree.locator('[data-field="object"]').click();
    const add = editor.getByTestId('add-field');
    const key = add.getByLabel('Key of the new field (latin, camelCase)');
    await key.fill('kind');
    await add.getByText('The group has a field “kind” already.').waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    await key.fill('Entrance-No');
    await add.getByText('Latin camelCase').waitFor();
    await key.fill('entrance');
    expect(await key.getAttribute('aria-invalid')).toBeNull();
    expect(await add.getByRole('button', { name: 'Add the field' }).isDisabled()).toBe(true);
    await add.locator('input[name="new-field-label.kk"]').fill('Кіреберіс нөмірі');
    await add.locator('input[name="new-field-label.ru"]').fill('Номер подъезда');
    await add.getByRole('button', { name: 'Add the field' }).click();
    // The new field is picked: optional, a text without format.
    await tree.locator('[data-field="object.entrance"][aria-current=true]').waitFor();
    expect(await editor.getByRole('radio', { name: 'Optional' }).isChecked()).toBe(true);
    await preview.locator('label[for="root_object_entrance"]').filter({ hasText: 'Номер подъезда' }).waitFor();
    expect(
      await preview
        .locator('label[for="root_object_entrance"]')
        .evaluate((l) => !!l.querySelector('.required') || l.textContent!.includes('*')),
    ).toBe(false);

    // Autosaved: the server's draft differs from the version in force exactly there.
    await status.filter({ hasText: /^Saved \(revision \d+\)/ }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'fields-editor');
    const saved = await serverDraft(page);
    expect(saved.rev).toBeGreaterThan(created.rev);
    const form = saved.materialised!.form;
    const expected = structuredClone(base.form);
    const object = group(expected, 'object');
    (group(expected, 'object', 'cadastralNumber')['x-label'] as Schema).ru = 'Кадастровый номер объекта недвижимости';
    (object.properties as Schema).entrance = {
      type: 'string',
      'x-label': { kk: 'Кіреберіс нөмірі', ru: 'Номер подъезда' },
    };
    expect(form).toEqual(expected);
    // Key order is page order: the new field last in its group, the choice's options as they were.
    expect(Object.keys(group(form, 'object').properties as Schema)).toEqual([
      'cadastralNumber',
      'kind',
      'totalArea',
      'entrance',
    ]);
    expect(group(form, 'object', 'kind').enum).toEqual(group(base.form, 'object', 'kind').enum);
    await page.context().close();
  }, 120_000);

  test('a field is moved and removed (after a second click), one deciding another’s requirement kept, a requirement put on another value', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'ru' });
    await ensureDraft(page);
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor/fields`);
    const editor = page.getByTestId('fields-editor');
    const tree = editor.getByRole('navigation', { name: 'Поля формы' });
    const status = page.getByTestId('autosave');
    await status.filter({ hasText: /\d/ }).waitFor({ timeout: 20_000 });
    const before = await serverDraft(page);
    const preview = page.getByTestId('form-preview');

    // The kind of object decides whether the total area is required: it cannot go, and the panel says why.
    await tree.locator('[data-field="object.kind"]').click();
    await editor.getByText('От этого поля зависит обязательность полей: «Общая площадь, кв. м»').waitFor();
    expect(await editor.getByTestId('remove-field').count()).toBe(0);

    // The receipt copy goes, by keyboard: the first press asks, the second removes.
    await tree.locator('[data-field="payment.receiptCopy"]').focus();
    await page.keyboard.press('Enter');
    await editor.getByTestId('remove-field').focus();
    await page.keyboard.press('Enter');
    await editor.getByTestId('confirm-remove-field').waitFor();
    await page.keyboard.press('Enter');
    await tree.locator('[data-field="payment"][aria-current=true]').waitFor();
    // The button pressed is gone: the focus is on the heading of the group shown instead.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(await tree.locator('[data-field="payment.receiptCopy"]').count()).toBe(0);
    await preview.locator('#root_payment_receiptCopy').waitFor({ state: 'detached' });

    // The consent moves above the payment: the order of the applicant's page follows.
    await tree.locator('[data-field="consentToPersonalData"]').click();
    await editor.getByRole('button', { name: 'Переместить поле выше' }).click();
    await page.waitForFunction(() => {
      const ids = [...document.querySelectorAll('[data-testid=form-preview] [id^=root_]')].map((e) => e.id);
      return ids.indexOf('root_consentToPersonalData') < ids.indexOf('root_payment_viaGateway');
    });

    // The total area, required when the object is "other", becomes required for an apartment instead.
    await tree.locator('[data-field="object.totalArea"]').click();
    expect(await editor.getByRole('radio', { name: 'Обязательное при условии' }).isChecked()).toBe(true);
    const value = editor.getByLabel('имеет значение');
    expect(await value.inputValue()).toBe('"other"');
    await value.selectOption({ label: 'Квартира' });
    expect(await tree.locator('[data-field="object.totalArea"]').textContent()).toContain('*?');

    // Autosaved once the edits stop: a revision newer than the one the page opened with.
    await page.waitForFunction(
      (rev) => {
        const m = /^Сохранено \(ревизия (\d+)\)/.exec(
          document.querySelector('[data-testid=autosave]')?.textContent ?? '',
        );
        return !!m && Number(m[1]) > rev;
      },
      before.rev,
      { timeout: 20_000 },
    );
    const form = (await serverDraft(page)).materialised!.form;
    expect(Object.keys(form.properties as Schema)).toEqual([
      'applicant',
      'object',
      'request',
      'consentToPersonalData',
      'payment',
    ]);
    expect(Object.keys(group(form, 'payment').properties as Schema)).toEqual(['viaGateway']);
    expect(group(form, 'payment').required).toEqual(group(base.form, 'payment').required);
    expect(group(form, 'object').if).toEqual({ properties: { kind: { const: 'apartment' } } });
    expect(group(form, 'object').then).toEqual({ required: ['totalArea'] });
    await page.context().close();
  }, 90_000);

  test('without a draft the fields are shown, not edited; a list of documents is read only with the way to JSON', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'kk' });
    await page.goto(`${suite.ui.base}#/workbench/housing-presence-certificate/editor/fields`);
    const editor = page.getByTestId('fields-editor');
    await editor.locator('[data-field="documents"]').click();
    const hint = editor.getByTestId('field-read-only');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('items');
    expect(await hint.locator('a').getAttribute('href')).toBe('#/workbench/housing-presence-certificate/editor/json');
    expect(await editor.locator('input[name="field-label.kk"]').getAttribute('readonly')).not.toBeNull();
    expect(await editor.getByTestId('add-field').count()).toBe(0);
    expect(await editor.getByTestId('remove-field').count()).toBe(0);
    await screenshot(page, 'fields-editor-read-only');
    await page.context().close();
  }, 60_000);
});
