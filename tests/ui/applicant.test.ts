import { fieldId, toExtraErrors } from '../../admin-ui/src/forms/toExtraErrors';
import { toRjsfSchema } from '../../admin-ui/src/forms/toRjsfSchema';
import { describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

// The form transformation and the error mapping are pure: checked without a browser.
describe('the applicant form for rjsf', () => {
  const form = {
    type: 'object',
    'x-label': { kk: 'Сұрау салу', ru: 'Запрос', en: 'Request' },
    required: ['applicant', 'fromGateway'],
    properties: {
      applicant: {
        type: 'object',
        'x-label': { kk: 'Алушы', ru: 'Услугополучатель' },
        required: ['iin'],
        properties: {
          iin: {
            type: 'string',
            format: 'iin',
            'x-label': { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
            'x-description': { kk: '12 цифр', ru: '12 цифр' },
          },
          kind: {
            enum: ['individual', 'legal-entity'],
            'x-enumLabels': { individual: { kk: 'Жеке тұлға', ru: 'Физическое лицо' } },
          },
          plain: { enum: ['a', 'b'] },
        },
      },
      fromGateway: { type: 'object', 'x-source': 'gateway', 'x-label': { kk: 'Шлюзден', ru: 'Из шлюза' } },
    },
  };

  test('x-label becomes the title in the UI language, x-description the description; enums get labels where the definition has them', () => {
    const kk = toRjsfSchema(form, 'kk') as any;
    expect(kk.title).toBe('Сұрау салу');
    expect(kk.properties.applicant.properties.iin).toEqual({
      type: 'string',
      format: 'iin',
      title: 'ЖСН',
      description: '12 цифр',
    });
    expect(kk.properties.applicant.properties.kind.oneOf).toEqual([
      { const: 'individual', title: 'Жеке тұлға' },
      { const: 'legal-entity', title: 'legal-entity' },
    ]);
    expect(kk.properties.applicant.properties.plain).toEqual({ enum: ['a', 'b'], type: 'string' });
    const ru = toRjsfSchema(form, 'ru') as any;
    expect(ru.properties.applicant.properties.iin.title).toBe('ИИН');
    expect(JSON.stringify(ru)).not.toContain('x-label');
  });

  test('fields the provider fetches (x-source gateway) are not the applicant’s to fill', () => {
    const s = toRjsfSchema(form, 'kk') as any;
    expect(s.properties.fromGateway).toBeUndefined();
    expect(s.required).toEqual(['applicant']);
  });

  test('conditional and nested subschemas are converted too; $schema and $id are left to the engine', () => {
    const nested = toRjsfSchema(
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'urn:qyzmet:draft-form',
        type: 'object',
        properties: { kind: { enum: ['a'], 'x-enumLabels': { a: { kk: 'А түрі', ru: 'Вид А' } } } },
        dependentSchemas: { kind: { properties: { extra: { type: 'string', 'x-label': { kk: 'Қосымша' } } } } },
        patternProperties: { '^n': { type: 'string', 'x-description': { kk: 'Түсініктеме' } } },
        allOf: [{ if: { properties: { kind: { const: 'a' } } }, then: { required: ['x'], 'x-label': { kk: 'Онда' } } }],
      },
      'kk',
    ) as any;
    expect(nested.$schema).toBeUndefined();
    expect(nested.$id).toBeUndefined();
    expect(nested.properties.kind.oneOf).toEqual([{ const: 'a', title: 'А түрі' }]);
    expect(nested.dependentSchemas.kind.properties.extra.title).toBe('Қосымша');
    expect(nested.patternProperties['^n'].description).toBe('Түсініктеме');
    expect(nested.allOf[0].then).toEqual({ required: ['x'], title: 'Онда' });
    expect(JSON.stringify(nested)).not.toContain('x-');
  });

  test('a server pointer names the id rjsf gives its field', () => {
    expect(fieldId('/data/applicant/iin')).toBe('root_applicant_iin');
    expect(fieldId('/applicant/iin')).toBe('root_applicant_iin');
  });

  test('server pointers become extraErrors in the UI language; errors on fields not shown are listed apart', () => {
    const schema = toRjsfSchema(form, 'kk');
    const errors = [
      {
        pointer: '/data/applicant/iin',
        code: 'form.format',
        message: 'kk text',
        messages: { kk: '«ЖСН»: қате', ru: '«ИИН»: ошибка', en: 'IIN: wrong' },
      },
      { pointer: '/data/fromGateway', code: 'form.required', message: 'Шлюз' },
    ];
    expect(toExtraErrors(errors, 'ru', schema)).toEqual({
      tree: { applicant: { iin: { __errors: ['«ИИН»: ошибка'] } } },
      unplaced: ['Шлюз'],
    });
    expect(toExtraErrors(errors, 'kk', schema).tree).toEqual({ applicant: { iin: { __errors: ['«ЖСН»: қате'] } } });
  });
});

describeUi('the applicant in Chromium', () => {
  let ui: UiContext;
  beforeAll(async () => {
    ui = await startUi();
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('on a phone: an invalid IIN shows the Kazakh error under the IIN field; once fixed, the registration instant and due date', async () => {
    const page = await signIn(ui, 'applicant', { phone: true });
    await page.clock.setFixedTime(new Date('2026-03-03T10:00:00+05:00')); // the browser's day is the runtime's
    await page.waitForURL((u) => u.hash === '#/apply');
    await page.click('a[data-service="cadastral-passport-duplicate"]');
    await page.click('a.start-button'); // the service's start page, then its form
    await page.waitForSelector('#root_applicant_iin');
    // Titles come from x-label in Kazakh.
    expect(await page.locator('label[for="root_applicant_iin"]').textContent()).toContain('ЖСН');
    // The choices show their Kazakh names (x-enumLabels), never the raw values.
    await page.selectOption('#root_applicant_kind', { label: 'Жеке тұлға' });
    await page.fill('#root_applicant_iin', '900101300018'); // wrong check digit
    await page.fill('#root_applicant_fullName', 'Сейітова Айгүл Маратқызы');
    await page.fill('#root_object_cadastralNumber', '20-321-001-123');
    await page.selectOption('#root_object_kind', { label: 'Пәтер' });
    await page.selectOption('#root_request_signedWith', { label: 'ЭЦҚ' });
    await page.check('#root_payment_viaGateway');
    await page.check('#root_consentToPersonalData');
    // A const in a conditional branch is not pre-filled as the applicant's answer.
    expect(await page.isChecked('#root_request_phoneLinkedToPortal')).toBe(false);
    await page.click('button[type=submit]');

    const field = page.locator('#root_applicant_iin').locator('xpath=ancestor::div[contains(@class,"form-group")][1]');
    const error = field.locator('.error-detail');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('ЖСН');
    expect(text).toContain('12 цифр');
    // Under the field, not in a list far away.
    const input = await page.locator('#root_applicant_iin').boundingBox();
    const box = await error.boundingBox();
    expect(box!.y).toBeGreaterThan(input!.y);
    expect(box!.y - input!.y).toBeLessThan(120);
    // No other field is blamed.
    expect(await page.locator('.apply-form .error-detail').count()).toBe(1);
    await error.scrollIntoViewIfNeeded();
    await screenshot(page, 'applicant-form-error-phone');

    await page.fill('#root_applicant_iin', '900101300017');
    await page.click('button[type=submit]');
    await page.waitForURL((u) => /^#\/my\/[^/]+\/done$/.test(u.hash));
    const registered = page.locator('[data-field=registeredAt] time');
    await registered.waitFor();
    // Registered at once (10:00 on a working Tuesday); due the next working day at the end of working hours.
    expect(await registered.getAttribute('datetime')).toBe('2026-03-03T10:00:00+05:00');
    expect(await registered.textContent()).toBe('2026 жылғы 3 наурыз, 10:00');
    expect(await page.locator('[data-field=dueAt] time').textContent()).toBe('2026 жылғы 4 наурыз, 18:30');
    expect(await page.locator('[data-field=moved]').count()).toBe(0); // registered when it arrived
    await screenshot(page, 'applicant-result-phone');

    // "My applications" lists it with its status and due date.
    const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    await page.goto(`${ui.base}#/my`);
    const row = page.locator(`li[data-id="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('2026 жылғы 4 наурыз, 18:30');
    expect(await row.locator('.badge').textContent()).toBe('Орындалуда');
    await page.context().close();
  }, 60_000);
});
