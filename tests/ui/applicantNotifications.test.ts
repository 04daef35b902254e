import { seriousViolations } from './a11y';
import { join } from 'node:path';
import { apiOf, artifacts, describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

/**
 * The applicant's notification settings (C6) on a phone in Kazakh, against a real runtime: a number that is not +7 is
 * refused by the server and the refusal stands on the phone field (aria-invalid, described by its message, an error
 * summary); a valid e-mail and number are saved, shown in words, still there after a reload, and each can be turned
 * off; a submitted application then sends its messages, read back from the application's notification log. The
 * applicant's start, confirmation and status pages each have their own title.
 */

interface Sent {
  at: string;
  channel: 'email' | 'sms';
  to: string;
  text: string;
}

describeUi('the applicant’s notifications on a phone, in Kazakh', () => {
  let ui: UiContext;
  beforeAll(async () => {
    // A Tuesday in working hours: the application is registered as it arrives.
    ui = await startUi('2026-03-03T10:00:00+05:00');
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('a bad phone is refused on its field; e-mail and phone saved, kept after a reload; a submission notifies; page titles', async () => {
    const api = apiOf(ui);
    const { token } = await api<{ token: string }>('POST', '/auth/login', { username: 'applicant', password: 'demo' });
    const page = await signIn(ui, 'applicant', { phone: true });
    await page.goto(`${ui.base}#/my`);
    const card = page.locator('[data-testid=notification-settings]');
    await card.locator('[data-testid=notify-state]').waitFor();
    expect(await card.locator('h2').textContent()).toBe('Хабарламалар');
    expect(await card.locator('[data-testid=notify-state]').innerText()).toContain('Хабарлама жіберілмейді');
    // The fields are labelled, and the hint says the messages take the UI language of the moment of saving.
    const email = page.getByLabel('Электрондық пошта');
    const phone = page.getByLabel('Ұялы телефон нөмірі');
    expect(await phone.getAttribute('type')).toBe('tel');
    expect(await phone.getAttribute('aria-describedby')).toBe('notify-sms-hint');
    expect(await card.innerText()).toContain('интерфейс тілінде жазылады (қазір: қазақша)');

    // 1. A number without +7: the server's located 400 stands on the phone field, the e-mail stays valid.
    await email.fill('aigul@example.kz');
    await phone.fill('8 701 234 56 78');
    await card.getByRole('button', { name: 'Сақтау' }).click();
    const summary = card.locator('[data-testid=notify-error-summary]');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'notify-error-summary');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getAttribute('aria-describedby')).toBe('notify-sms-hint notify-sms-error');
    const message = await page.locator('#notify-sms-error').innerText();
    expect(message).toContain('+7');
    expect(message).toMatch(/Ұялы телефон нөмірі/);
    expect(await email.getAttribute('aria-invalid')).toBeNull();
    expect(await summary.locator('a[data-field="notify-sms"]').count()).toBe(1);
    expect(await summary.locator('a[data-field="notify-email"]').count()).toBe(0);
    // The summary's link takes the applicant to the field.
    await summary.locator('a[data-field="notify-sms"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('notify-sms');
    // Nothing was saved by the refused request.
    expect(await api('GET', '/me/notifications', undefined, token)).toEqual({ email: null, sms: null });
    expect(await seriousViolations(page, '[data-testid=notification-settings]')).toEqual([]);
    await screenshot(page, 'notifications-1-bad-phone');
    await card.screenshot({ path: join(artifacts, 'notifications-1-bad-phone-card.png') });

    // 2. A valid number: saved, announced in the live region, shown in words.
    await phone.fill('+7 701 234 56 78');
    await card.getByRole('button', { name: 'Сақтау' }).click();
    const live = card.locator('[data-testid=notify-announcement]');
    await page.waitForFunction(() => !!document.querySelector('[data-testid=notify-announcement]')?.textContent);
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.textContent()).toBe('Хабарлама баптаулары сақталды.');
    expect(await summary.count()).toBe(0);
    expect(await phone.getAttribute('aria-invalid')).toBeNull();
    const state = card.locator('[data-testid=notify-state]');
    expect(await state.innerText()).toContain('Хабарлама жіберіледі:');
    expect(await state.locator('li[data-channel=email]').innerText()).toContain('aigul@example.kz');
    expect(await state.locator('li[data-channel=sms]').innerText()).toContain('+7 701 234 56 78');
    expect(await api('GET', '/me/notifications', undefined, token)).toEqual({
      email: 'aigul@example.kz',
      sms: '+77012345678',
    });
    expect(await seriousViolations(page, '[data-testid=notification-settings]')).toEqual([]);
    await screenshot(page, 'notifications-2-saved');
    await card.screenshot({ path: join(artifacts, 'notifications-2-saved-card.png') });

    // 3. After a reload, still there: in the fields and in the saved state.
    await page.reload();
    await state.locator('li[data-channel=sms]').waitFor();
    expect(await email.inputValue()).toBe('aigul@example.kz');
    expect(await phone.inputValue()).toBe('+7 701 234 56 78');
    expect(await state.locator('li[data-channel=email]').innerText()).toContain('aigul@example.kz');
    // Once saved, the fields fold away under "change" (the page is the list of applications first).
    expect(await phone.isVisible()).toBe(false);
    await card.locator('summary').click();
    expect(await phone.isVisible()).toBe(true);

    // 4. The start page's title names the service.
    const service = await api<{ name: { kk: string } }>('GET', '/services/cadastral-passport-duplicate');
    await page.goto(`${ui.base}#/apply/cadastral-passport-duplicate`);
    await page.locator('.start-page h1').waitFor();
    await page.waitForFunction((n) => document.title.startsWith(n), service.name.kk);
    expect(await page.title()).toBe(`${service.name.kk} — Өтініш беру — Qyzmet`);

    // 5. An application submitted through the form.
    await page.click('a.start-button');
    await page.waitForSelector('#root_object_cadastralNumber');
    await page.selectOption('#root_applicant_kind', { label: 'Жеке тұлға' });
    await page.fill('#root_object_cadastralNumber', '20-321-001-123');
    await page.selectOption('#root_object_kind', { label: 'Басқа жылжымайтын мүлік объектісі' });
    await page.fill('#root_object_totalArea', '150,5');
    await page.selectOption('#root_request_signedWith', { label: 'ЭЦҚ' });
    await page.check('#root_payment_viaGateway');
    await page.check('#root_consentToPersonalData');
    await page.click('button[type=submit]');
    await page.waitForURL((u) => /^#\/my\/[^/]+\/done$/.test(u.hash));
    const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
    const app = await api<{ number: string }>('GET', `/applications/${encodeURIComponent(id)}`, undefined, token);
    await page.locator('[data-field=number]').waitFor();
    // The confirmation's title: the number, the page, the area, the app.
    await page.waitForFunction((n) => document.title.startsWith(n), app.number);
    expect(await page.title()).toBe(`${app.number} · Өтінішіңіз жіберілді — Менің өтініштерім — Qyzmet`);
    const link = page.locator('[data-testid=notify-link]');
    expect(await link.textContent()).toBe('Мәртебе өзгергенде хабарлама алу');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'notifications-3-confirmation');

    // The submission's messages, one per channel, in Kazakh (the language the settings were saved in).
    let log: Sent[] = [];
    for (let i = 0; i < 200 && log.length < 2; i++) {
      log = (
        await api<{ items: Sent[] }>('GET', `/applications/${encodeURIComponent(id)}/notifications`, undefined, token)
      ).items;
      if (log.length < 2) await new Promise((r) => setTimeout(r, 25));
    }
    expect(log.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(log.map((m) => m.to)).toEqual(['ai***@example.kz', '+7 *** *** 56 78']);
    for (const m of log) {
      expect(m.text).toContain(`№ ${app.number} өтініш`);
      expect(m.text).not.toContain(id);
    }

    // 6. The link of the confirmation opens "My applications" at the card.
    await link.click();
    await page.waitForURL((u) => u.hash === '#/my?notifications');
    await card.locator('[data-testid=notify-state] li').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'notifications');
    expect(await phone.isVisible()).toBe(true);
    expect(await page.title()).toBe('Менің өтініштерім — Qyzmet');

    // 7. The status page's title names the number.
    await page.goto(`${ui.base}#/my/${encodeURIComponent(id)}`);
    await page.locator('.status-card').waitFor();
    await page.waitForFunction((n) => document.title.startsWith(n), app.number);
    expect(await page.title()).toBe(`${app.number} · Өтініштің мәртебесі — Менің өтініштерім — Qyzmet`);

    // 8. Each channel can be turned off on its own.
    await page.goto(`${ui.base}#/my`);
    await state.locator('li[data-channel=email]').waitFor();
    await state.getByRole('button', { name: 'Поштаға жіберуді тоқтату' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=notify-state] li[data-channel=email]'));
    expect(await state.locator('li[data-channel=sms]').count()).toBe(1);
    expect(await email.inputValue()).toBe('');
    expect(await api('GET', '/me/notifications', undefined, token)).toEqual({ email: null, sms: '+77012345678' });
    expect(await seriousViolations(page, '[data-testid=notification-settings]')).toEqual([]);
    await screenshot(page, 'notifications-4-email-off');
    await card.screenshot({ path: join(artifacts, 'notifications-4-email-off-card.png') });
    await page.context().close();
  }, 120_000);

  test('settings saved with the UI in Russian: the page speaks Russian and the messages are written in Russian', async () => {
    const api = apiOf(ui);
    const { token } = await api<{ token: string }>('POST', '/auth/login', { username: 'applicant', password: 'demo' });
    const page = await signIn(ui, 'applicant', { phone: true, lang: 'ru' });
    await page.goto(`${ui.base}#/my`);
    const card = page.locator('[data-testid=notification-settings]');
    await card.locator('[data-testid=notify-state]').waitFor();
    expect(await card.locator('h2').textContent()).toBe('Уведомления');
    // Whatever the previous test left, the fields are one click away.
    if (!(await page.getByLabel('Электронная почта').isVisible())) await card.locator('summary').click();
    expect(await card.innerText()).toContain('(сейчас: русский)');
    await page.getByLabel('Электронная почта').fill('aigul@example.kz');
    await page.getByLabel('Номер мобильного телефона').fill('');
    await card.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForFunction(() => !!document.querySelector('[data-testid=notify-announcement]')?.textContent);
    expect(await card.locator('[data-testid=notify-announcement]').textContent()).toBe(
      'Настройки уведомлений сохранены.',
    );
    expect(await card.locator('[data-testid=notify-state] li').count()).toBe(1);
    expect(await api('GET', '/me/notifications', undefined, token)).toEqual({ email: 'aigul@example.kz', sms: null });

    // An application submitted through the API (its language plays no part: the settings' language does).
    const made = await api<{ id: string; number: string }>(
      'POST',
      '/applications',
      {
        serviceId: 'cadastral-passport-duplicate',
        data: {
          applicant: { kind: 'individual', iin: '920715401231', fullName: 'Сейітова Айгүл Маратқызы' },
          object: { cadastralNumber: '20-321-001-124', kind: 'apartment' },
          request: { signedWith: 'eds' },
          payment: { viaGateway: true },
          consentToPersonalData: true,
        },
      },
      token,
    );
    let log: Sent[] = [];
    for (let i = 0; i < 200 && log.length < 1; i++) {
      log = (
        await api<{ items: Sent[] }>(
          'GET',
          `/applications/${encodeURIComponent(made.id)}/notifications`,
          undefined,
          token,
        )
      ).items;
      if (log.length < 1) await new Promise((r) => setTimeout(r, 25));
    }
    expect(log.map((m) => m.channel)).toEqual(['email']);
    expect(log[0].text).toContain(`Заявление № ${made.number}`);
    expect(log[0].text).toContain('Статус:');
    expect(await seriousViolations(page, '[data-testid=notification-settings]')).toEqual([]);
    await card.screenshot({ path: join(artifacts, 'notifications-5-ru-card.png') });
    await page.context().close();
  }, 60_000);
});
