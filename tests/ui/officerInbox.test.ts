import type { Page } from 'playwright-core';
import { hashPassword } from '../../runtime/src/auth/passwords';
import { seriousViolations } from './a11y';
import { officer } from '../../admin-ui/src/i18n/officer';
import { timeLeftText } from '../../admin-ui/src/officer/timeLeftText';
import { apiOf, describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

/**
 * The officer's inbox in Chromium (issue 19): an officer finds an application by the applicant's IIN, claims it, and
 * a colleague sees it taken; a second, later claim is refused in words naming who holds it; a saved filter is a
 * one-click view that survives a reload; overdue rows say so in words and with an icon; the inbox on a phone is a
 * list of cards; axe finds no serious violation.
 */

const NOW = '2026-03-03T10:00:00+05:00'; // the demo clock: Tuesday

interface Item {
  id: string;
  number: string | null;
  status: string;
  data?: unknown;
  assignee?: { id: string; displayName: string } | null;
}

/** The first 12-digit string (an IIN or BIN) in application data, depth first. */
function iinIn(value: unknown): string | null {
  if (typeof value === 'string') return /^\d{12}$/.test(value) ? value : null;
  if (value && typeof value === 'object')
    for (const v of Object.values(value)) {
      const found = iinIn(v);
      if (found) return found;
    }
  return null;
}

describeUi('the officer inbox in Chromium', () => {
  let ui: UiContext;
  let officerToken: string;
  let officerId: string;
  let overdueId: string;

  /** The API as another client calls it (harness apiOf), with the token before the body. */
  const call = <T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> =>
    apiOf(ui)<T>(method, path, body, token ?? undefined);
  const login = async (username: string) =>
    (await call<{ token: string; user: { id: string } }>('POST', '/auth/login', null, { username, password: 'demo' }))
      .token;

  /** A signed-in page whose clock is the runtime's: "today" in the inbox is the demo day. */
  async function inboxAs(
    username: string,
    hash = '#/inbox',
    options: { phone?: boolean; lang?: 'kk' | 'ru' | 'en' } = {},
  ): Promise<Page> {
    const page = await signIn(ui, username, options);
    await page.clock.setFixedTime(new Date(ui.clock.now));
    await page.goto(`${ui.base}${hash}`);
    await page.reload();
    await page.locator('table.inbox tbody tr').first().waitFor();
    return page;
  }

  beforeAll(async () => {
    ui = await startUi(NOW);
    // A second officer of every provider, without the head's role: they may claim, not take from a colleague.
    await ui.server.ctx.store.createUser({
      id: 'officer-2',
      username: 'officer2',
      passwordHash: await hashPassword('demo'),
      roles: ['officer'],
      actorRoles: ['operator', 'specialist', 'executor', 'officer'],
      providers: ['*'],
      displayName: 'Әсел Нұрова',
      createdAt: NOW,
    });
    officerToken = await login('officer');
    officerId = (await call<{ user?: { id: string }; id?: string }>('GET', '/auth/me', officerToken)).user?.id ?? '';
    // An application overdue today: submitted on Friday, due Monday 18:30.
    overdueId = (await submit('2026-02-27T10:00:00+05:00', 'Мұратов Ерлан', '20-321-001-101')).id;
  }, 90_000);
  afterAll(() => stopUi(ui));

  /** A duplicate cadastral passport the demo applicant submits at `at` (the runtime clock moved there and back). */
  async function submit(at: string, fullName: string, cadastralNumber: string): Promise<Item> {
    const applicantToken = await login('applicant');
    ui.clock.now = new Date(at);
    try {
      return await call<Item>('POST', '/applications', applicantToken, {
        serviceId: 'cadastral-passport-duplicate',
        data: {
          applicant: { kind: 'individual', iin: '900101300017', fullName },
          object: { cadastralNumber, kind: 'apartment' },
          request: { signedWith: 'eds' },
          payment: { viaGateway: true },
          consentToPersonalData: true,
        },
      });
    } finally {
      ui.clock.now = new Date(NOW);
    }
  }

  /** An open demo application and the IIN in its data, read through the API as an officer would see it. */
  async function openApplicationWithIin(): Promise<{ app: Item; iin: string }> {
    const list = await call<{ items: Item[] }>(
      'GET',
      '/applications?limit=200&status=registered,in-progress',
      officerToken,
    );
    for (const item of list.items) {
      if (item.id === overdueId || item.assignee) continue;
      const app = await call<Item>('GET', `/applications/${item.id}`, officerToken);
      const iin = iinIn(app.data);
      if (iin) return { app, iin };
    }
    throw new Error('no open demo application with an IIN in its data');
  }

  test('the officer finds an application by IIN and claims it; a colleague sees it taken, and a late claim is refused in words', async () => {
    const { app, iin } = await openApplicationWithIin();
    const page = await inboxAs('officer');
    await page.fill('input[name=q]', iin);
    await page.press('input[name=q]', 'Enter');
    // The search is in the address: a link to it can be shared.
    await page.waitForURL((u) => new URLSearchParams(u.hash.split('?')[1] ?? '').get('q') === iin);
    const row = page.locator(`tr[data-id="${app.id}"]`);
    await row.waitFor();
    // Every row found is the applicant's: their IIN under their name.
    for (const id of await page.locator('table.inbox tbody td.applicant .id').allTextContents())
      expect(id).toContain(iin);
    expect(await row.locator('td.number').textContent()).toBe(app.number);
    expect(await row.locator('.holder').textContent()).toBe('Бос');

    await row.locator(`[data-claim="${app.id}"]`).click();
    await row.locator(`.holder[data-assignee="${officerId}"]`).waitFor();
    expect(await row.locator('.holder').textContent()).toBe('Ерлан Омаров (сіз)');
    expect(await page.locator('.assign-notice').textContent()).toContain(`№ ${app.number} өтінішті алдыңыз`);
    expect((await call<Item>('GET', `/applications/${app.id}`, officerToken)).assignee?.id).toBe(officerId);
    // The claim is not a page's memory: after a reload the row still shows who took it.
    await page.reload();
    await row.locator(`.holder[data-assignee="${officerId}"]`).waitFor();
    await screenshot(page, 'officer-inbox-claimed');
    expect(await seriousViolations(page)).toEqual([]);

    // A colleague (not a head) opens the same search from its link: the application is taken, by whom, in words,
    // and they are offered no button to take it.
    const colleague = await inboxAs('officer2', `#/inbox?q=${iin}`);
    const theirRow = colleague.locator(`tr[data-id="${app.id}"]`);
    await theirRow.waitFor();
    expect(await theirRow.locator('.holder').textContent()).toBe('Ерлан Омаров');
    expect(await theirRow.locator('button').count()).toBe(0);

    // A second application, unassigned when the colleague's page loaded (found by the tail of its number), is
    // claimed by the officer meanwhile: the colleague's click is refused (409) and the inbox says who holds it.
    const other = { app: await submit('2026-03-03T10:00:00+05:00', 'Сейітова Айгүл', '20-321-001-103') };
    const tail = other.app.number!.slice(-6);
    await colleague.goto(`${ui.base}#/inbox?q=${tail}`);
    const late = colleague.locator(`tr[data-id="${other.app.id}"]`);
    await late.locator(`[data-claim="${other.app.id}"]`).waitFor();
    await call('PUT', `/applications/${other.app.id}/assignee`, officerToken, { userId: officerId });
    await late.locator(`[data-claim="${other.app.id}"]`).click();
    const notice = colleague.locator('.assign-notice .error');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      `№ ${other.app.number} өтінішті Ерлан Омаров алып қойған: оны тек басшы немесе әкімші қайта тағайындай алады.`,
    );
    await late.locator(`.holder[data-assignee="${officerId}"]`).waitFor();
    await colleague.context().close();

    // The officer, a head, assigns the first one to the colleague from the list of the provider's officers, then
    // takes it back.
    await row.locator(`[data-assign-to="${app.id}"]`).selectOption('officer-2');
    await row.locator('.holder[data-assignee="officer-2"]').waitFor();
    expect(await row.locator('.holder').textContent()).toBe('Әсел Нұрова');
    expect(await page.locator('.assign-notice').textContent()).toBe(
      `№ ${app.number} өтініштің орындаушысы: Әсел Нұрова.`,
    );
    await row.locator(`[data-take="${app.id}"]`).click();
    await row.locator(`.holder[data-assignee="${officerId}"]`).waitFor();
    // The officer releases their first claim: the row is free again.
    await row.locator(`[data-release="${app.id}"]`).click();
    await row.locator('.holder[data-assignee=""]').waitFor();
    await page.context().close();
  });

  test('views count and mark overdue rows in words; a saved filter is a one-click view that survives a reload', async () => {
    const page = await inboxAs('officer');
    // Counts per view are shown; the overdue one holds at least the application submitted last Friday.
    await page.locator('[data-count="overdue"]').waitFor();
    expect(Number(await page.locator('[data-count="overdue"]').textContent())).toBeGreaterThanOrEqual(1);
    await page.click('a[data-view="overdue"]');
    await page.waitForURL((u) => u.hash.includes('due=overdue'));
    const overdueRow = page.locator(`tr[data-id="${overdueId}"]`);
    await overdueRow.waitFor();
    // Not colour alone: a word and an icon, and the working time past due.
    expect(await overdueRow.locator('.flag.overdue-flag').textContent()).toBe('⚠ Мерзімі өтті');
    expect(await overdueRow.locator('[data-time-left]').textContent()).toMatch(/^кешігу: /);
    for (const cls of await page.locator('table.inbox tbody tr').evaluateAll((rows) => rows.map((r) => r.className)))
      expect(cls).toBe('overdue');
    expect(await page.locator('a[data-view="overdue"]').getAttribute('aria-current')).toBe('page');

    // Saved with a name, listed as a view of its own.
    await page.click('[data-save-filter]');
    await page.fill('input[name=filterName]', 'Мерзімі өткендер');
    await page.press('input[name=filterName]', 'Enter');
    const saved = page.locator('.saved-filters li', { hasText: 'Мерзімі өткендер' });
    await saved.waitFor();
    // Back to all applications, then a reload: the saved view is still there, and one click opens it.
    await page.click('a[data-view="all"]');
    await page.waitForURL((u) => !u.hash.includes('due=overdue'));
    await page.reload();
    await saved.locator('a').click();
    await page.waitForURL((u) => u.hash.includes('due=overdue'));
    await overdueRow.waitFor();
    await screenshot(page, 'officer-inbox-saved-view');
    expect(await seriousViolations(page)).toEqual([]);

    // Deleted with its own button (named for the filter it deletes).
    await page.click('button[aria-label="«Мерзімі өткендер» сүзгісін жою"]');
    await saved.waitFor({ state: 'detached' });
    expect((await call<{ items: unknown[] }>('GET', '/me/filters', officerToken)).items).toEqual([]);
    await page.context().close();
  });

  test('on a phone the inbox is a list of cards with their labels, no wider than the screen; in Russian it speaks Russian', async () => {
    const phone = await inboxAs('officer', '#/inbox', { phone: true });
    expect(await phone.locator('table.inbox thead').isVisible()).toBe(false);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const card = phone.locator(`tr[data-id="${overdueId}"]`);
    await card.waitFor();
    expect(await card.locator('td[data-label="Орындаушы"]').isVisible()).toBe(true);
    await screenshot(phone, 'officer-inbox-cards-phone');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.context().close();

    // In Russian: the columns, views, flags and working time in Russian words, no English and no codes (only the
    // application numbers, as the registry writes them, are in Latin letters).
    const ru = await inboxAs('officer', '#/inbox', { lang: 'ru' });
    const words = await ru.evaluate(() =>
      [...document.querySelectorAll('h1, nav.views, .filters, .saved-filters, .legend, table.inbox')]
        .map((e) => e.textContent ?? '')
        .join(' '),
    );
    const numbers = await ru.locator('table.inbox td.number').allTextContents();
    expect(numbers.reduce((w, n) => w.replaceAll(n, ''), words)).not.toMatch(/[A-Za-z]/);
    const row = ru.locator(`tr[data-id="${overdueId}"]`);
    expect(await row.locator('.flag').textContent()).toBe('⚠ Просрочена');
    expect(await row.locator('[data-time-left]').textContent()).toMatch(
      /^просрочено на \d+ (ч|мин|раб\. (день|дня|дней))/,
    );
    expect(await ru.locator('a[data-view="unassigned"]').textContent()).toMatch(/^Не назначенные\d+$/);
    await screenshot(ru, 'officer-inbox-ru');
    await ru.context().close();
  });
});

