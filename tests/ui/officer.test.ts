import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

const NOW = '2026-03-03T10:00:00+05:00'; // the demo clock: Tuesday
const REASONING =
  'Қоса берілген төлем құжатындағы № 004512 төлем шлюз арқылы расталмады, сондықтан төлем құжаты дәйексіз деп танылды.';
const data = (iin: string, fullName: string, cadastralNumber: string) => ({
  applicant: { kind: 'individual', iin, fullName },
  object: { cadastralNumber, kind: 'apartment' },
  request: { signedWith: 'eds' },
  payment: { viaGateway: true },
  consentToPersonalData: true,
});

describeUi('the officer in Chromium', () => {
  let ui: UiContext;
  let api: string;
  const ids: Record<'overdue' | 'dueToday' | 'toIssue', string> = { overdue: '', dueToday: '', toIssue: '' };

  async function post(path: string, body: unknown, token?: string) {
    const res = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** The browser's clock set to the runtime's: "today" in the inbox is the demo day. */
  async function officerAt(now: string, options: { phone?: boolean } = {}): Promise<Page> {
    const page = await signIn(ui, 'officer', options);
    await page.clock.setFixedTime(new Date(now));
    await page.reload();
    return page;
  }

  beforeAll(async () => {
    ui = await startUi(NOW);
    api = ui.base.replace(/\/admin\/$/, '/api/v1');
    // The demo applications were all registered at the demo instant and are due later: add an overdue one and one
    // due today by submitting on earlier days (the runtime's clock is the test's to move).
    const { token } = await post('/auth/login', { username: 'applicant', password: 'demo' });
    const submitAt = async (at: string, fullName: string, cadastralNumber: string): Promise<string> => {
      ui.clock.now = new Date(at);
      const body = { serviceId: 'cadastral-passport-duplicate', data: data('900101300017', fullName, cadastralNumber) };
      return (await post('/applications', body, token)).id;
    };
    // Friday: due Monday 2 March 18:30, overdue by Tuesday.
    ids.overdue = await submitAt('2026-02-27T10:00:00+05:00', 'Мұратов Ерлан', '20-321-001-101');
    // Monday: due Tuesday 3 March 18:30, i.e. today.
    ids.dueToday = await submitAt('2026-03-02T10:00:00+05:00', 'Исаева Гүлнар', '20-321-001-102');
    ids.toIssue = await submitAt(NOW, 'Сейітова Айгүл', '20-321-001-103');
  }, 60_000);
  afterAll(() => stopUi(ui));

  async function act(page: Page, event: string) {
    const before = await page.locator('article.application').getAttribute('data-state');
    await page.click(`button[data-event="${event}"]`);
    await page.waitForFunction(
      (s) => document.querySelector('article.application')?.getAttribute('data-state') !== s,
      before,
    );
  }

  test('the inbox highlights overdue and due-today rows; a motivated refusal reaches the applicant in words: citation, fact, reasoning', async () => {
    const page = await officerAt(NOW);
    await page.waitForURL((u) => u.hash === '#/inbox');
    const overdueRow = page.locator(`tr[data-id="${ids.overdue}"]`);
    await overdueRow.waitFor();
    expect(await overdueRow.getAttribute('class')).toContain('overdue');
    expect(await page.locator(`tr[data-id="${ids.dueToday}"]`).getAttribute('class')).toContain('due-today');
    // Demo applications due later carry neither class; sorted by due instant, the overdue one comes first.
    expect(await page.locator(`tr[data-id="${ids.toIssue}"]`).getAttribute('class')).toBe('');
    expect(await page.locator('table.inbox tbody tr').first().getAttribute('data-id')).toBe(ids.overdue);
    expect(await overdueRow.textContent()).toContain('Мерзімі өтті');
    expect(await overdueRow.textContent()).toContain('02.03.2026 18:30');
    await screenshot(page, 'officer-inbox-laptop');

    // The overdue view asks the API.
    await page.click('a[data-view="overdue"]');
    await page.waitForFunction(() => document.querySelectorAll('table.inbox tbody tr').length === 1);
    expect(await page.locator('table.inbox tbody tr').getAttribute('data-id')).toBe(ids.overdue);
    await page.click('a[data-view="all"]');
    await page.waitForFunction(() => document.querySelectorAll('table.inbox tbody tr').length > 1);

    // On a phone the same inbox is a list of cards, each cell with its label.
    const phone = await officerAt(NOW, { phone: true });
    const card = phone.locator(`tr[data-id="${ids.overdue}"]`);
    await card.waitFor();
    expect(await phone.locator('table.inbox thead').isVisible()).toBe(false);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(phone, 'officer-inbox-phone');
    await phone.context().close();

    await overdueRow.click();
    await page.waitForURL((u) => u.hash === `#/application/${ids.overdue}`);
    await page.locator('[data-field=registeredAt]').waitFor();
    // Data labelled from the form in Kazakh.
    expect(await page.locator('.facts').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('ЖСН900101300017')]),
    );
    await act(page, 'FILE_HANDED_OVER');
    await page.click('button[data-event="EXAMINED"]');
    await page.check('input[name="ground-unreliable-documents"]');
    // A ground ticked, the reasoning empty: the panel says so beside the field before anything is sent.
    const note = page.locator('.reasoning-field [data-reasoning-problem]');
    expect(await note.getAttribute('data-reasoning-problem')).toBe('missing');
    expect(await note.textContent()).toContain('негіздеме жазылмаған');
    expect(await page.locator('.reasoning-field legend').textContent()).toBe('Негіздеме');
    // Previewed anyway, the server refuses it (422 event.reasoningRequired): shown on the field, the panel kept open.
    await page.click('button[data-preview="EXAMINED"]');
    await page.locator('.reasoning-field [data-reasoning-problem="server"]').waitFor();
    expect(await note.textContent()).toContain('бас тарту дәлелді болуы керек');
    expect(await page.locator('textarea[name="reasoning-kk"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('article.application').getAttribute('data-state')).toBe('examination');
    // The facts the ground's sentence names (the event's own fields), and the reasoning in the officer's words.
    await page.selectOption('select[name="unreliableDocument"]', 'payment-document');
    await page.fill('textarea[name="discrepancy.kk"]', 'төлем құжатындағы № 004512 төлем шлюз мәліметтерінде жоқ');
    await page.fill('textarea[name="discrepancy.ru"]', 'платёж № 004512 не найден');
    await page.fill('textarea[name="reasoning-kk"]', REASONING);
    expect(await note.count()).toBe(0);
    // Preview, then confirm in the dialog (tests/ui/officerDecision.test.ts follows these steps closely).
    await page.click('button[data-preview="EXAMINED"]');
    await page.click('button[data-send="EXAMINED"]');
    await page.click('dialog.confirm-dialog button[data-confirm-send]');
    await page.waitForSelector('article.application[data-status="refused"]');
    await page.locator('.refusal').waitFor();
    await screenshot(page, 'officer-refused-laptop');
    await page.context().close();

    const applicant = await signIn(ui, 'applicant', { phone: true });
    await applicant.goto(`${ui.base}#/application/${ids.overdue}`);
    const refusal = applicant.locator('.refusal');
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('Дәлелді бас тарту');
    // The ground's message, the clause as the law cites it (the Rules approved by order No. 156, annex 2, row 9,
    // subparagraph 1), the fact that made it hold in words, and the officer's reasoning.
    const ground = refusal.locator('[data-ground="unreliable-documents"]');
    expect(await ground.count()).toBe(1);
    expect(text).toMatch(/құжаттардың/);
    const citation = (await ground.locator('.citation').textContent()) ?? '';
    expect(citation).toContain('№ 156');
    expect(citation).toMatch(/2-қосымшасының 9-жолы.*1\) тармақшасы/);
    expect(await ground.locator('.legal-ref-text').getAttribute('data-act')).toBe('moj-156-rules');
    expect(await ground.locator('.fact').textContent()).toContain(
      'Төлемді растайтын құжаттағы мәліметтердің дәйексіздігі анықталды: төлем құжатындағы № 004512 төлем шлюз мәліметтерінде жоқ.',
    );
    expect(await refusal.locator('.reasoning blockquote').textContent()).toContain(REASONING);
    expect(await refusal.locator('.reasoning h3').textContent()).toBe('Қызметкердің негіздемесі');
    // No raw facts anywhere on the applicant's page: no finding keys, no raw booleans, no event data.
    const page2 = (await applicant.locator('article.application').textContent()) ?? '';
    expect(page2).not.toMatch(/documentsUnreliable|unreliableDocument|payment-document|\btrue\b|=\s*иә/i);
    expect(await applicant.locator('.history code').count()).toBe(0);
    expect(await applicant.locator('.summary .badge').textContent()).toBe('Бас тартылды');
    await screenshot(applicant, 'applicant-refusal-phone');
    await applicant.context().close();
  }, 60_000);

  test('an officer carries a duplicate to "issued"; the applicant downloads the PDF; a stale action shows a Kazakh 409', async () => {
    const page = await officerAt(NOW);
    await page.goto(`${ui.base}#/application/${ids.toIssue}`);
    await page.locator('button[data-event="FILE_HANDED_OVER"]').waitFor();
    await act(page, 'FILE_HANDED_OVER');
    await page.click('button[data-event="EXAMINED"]');
    // No grounds ticked: no grounds for refusal; previewed, then confirmed.
    await page.click('button[data-preview="EXAMINED"]');
    await page.click('button[data-send="EXAMINED"]');
    await page.click('dialog.confirm-dialog button[data-confirm-send]');
    await page.waitForSelector('article.application[data-state="signing"]');

    // Someone else signs meanwhile: this page's button is stale, the API answers 409, the UI says so in Kazakh.
    const { token } = await post('/auth/login', { username: 'officer', password: 'demo' });
    await post(`/applications/${ids.toIssue}/events`, { type: 'SIGNED' }, token);
    await page.click('button[data-event="SIGNED"]');
    const problem = page.locator('.problem[role=alert]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('бұл әрекетті қабылдамайды');
    await page.waitForSelector('article.application[data-state="issued"]');
    expect(await page.locator('.summary .badge').textContent()).toBe('Оң шешім');
    await page.context().close();

    const applicant = await signIn(ui, 'applicant');
    await applicant.goto(`${ui.base}#/application/${ids.toIssue}`);
    const doc = applicant.locator('[data-document="duplicate"]');
    await doc.waitFor();
    const [response, download] = await Promise.all([
      applicant.waitForResponse(
        (r) =>
          r.url().includes(`/applications/${ids.toIssue}/documents/duplicate`) &&
          r.request().headers().accept === 'application/pdf',
      ),
      applicant.waitForEvent('download'),
      doc.locator('button[data-pdf="kk"]').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(download.suggestedFilename()).toMatch(/^duplicate-kk-.*\.pdf$/);
    // What the applicant saved is the PDF itself.
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // The HTML view in a frame.
    await doc.locator('button', { hasText: 'Қарау (KK)' }).click();
    const frame = applicant.frameLocator('iframe.doc-frame');
    await frame.locator('body').waitFor();
    expect(((await frame.locator('body').textContent()) ?? '').length).toBeGreaterThan(50);
    await screenshot(applicant, 'applicant-issued-document-laptop');
    await applicant.context().close();
  }, 60_000);
});
