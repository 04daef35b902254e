import { parseDecimal } from '../../admin-ui/src/forms/parseDecimal';
import { identityPrefill } from '../../admin-ui/src/forms/identityPrefill';
import { seriousViolations } from './a11y';
import { apiOf, describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

// Pure parts first: the number as typed, and the identity put into the form.
describe('numbers typed with a comma or a point', () => {
  test.each([
    ['150,5', 150.5],
    ['150.5', 150.5],
    [' 1 000,25 ', 1000.25],
    ['1\u00a0000', 1000],
    ['1.000,5', 1000.5],
    ['1,000.5', 1000.5],
    ['-3', -3],
    [',5', 0.5],
  ])('%j is %d', (text, n) => expect(parseDecimal(text)).toBe(n));
  test('empty is no value; anything else goes to the server as typed, for it to say what is wrong', () => {
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('  ')).toBeUndefined();
    expect(parseDecimal('150 м²')).toBe('150 м²');
    expect(parseDecimal('1,2,3')).toBe(12.3); // the last separator is the decimal one
  });
});

describe('identity prefill (x-identity)', () => {
  const form = {
    type: 'object',
    properties: {
      applicant: {
        type: 'object',
        properties: {
          iin: { type: 'string', 'x-identity': 'iin' },
          fullName: { type: 'string', 'x-identity': 'fullName' },
          bin: { type: 'string', 'x-identity': 'bin' },
        },
      },
      representative: { type: 'object', properties: { fullName: { type: 'string' } } },
      phone: { type: 'string', 'x-identity': 'phone' },
    },
  };
  test('fills the marked fields the identity has, nothing else; typed data are kept', () => {
    const identity = { fullName: 'Сейітова Айгүл', iin: '920715401231', phone: '+7 701 234 56 78' };
    expect(identityPrefill(form, identity)).toEqual({
      applicant: { iin: '920715401231', fullName: 'Сейітова Айгүл' },
      phone: '+7 701 234 56 78',
    });
    expect(identityPrefill(form, identity, { phone: '+7 777 000 00 00' }).phone).toBe('+7 777 000 00 00');
    expect(identityPrefill(form, null)).toEqual({});
  });
});

