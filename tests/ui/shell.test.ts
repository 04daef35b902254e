import { describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

describeUi('the shell in Chromium', () => {
  let ui: UiContext;
  beforeAll(async () => {
    ui = await startUi();
  }, 60_000);
  afterAll(() => stopUi(ui));

  test('a wrong password shows a Kazakh error; each demo user lands on their area', async () => {
    const page = await (await ui.browser.newContext()).newPage();
    await page.goto(ui.base);
    await page.fill('input[name=username]', 'officer');
    await page.fill('input[name=password]', 'wrong');
    await page.click('button[type=submit]');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('құпия сөз қате');
    await screenshot(page, 'login-error');
    for (const [user, hash] of [
      ['officer', '#/inbox'],
      ['analyst', '#/workbench'],
      ['applicant', '#/apply'],
    ] as const) {
      const p = await signIn(ui, user);
      await p.waitForURL((u) => u.hash === hash);
      await p.close();
    }
  }, 60_000);
});
