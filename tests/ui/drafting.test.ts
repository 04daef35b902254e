import { draftSuite, tokenOf } from './draftApi';
import { describeUi, screenshot, signIn } from './harness';

const SERVICE = 'cadastral-passport-duplicate';

interface DraftView {
  id: string;
  rev: number;
  note: string;
  savedBy: string;
  publishedAt: string | null;
  discardedAt: string | null;
}

describeUi('safe drafting in the analyst workbench', () => {
  const suite = draftSuite<DraftView>(SERVICE);

  test('an edit autosaves as a new revision; leaving with unsaved edits asks; another analyst’s save shows a banner', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor/json`);
    await page.getByTestId('new-draft').click();
    await page.waitForFunction(
      () => !!window.__qyzmetEditor?.getModel()?.getValue().includes('"2026-order-65-draft"'),
      null,
      {
        timeout: 20_000,
      },
    );
    const token = await tokenOf(page);
    const created = await suite.api.openDraft(token);
    const status = page.getByTestId('autosave');
    await status.filter({ hasText: `Saved (revision ${created.rev})` }).waitFor();

    // An edit of the JSON, and no Save click: the server's revision goes up ~3 s after the last keystroke.
    await page.evaluate(() => {
      const model = window.__qyzmetEditor!.getModel()!;
      model.setValue(model.getValue().replace('"duration": "1 workingDays"', '"duration": "2 workingDays"'));
    });
    expect(await status.textContent()).toBe('Unsaved changes');
    await status.filter({ hasText: `Saved (revision ${created.rev + 1}) at` }).waitFor({ timeout: 15_000 });
    expect((await suite.api.openDraft(token)).rev).toBe(created.rev + 1);
    // Text that is not JSON is not saved, and the status says why.
    const good = await page.evaluate(() => window.__qyzmetEditor!.getModel()!.getValue());
    await page.evaluate((t) => window.__qyzmetEditor!.getModel()!.setValue(t.replace('"label": {', '"label" {')), good);
    await status.filter({ hasText: 'the text is not JSON' }).waitFor();
    await page.evaluate((t) => window.__qyzmetEditor!.getModel()!.setValue(t), good);
    await status.filter({ hasText: `Saved (revision ${created.rev + 1})` }).waitFor();

    // The server out of reach: the status says the edit is not saved, and why; the next edit saves it with the rest.
    const puts = '**/api/v1/admin/definitions/*/drafts/*';
    await page.route(puts, (r) => (r.request().method() === 'PUT' ? r.abort('internetdisconnected') : r.continue()));
    await page.evaluate(
      (t) => window.__qyzmetEditor!.getModel()!.setValue(t.replace('"2 workingDays"', '"3 workingDays"')),
      good,
    );
    await status.filter({ hasText: /^Not saved: / }).waitFor({ timeout: 15_000 });
    await page.unroute(puts);
    expect((await suite.api.openDraft(token)).rev).toBe(created.rev + 1);

    // Leaving for the services list with an unsaved note asks; cancelling keeps the page and the note.
    const note = page.getByLabel('Note on the draft');
    await note.fill('term of order 3');
    // The confirm comes on the hashchange, after the click: the handler answers it (Cancel) whenever it comes.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      }),
    );
    await page.getByRole('link', { name: '← Services' }).click();
    expect(await asked).toBe('confirm: The draft has unsaved changes. Leave without saving them?');
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/workbench/${SERVICE}/editor/json`);
    expect(await note.inputValue()).toBe('term of order 3');
    // Tabs of the same workbench are not asked about.
    await page.click(`a[href="#/workbench/${SERVICE}/scenarios"][role=tab]`);
    await page.click(`a[href^="#/workbench/${SERVICE}/editor"][role=tab]`);
    expect(await note.inputValue()).toBe('term of order 3');
    // The note autosaves too.
    await status.filter({ hasText: `Saved (revision ${created.rev + 2})` }).waitFor({ timeout: 15_000 });
    expect((await suite.api.openDraft(token)).note).toBe('term of order 3');

    // The reviewer saves over the API: the analyst's page notices within a poll, names them, and stops autosaving.
    const reviewer = await suite.api.call<{ token: string; user: { id: string; displayName: string } }>(
      'POST',
      '/auth/login',
      '',
      {
        username: 'reviewer',
        password: 'demo',
      },
    );
    const theirs = await suite.api.openDraft(reviewer.token);
    await suite.api.call('PUT', `${suite.api.drafts}/${theirs.id}`, reviewer.token, {
      rev: theirs.rev,
      note: 'grounds checked',
    });
    const banner = page.getByTestId('draft-conflict');
    await banner.waitFor({ timeout: 15_000 });
    // By name, as colleagues know each other.
    const said = (await banner.textContent()) ?? '';
    expect(said.startsWith(`${reviewer.user.displayName} saved revision ${theirs.rev + 1} at `)).toBe(true);
    expect(said).toMatch(/ at \d\d:\d\d\./);
    expect(await status.textContent()).toContain('Autosave is paused');
    await screenshot(page, 'analyst-draft-changed-banner');
    // An edit now stays unsaved (no overwrite of the reviewer's revision) until the analyst reloads.
    await note.fill('mine');
    await page.waitForTimeout(4_000);
    expect((await suite.api.openDraft(token)).note).toBe('grounds checked');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await note.inputValue()).toBe('grounds checked');
    await status.filter({ hasText: `Saved (revision ${theirs.rev + 1})` }).waitFor();

    // Closing the tab with an unsaved edit: the browser's own prompt (beforeunload); staying keeps the page.
    await note.fill('unsaved at close');
    const prompted = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await prompted).toBe('beforeunload');
    expect(await note.inputValue()).toBe('unsaved at close');
    await page.context().close();
  }, 90_000);
});