describe('the working time left in words', () => {
  /** The officer texts' own words, filled as i18next fills them. */
  const say = (lang: 'kk' | 'ru' | 'en') => (key: string, values: Record<string, unknown>) =>
    (officer[lang] as Record<string, string>)[key].replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(values[k]));
  const tl = (overdue: boolean, workingDays: number, workingHours: number, workingMinutes: number) => ({
    overdue,
    workingDays,
    workingHours,
    workingMinutes,
  });
  test.each([
    ['kk', tl(false, 2, 3, 15), '2 жұмыс күні 3 сағ қалды'],
    ['ru', tl(false, 2, 3, 15), 'осталось 2 раб. дня 3 ч'],
    ['ru', tl(true, 1, 0, 0), 'просрочено на 1 раб. день'],
    ['ru', tl(false, 5, 0, 0), 'осталось 5 раб. дней'],
    ['ru', tl(false, 21, 1, 0), 'осталось 21 раб. день 1 ч'],
    ['ru', tl(false, 0, 2, 40), 'осталось 2 ч 40 мин'],
    ['kk', tl(true, 0, 0, 45), 'кешігу: 45 мин'],
    ['kk', tl(false, 0, 0, 0), '0 мин қалды'],
    ['en', tl(true, 3, 1, 5), 'overdue by 3 working days 1 h'],
  ] as const)('%s %j → %s', (lang, value, words) => {
    expect(timeLeftText(say(lang), lang, value)).toBe(words);
  });
});