describeUi('the applicant’s journey on a phone, in Kazakh', () => {
  let ui: UiContext;
  // Saturday 14:20: the application arrives on a day off, so its registration moves to the next working day.
  const SATURDAY = '2026-03-07T14:20:00+05:00';
  beforeAll(async () => {
    ui = await startUi(SATURDAY);
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('catalogue (search) → start page → form: error summary first, links to fields → comma number → confirmation → the officer acts → the status changes without reload', async () => {
    const api = apiOf(ui);
    // Later the same Saturday than the demo applications, which arrived when the runtime started.
    ui.clock.now = new Date('2026-03-07T15:05:00+05:00');
    const page = await signIn(ui, 'applicant', { phone: true });
    await page.waitForURL((u) => u.hash === '#/apply');

    // 1. The catalogue is the first thing: its search box on the first phone screen, services as cards.
    const search = page.getByLabel('Қызметті іздеу');
    await page.locator('a[data-service]').first().waitFor();
    const all = await page.locator('a[data-service]').count();
    expect(all).toBeGreaterThan(3);
    const box = (await search.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(844);
    expect(await page.locator('.provider-group h2').count()).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-1-catalogue');

    await search.fill('кадастрлық паспорт');
    const card = page.locator('a[data-service="cadastral-passport-duplicate"]');
    await card.waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('a[data-service]').length < n, all);
    // Its term (the service deadline's cases: 1, 2 or 3 working days) and fee in words.
    expect(await card.locator('[data-fact=term]').textContent()).toBe('1–3 жұмыс күні');
    expect(await card.locator('[data-fact=fee]').textContent()).toBe('Ақылы');
    await screenshot(page, 'journey-2-search');

    // 2. The start page: what the form asks, how long, the legal basis; no internal id anywhere.
    await card.click();
    await page.waitForURL((u) => u.hash === '#/apply/cadastral-passport-duplicate');
    const start = page.locator('.start-page');
    await start.locator('.legal-basis li').first().waitFor();
    const startText = await start.innerText();
    expect(startText).toContain('Жылжымайтын мүлік объектісі');
    expect(startText).toContain('Кадастрлық нөмір');
    expect(startText).toContain('1–3 жұмыс күні');
    expect(startText).toContain('№ 21/НҚ'); // the fee in the definition's words: the order that sets the price
    expect(await start.locator('.legal-basis').innerText()).toMatch(/№ 156/);
    expect(startText).not.toMatch(/2026-order-65|cadastral-passport-duplicate|moj-156|workingDays/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-3-start-page');

    // 3. The form: the applicant's identity prefilled from the signed-in user.
    await page.click('a.start-button');
    await page.waitForURL((u) => u.hash === '#/apply/cadastral-passport-duplicate/form');
    await page.waitForSelector('#root_applicant_fullName');
    expect(await page.inputValue('#root_applicant_fullName')).toBe('Сейітова Айгүл Маратқызы');
    expect(await page.inputValue('#root_applicant_iin')).toBe('920715401231');

    // Submitted with the rest empty: the error summary first, focused, a link per error.
    await page.click('button[type=submit]');
    const summary = page.locator('[data-testid=error-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary');
    const summaryBox = (await summary.boundingBox())!;
    const firstField = (await page.locator('.apply-form input, .apply-form select').first().boundingBox())!;
    expect(summaryBox.y).toBeLessThan(firstField.y);
    const links = summary.locator('a[data-field]');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    // In the order of the fields on the form.
    const order = await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-field')!));
    const onForm = await page.evaluate(
      (ids) => [...document.querySelectorAll('.apply-form [id]')].map((e) => e.id).filter((x) => ids.includes(x)),
      order,
    );
    expect(order).toEqual(onForm);
    // The consent the act makes a condition is listed like any error.
    expect(await summary.locator('a[data-field="root_consentToPersonalData"]').count()).toBe(1);
    // A link focuses its field, which says it is invalid and is described by its message.
    await summary.locator('a[data-field="root_object_cadastralNumber"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('root_object_cadastralNumber');
    const field = page.locator('#root_object_cadastralNumber');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('root_object_cadastralNumber__error');
    expect(await page.locator('#root_object_cadastralNumber__error').innerText()).toContain('Кадастрлық нөмір');
    await summary.locator('a[data-field="root_consentToPersonalData"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('root_consentToPersonalData');
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'journey-4-form-errors');

    // Filled in; the area typed with a comma, as a Kazakh or Russian keyboard gives it.
    await page.selectOption('#root_applicant_kind', { label: 'Жеке тұлға' });
    await page.fill('#root_object_cadastralNumber', '20-321-001-123');
    await page.selectOption('#root_object_kind', { label: 'Басқа жылжымайтын мүлік объектісі' });
    const area = page.locator('#root_object_totalArea');
    expect(await area.getAttribute('type')).toBe('text');
    expect(await area.getAttribute('inputmode')).toBe('decimal');
    await area.fill('150,5');
    await page.selectOption('#root_request_signedWith', { label: 'ЭЦҚ' });
    await page.check('#root_payment_viaGateway');
    await page.check('#root_consentToPersonalData');
    // A corrected field loses its error at once.
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await page.click('button[type=submit]');

    // 4. The confirmation: the number (big), registration and due date in words, why registration moved, what next.
    await page.waitForURL((u) => /^#\/my\/[^/]+\/done$/.test(u.hash));
    const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    const { token: applicantToken } = await api<{ token: string }>('POST', '/auth/login', {
      username: 'applicant',
      password: 'demo',
    });
    type View = {
      number: string;
      state: string;
      status: string;
      data: { object: { totalArea: unknown } };
      deadlines: Array<{ id: string; dueAt: string | null }>;
      registration: { registeredAt: string; moved: boolean; reason: { kk: string } | null };
      nextStep: { kk: string } | null;
    };
    const submitted = await api<View>('GET', `/applications/${id}`, undefined, applicantToken);
    expect(submitted.data.object.totalArea).toBe(150.5);
    const number = page.locator('[data-field=number]');
    await number.waitFor();
    expect(await number.textContent()).toBe(submitted.number);
    expect(submitted.number).toMatch(/-2026-\d+$/);
    const due = submitted.deadlines.find((d) => d.id === 'service')!.dueAt!;
    expect(await page.locator('[data-field=dueAt] time').getAttribute('datetime')).toBe(due);
    expect(await page.locator('[data-field=dueAt] time').textContent()).toMatch(/2026.*наурыз/);
    expect(submitted.registration.moved).toBe(true);
    expect(await page.locator('[data-field=registeredAt] time').getAttribute('datetime')).toBe(
      submitted.registration.registeredAt,
    );
    expect(await page.locator('[data-field=moved]').innerText()).toContain(
      submitted.registration.reason?.kk ?? 'жұмыс уақытынан тыс',
    );
    if (submitted.nextStep)
      expect(await page.locator('[data-field=nextStep]').innerText()).toContain(submitted.nextStep.kk);
    expect(await page.locator('.confirmation-page').innerText()).not.toMatch(/2026-order-65|workingDays|undefined/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-5-confirmation');
    expect(await page.getAttribute('[data-testid=track-status]', 'href')).toBe(`#/my/${encodeURIComponent(id)}`);

    // 5. The status page, on the working day the application is registered (the Saturday's session has ended by then:
    // the applicant signs in again); the officer acts, the page follows by itself.
    await page.context().close();
    ui.clock.now = new Date('2026-03-10T10:00:00+05:00');
    const later = await signIn(ui, 'applicant', { phone: true });
    await later.goto(`${ui.base}#/my`);
    await later.locator(`.my-applications > li[data-id="${id}"] h2 a`).click();
    await later.waitForURL((u) => u.hash === `#/my/${id}`);
    const statusCard = later.locator('.status-card');
    await statusCard.waitFor();
    expect(await statusCard.getAttribute('data-state')).toBe(submitted.state);
    await later.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(await seriousViolations(later)).toEqual([]);
    await screenshot(later, 'journey-6-status-before');

    const { token } = await api<{ token: string }>('POST', '/auth/login', { username: 'officer', password: 'demo' });
    for (const type of ['FILE_HANDED_OVER', 'EXAMINED', 'SIGNED'])
      await api('POST', `/applications/${id}/events`, { type }, token);
    await later.waitForFunction(
      () => document.querySelector('.status-card')?.getAttribute('data-status') === 'approved',
      undefined,
      { timeout: 20_000 },
    );
    expect(await later.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await later.locator('.status-card .badge').textContent()).not.toBe('');
    // The change is announced.
    const live = later.locator('[data-testid=status-announcement]');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await later.waitForFunction(() => !!document.querySelector('[data-testid=status-announcement]')?.textContent);
    expect(await live.textContent()).toContain('Өтініштің мәртебесі өзгерді');
    // The issued document is listed.
    expect(await later.locator('.documents li').count()).toBeGreaterThan(0);
    await screenshot(later, 'journey-7-status-after');

    // 6. "My applications": newest first by arrival, with the number and status.
    await later.goto(`${ui.base}#/my`);
    const first = later.locator('.my-applications > li').first();
    await first.waitFor();
    expect(await first.getAttribute('data-id')).toBe(id);
    expect(await first.innerText()).toContain(submitted.number);
    expect(await seriousViolations(later)).toEqual([]);
    await screenshot(later, 'journey-8-my-applications');
    await later.context().close();
  }, 120_000);
});
