import type { BrowserContext, Page } from 'playwright-core';
import { tokenHash } from '../../runtime/src/auth/passwords';
import { seriousViolations } from './a11y';
import { describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

/**
 * The session as people meet it (issue 19, contract C5), in real Chromium against the real runtime: the session is
 * the runtime's httpOnly cookie, so a link opened in a new tab is signed in, a link opened without a session asks to
 * sign in and then lands where it pointed, and signing out in one tab signs out every tab of the browser.
 */
describeUi('the session across tabs, deep links and sign-out', () => {
  let ui: UiContext;
  let applicationId: string;
  beforeAll(async () => {
    ui = await startUi();
    // An application of the demo seed the officer may open: a deep link to its page.
    const { items } = await ui.server.ctx.store.listApplications({ limit: 1, offset: 0 });
    applicationId = items[0].id;
  }, 60_000);
  afterAll(() => stopUi(ui));

  const deepLink = () => `${ui.base}#/application/${applicationId}`;

  /** The sign-in form, filled and sent. */
  async function signInHere(page: Page, username: string): Promise<void> {
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', 'demo');
    await page.click('button[type=submit]');
  }

  const signedIn = (page: Page) => page.locator('header button.logout').waitFor();
  const loginForm = (page: Page) => page.locator('input[name=password]').waitFor();

  test('a deep link opened in a new tab of a signed-in browser opens signed in, on that page', async () => {
    const first = await signIn(ui, 'officer');
    const context: BrowserContext = first.context();
    // The token lives in no script-readable storage: the cookie is httpOnly.
    expect(await first.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('qyzmet.')))).toEqual([]);
    const cookie = (await context.cookies()).find((c) => c.name === 'qyzmet_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await first.evaluate(() => document.cookie)).not.toContain('qyzmet_session');

    const tab = await context.newPage();
    await tab.goto(deepLink());
    await signedIn(tab);
    expect(new URL(tab.url()).hash).toBe(`#/application/${applicationId}`);
    expect(await tab.locator('input[name=password]').count()).toBe(0);
    await tab.locator('main h1, main h2').first().waitFor();
    await screenshot(tab, 'session-new-tab-deep-link');
    await context.close();
  }, 60_000);

  test('a deep link opened without a session asks to sign in, then lands on the page it named', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(deepLink());
    await loginForm(page);
    expect(await page.title()).toMatch(/^Кіру — /);
    await screenshot(page, 'session-login-for-deep-link');
    await signInHere(page, 'officer');
    await signedIn(page);
    expect(new URL(page.url()).hash).toBe(`#/application/${applicationId}`);
    await page.locator('main h1, main h2').first().waitFor();
    // Without a deep link, a user lands on their own area.
    const home = await context.newPage();
    await home.goto(ui.base);
    await home.waitForURL((u) => u.hash === '#/inbox');
    await context.close();
  }, 60_000);

  test('signing out in one tab shows the sign-in in the others at once, their addresses kept; signing in again signs them all in', async () => {
    const first = await signIn(ui, 'officer');
    const context = first.context();
    const second = await context.newPage();
    await second.goto(deepLink());
    await signedIn(second);

    // The sign-out is its own control, not the user's name.
    const logout = first.getByRole('button', { name: 'Шығу', exact: true });
    expect(await logout.textContent()).toBe('Шығу');
    await logout.click();
    await loginForm(first);
    expect((await context.cookies()).find((c) => c.name === 'qyzmet_session')).toBeUndefined();
    // The other tab shows the sign-in without being touched, on the same address.
    await loginForm(second);
    expect(new URL(second.url()).hash).toBe(`#/application/${applicationId}`);
    await screenshot(second, 'session-signed-out-elsewhere');

    // Signing in there returns to its page, and the first tab is signed in too.
    await signInHere(second, 'officer');
    await signedIn(second);
    expect(new URL(second.url()).hash).toBe(`#/application/${applicationId}`);
    await signedIn(first);
    await context.close();
  }, 60_000);

  test('a session ended on the server (expired, revoked) brings the sign-in back at the next request, the address kept', async () => {
    const page = await signIn(ui, 'officer');
    const token = (await page.context().cookies()).find((c) => c.name === 'qyzmet_session')!.value;
    await ui.server.ctx.store.deleteSession(tokenHash(token));
    // Nothing shows until the tab asks the runtime something: opening an application does.
    await page.goto(deepLink());
    await loginForm(page);
    expect(new URL(page.url()).hash).toBe(`#/application/${applicationId}`);
    await signInHere(page, 'officer');
    await signedIn(page);
    expect(new URL(page.url()).hash).toBe(`#/application/${applicationId}`);
    await page.context().close();
  }, 60_000);

  test('the skip link is the first stop of the keyboard and moves focus to the main content', async () => {
    const page = await signIn(ui, 'officer');
    // A fresh load of the page (the sign-in form's button had the focus): the keyboard starts at the top.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.textContent()).toBe('Негізгі мазмұнға өту');
    // Visible when focused, with a focus outline.
    const box = await skip.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'session-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    // The route did not change (the skip link is no hash route).
    expect(new URL(page.url()).hash).toBe('#/inbox');
    await page.context().close();
  }, 60_000);

  test('on a phone the top bar keeps the name and the sign-out within the screen', async () => {
    const page = await signIn(ui, 'applicant', { phone: true });
    const logout = page.locator('header button.logout');
    const box = (await logout.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.locator('header .who').textContent()).toContain('Айгүл Сейітова');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'session-phone-top-bar');
    await page.context().close();
  }, 60_000);

  test('an unknown view of the UI says so with a link home; the page titles and <html lang> follow the language', async () => {
    const page = await signIn(ui, 'officer');
    await page.goto(`${ui.base}#/no-such-view`);
    await page.getByRole('heading', { name: 'Бет табылмады' }).waitFor();
    expect(await page.title()).toBe('Бет табылмады — Qyzmet');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'session-ui-not-found');
    await page.getByRole('link', { name: 'Басты бетке өту' }).click();
    await page.waitForURL((u) => u.hash === '#/inbox');
    await page.selectOption('header select', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    expect(await page.title()).toBe('Входящие заявки — Qyzmet');
    await page.context().close();
  }, 60_000);

  test('the sign-in page has no serious accessibility violations, and its inputs have borders of 3:1 contrast', async () => {
    const page = await (await ui.browser.newContext()).newPage();
    await page.goto(ui.base);
    await loginForm(page);
    expect(await seriousViolations(page)).toEqual([]);
    const contrast = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const input = document.querySelector('input[name=username]')!;
      const card = input.closest('.card')!;
      const [a, b] = [
        lum(rgb(getComputedStyle(input).borderTopColor)),
        lum(rgb(getComputedStyle(card).backgroundColor)),
      ];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(3);
    // The focus ring: visible (an outline of 3 px) on the focused input.
    await page.focus('input[name=username]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await screenshot(page, 'session-login');
    await page.context().close();
  }, 60_000);

  test('a server that cannot be reached is said so at sign-in, not "wrong password"', async () => {
    const context = await ui.browser.newContext();
    const page = await context.newPage();
    await page.goto(ui.base);
    await loginForm(page);
    // The network fails for the sign-in request (as with the server stopped or the connection lost).
    await page.route('**/api/v1/auth/login', (route) => route.abort('connectionrefused'));
    await signInHere(page, 'officer');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Серверге қосылу мүмкін болмады');
    await page.unroute('**/api/v1/auth/login');
    // A server failing (5xx) is said as that, with its status.
    await page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"status":503,"code":"x"}' }),
    );
    await page.click('button[type=submit]');
    await page.getByText('Сервер қатесі (503)').waitFor();
    await screenshot(page, 'session-server-error');
    await context.close();
  }, 60_000);

  test('a page tells the server unreachable, a server error and a refused request apart, in the UI language', async () => {
    const page = await signIn(ui, 'officer');
    const pattern = `**/api/v1/applications/${applicationId}`;
    const alert = page.getByRole('alert').first();
    // The network fails (the server stopped, the connection lost).
    await page.route(pattern, (route) => route.abort('connectionrefused'));
    await page.goto(deepLink());
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Серверге қосылу мүмкін болмады');
    await page.unroute(pattern);
    // The server fails.
    await page.route(pattern, (route) =>
      route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500,"code":"internal"}' }),
    );
    await page.goto(`${ui.base}#/inbox`);
    await page.goto(deepLink());
    await page.getByText('Сервер қатесі (500)').waitFor();
    await page.unroute(pattern);
    // The request is refused (the runtime's own answer): an application that does not exist, said in Kazakh.
    await page.goto(`${ui.base}#/application/00000000-0000-4000-8000-000000000000`);
    // The 500's alert stays until the new answer comes: wait for the answer's words, then read the whole alert.
    await page.getByText('Өтініш табылмады').waitFor();
    const refused = await alert.textContent();
    expect(refused).toContain('Өтініш табылмады');
    expect(refused).not.toContain('Сервер қатесі');
    expect(refused).not.toContain('Серверге қосылу');
    await screenshot(page, 'session-problem-refused');
    await page.context().close();
  }, 60_000);

  test('/ redirects to the admin UI; an unknown address answers a kk/ru page with a link to it', async () => {
    const context = await ui.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const root = ui.base.replace(/admin\/$/, '');
    await page.goto(root);
    expect(new URL(page.url()).pathname).toBe('/admin/');
    const res = await page.goto(`${root}admin/no-such-page`);
    expect(res?.status()).toBe(404);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await page.getByRole('heading', { name: 'Бет табылмады' }).waitFor();
    await page.getByRole('heading', { name: 'Страница не найдена' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'session-http-not-found');
    await page.getByRole('link', { name: 'Перейти на главную страницу Qyzmet' }).click();
    await loginForm(page);
    expect(new URL(page.url()).pathname).toBe('/admin/');
    await context.close();
  }, 60_000);
});
