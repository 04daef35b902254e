import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadRepository } from '../../runtime/src/registry/loadRepository';
import { seriousViolations } from './a11y';
import { describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

// The officer's decision in Chromium (issue 19): the action is a form built from the definition (grounds as
// checkboxes, the event's fields labelled), the reasoning required, a preview of the refusal as the citizen will
// read it, a confirmation dialog (cancel keeps the form), then the new state; internal comments; the signing button
// says what it does. The runtime and the browser are real; the clock is the demo Tuesday.
const NOW = '2026-03-03T10:00:00+05:00';
const REASONING =
  'Төлем құжатындағы № 004512 төлем шлюз арқылы расталмады, сондықтан төлем құжаты дәйексіз деп танылды.';
const DISCREPANCY_KK = 'төлем құжатындағы № 004512 төлем шлюз мәліметтерінде жоқ';
const DISCREPANCY_RU = 'платёж № 004512 из документа об оплате отсутствует в сведениях шлюза';
const data = (cadastralNumber: string) => ({
  applicant: { kind: 'individual', iin: '900101300017', fullName: 'Сейітова Айгүл' },
  object: { cadastralNumber, kind: 'apartment' },
  request: { signedWith: 'eds' },
  payment: { viaGateway: true },
  consentToPersonalData: true,
});

describeUi('the officer decides in Chromium', () => {
  let ui: UiContext;
  let api: string;
  const apps: Record<'refuse' | 'sign' | 'handOver', { id: string; number: string }> = {
    refuse: { id: '', number: '' },
    sign: { id: '', number: '' },
    handOver: { id: '', number: '' },
  };

  async function call(method: string, path: string, body: unknown, token?: string) {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  /** The application as the API holds it (its state and the events it has taken). */
  async function stored(id: string): Promise<{ state: string; history: unknown[] }> {
    const token = await login('officer');
    const res = await fetch(`${api}/applications/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as { state: string; history: unknown[] };
  }
  const login = async (username: string) =>
    (await call('POST', '/auth/login', { username, password: 'demo' })).token as string;

  beforeAll(async () => {
    ui = await startUi(NOW);
    api = ui.base.replace(/\/admin\/$/, '/api/v1');
    const applicant = await login('applicant');
    const officer = await login('officer');
    for (const [key, cadastral] of [
      ['refuse', '20-321-001-201'],
      ['sign', '20-321-001-202'],
    ] as const) {
      const a = await call(
        'POST',
        '/applications',
        { serviceId: 'cadastral-passport-duplicate', data: data(cadastral) },
        applicant,
      );
      await call('POST', `/applications/${a.id}/events`, { type: 'FILE_HANDED_OVER' }, officer);
      apps[key] = { id: a.id, number: a.number };
    }
    await call('POST', `/applications/${apps.sign.id}/events`, { type: 'EXAMINED' }, officer);
    const h = await call(
      'POST',
      '/applications',
      { serviceId: 'cadastral-passport-duplicate', data: data('20-321-001-203') },
      applicant,
    );
    apps.handOver = { id: h.id, number: h.number };
  }, 90_000);
  afterAll(() => stopUi(ui));

  async function open(page: Page, id: string) {
    await page.goto(`${ui.base}#/application/${id}`);
    await page.locator('[data-field=registeredAt]').waitFor();
  }

  test('ticks a ground, writes the reasoning, previews the refusal, cancels and confirms; comments; no JSON, no codes', async () => {
    const page = await signIn(ui, 'officer');
    await open(page, apps.refuse.id);
    // The number heads the page, never the UUID; the state by its name.
    expect(await page.locator('h1').textContent()).toBe(apps.refuse.number);
    const article = page.locator('article.application');
    expect(await article.textContent()).not.toContain(apps.refuse.id);
    expect(await page.locator('[data-field=state]').textContent()).not.toBe('examination');

    // Claimed, released and claimed again (PUT …/assignee): who works on it is on the page.
    await page.click('button[data-claim]');
    await page.locator('button[data-release]').waitFor();
    expect(await page.locator('[data-field=assignee]').textContent()).toBe('Мен');
    await page.click('button[data-release]');
    await page.locator('button[data-claim]').waitFor();
    expect(await page.locator('[data-field=assignee]').textContent()).toBe('тағайындалмаған');
    await page.click('button[data-claim]');
    await page.locator('button[data-release]').waitFor();

    await page.click('button[data-event="EXAMINED"]');
    const form = page.locator('form.findings');
    await form.waitFor();
    // The grounds as labelled checkboxes, the event's fields from its schema: a select with the document's labels,
    // a kk/ru pair for the discrepancy. The JSON is only behind the closed "advanced" disclosure.
    await form.locator('input[name="ground-unreliable-documents"]').waitFor();
    expect(await form.locator('details.advanced').getAttribute('open')).toBeNull();
    expect(await form.locator('textarea[name="event-json"]').isVisible()).toBe(false);
    const select = form.locator('select[name="unreliableDocument"]');
    const options = await select.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(2);
    expect(options.join(' ')).not.toMatch(/payment-document|[a-z]+-[a-z]+/);
    // Every field has a label in Kazakh: no finding key shows.
    expect(await form.locator('[data-unlabelled]').count()).toBe(0);
    const formText = (await form.textContent()) ?? '';
    expect(formText).not.toMatch(/documentsUnreliable|unreliableDocument|discrepancy|requirementsNotMet/);

    await form.locator('input[name="ground-unreliable-documents"]').check();
    await select.selectOption('payment-document');
    await form.locator('textarea[name="discrepancy.kk"]').fill(DISCREPANCY_KK);
    await form.locator('textarea[name="discrepancy.ru"]').fill(DISCREPANCY_RU);
    // A ground ticked and no reasoning: the form says so beside the field before anything is sent.
    const note = form.locator('.reasoning-field [data-reasoning-problem]');
    expect(await note.getAttribute('data-reasoning-problem')).toBe('missing');
    // Previewing without it: the server's check (the same as the event's) lands on the field; nothing sent.
    await form.locator('button[data-preview="EXAMINED"]').click();
    await form.locator('.reasoning-field [data-reasoning-problem="server"]').waitFor();
    expect(await article.getAttribute('data-state')).toBe('examination');

    await form.locator('textarea[name="reasoning-kk"]').fill(REASONING);
    await form.locator('button[data-preview="EXAMINED"]').click();
    const preview = form.locator('.decision-preview');
    await preview.waitFor();
    // The step it leads to by its name, and the refusal notice as the citizen will read it: the ground's fact and the
    // officer's reasoning, in Kazakh.
    expect(await preview.getAttribute('data-to-state')).toBe('refused');
    const stateName = (await preview.locator('[data-preview=state]').textContent()) ?? '';
    expect(stateName.length).toBeGreaterThan(3);
    expect(stateName).not.toBe('refused');
    const notice = page.frameLocator('.decision-preview iframe.doc-frame').first();
    await notice.locator('body').waitFor();
    const noticeText = ((await notice.locator('body').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(noticeText).toContain(DISCREPANCY_KK);
    expect(noticeText).toContain(REASONING);
    // Still nothing sent.
    expect(await article.getAttribute('data-state')).toBe('examination');
    await screenshot(page, 'officer-decision-preview');
    expect(await seriousViolations(page)).toEqual([]);

    // Confirm and send: a dialog with the summary. Cancel returns to the form with everything as it was.
    await form.locator('button[data-send="EXAMINED"]').click();
    const dialog = page.locator('dialog.confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('[data-confirm=grounds]').textContent()).toMatch(/құжат/);
    expect(await dialog.locator('[data-confirm=reasoning]').textContent()).toContain(REASONING);
    expect(await dialog.locator('[data-confirm=state]').textContent()).toBe(stateName);
    await screenshot(page, 'officer-decision-confirm');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.locator('button.secondary').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await form.locator('textarea[name="reasoning-kk"]').inputValue()).toBe(REASONING);
    expect(await form.locator('input[name="ground-unreliable-documents"]').isChecked()).toBe(true);
    expect(await select.inputValue()).toBe('payment-document');
    expect(await article.getAttribute('data-state')).toBe('examination');

    await form.locator('button[data-send="EXAMINED"]').click();
    await dialog.locator('button[data-confirm-send]').click();
    await page.waitForSelector('article.application[data-status="refused"]');
    expect(await page.locator('[data-field=state]').textContent()).toBe(stateName);
    await page.locator('.refusal').waitFor();
    expect(await page.locator('.refusal').textContent()).toContain(REASONING);

    // Comments: internal, newest last, with author and time.
    const comments = page.locator('section.comments');
    await comments.locator('textarea[name=comment]').fill('Өтініш берушіге телефон арқылы хабарланды.');
    await comments.locator('button[data-comment-add]').click();
    await comments.locator('li[data-comment="0"]').waitFor();
    await comments.locator('textarea[name=comment]').fill('Құжаттың түпнұсқасы мұрағатқа тапсырылды.');
    await comments.locator('button[data-comment-add]').click();
    await comments.locator('li[data-comment="1"]').waitFor();
    const items = await comments.locator('li').allTextContents();
    expect(items[0]).toContain('Ерлан Омаров');
    expect(items[0]).toContain('03.03.2026 10:00');
    expect(items[0]).toContain('телефон арқылы');
    expect(items[1]).toContain('мұрағатқа');
    // The history shows what the event carried labelled, never as JSON.
    expect(await page.locator('.history code').count()).toBe(0);
    expect((await article.textContent()) ?? '').not.toMatch(/EXAMINED|FILE_HANDED_OVER|"documentsUnreliable"/);
    await screenshot(page, 'officer-decision-done');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();

    // The applicant reads the refusal, never the comments.
    const applicant = await signIn(ui, 'applicant');
    await open(applicant, apps.refuse.id);
    await applicant.locator('.refusal').waitFor();
    expect(await applicant.locator('section.comments').count()).toBe(0);
    expect((await applicant.locator('article.application').textContent()) ?? '').not.toContain('мұрағатқа тапсырылды');
    await applicant.context().close();
  }, 120_000);

  test('the approval that issues the passport is previewed and confirmed like a refusal; cancel sends nothing', async () => {
    const page = await signIn(ui, 'officer');
    await open(page, apps.sign.id);
    const button = page.locator('button[data-event="SIGNED"]');
    await button.waitFor();
    // The button says what it does: the approval is recorded, EDS signing is not connected.
    expect(await button.textContent()).toBe('Шешімді бекіту (ЭЦҚ қолтаңбасы әлі қосылмаған)');
    expect(await page.locator('[data-note=signing]').textContent()).toContain('әлі қосылмаған');
    const before = await stored(apps.sign.id);
    expect(before.state).toBe('signing');

    // One click on an event without fields that decides: nothing is sent, the panel shows what it will issue.
    await button.click();
    const panel = page.locator('form.findings');
    const preview = panel.locator('.decision-preview');
    await preview.waitFor();
    expect(await panel.locator('[data-note=decision]').isVisible()).toBe(true);
    // No fields to fill, no JSON: only the result.
    expect(await panel.locator('input, select, textarea').count()).toBe(0);
    expect(await preview.getAttribute('data-to-state')).toBe('issued');
    const stateName = (await preview.locator('[data-preview=state]').textContent()) ?? '';
    expect(stateName.length).toBeGreaterThan(3);
    expect(stateName).not.toBe('issued');
    // The duplicate passport as the citizen will read it, for this object.
    expect(await preview.locator('figure.preview-document').count()).toBe(1);
    const title = (await preview.locator('figure.preview-document figcaption').textContent()) ?? '';
    const doc = page.frameLocator('.decision-preview iframe.doc-frame').first();
    await doc.locator('body').waitFor();
    const docText = ((await doc.locator('body').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(docText).toContain('20-321-001-202');
    expect(docText).not.toMatch(/\btrue\b|undefined|\{\{/);
    expect(await page.locator('article.application').getAttribute('data-state')).toBe('signing');
    await screenshot(page, 'officer-signing-preview');
    expect(await seriousViolations(page)).toEqual([]);

    // Confirm and send opens the dialog: the action, the step, the document; no grounds row for an approval.
    await panel.locator('button[data-send="SIGNED"]').click();
    const dialog = page.locator('dialog.confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('[data-confirm=state]').textContent()).toBe(stateName);
    // The action as its button names it: an approval recorded, not an EDS signature.
    expect(await dialog.locator('[data-confirm=event]').textContent()).toBe(
      'Шешімді бекіту (ЭЦҚ қолтаңбасы әлі қосылмаған)',
    );
    expect(title).toContain((await dialog.locator('[data-confirm=documents]').textContent()) ?? '?');
    expect(await dialog.locator('[data-confirm=grounds]').count()).toBe(0);
    expect((await dialog.textContent()) ?? '').not.toMatch(/SIGNED|issued|duplicate/);
    await screenshot(page, 'officer-signing-confirm');
    expect(await seriousViolations(page)).toEqual([]);

    // Cancel in the dialog, then cancel the panel: nothing was sent, as the API says.
    await dialog.locator('button.secondary').click();
    await dialog.waitFor({ state: 'detached' });
    await panel.locator('button[data-cancel="SIGNED"]').click();
    await panel.waitFor({ state: 'detached' });
    const after = await stored(apps.sign.id);
    expect(after.state).toBe('signing');
    expect(after.history).toEqual(before.history);

    // Again, confirmed this time: the application is approved.
    await button.click();
    await panel.locator('button[data-send="SIGNED"]').click();
    await dialog.locator('button[data-confirm-send]').click();
    await page.waitForSelector('article.application[data-status="approved"]');
    const done = await stored(apps.sign.id);
    expect(done.state).toBe('issued');
    expect(done.history.length).toBeGreaterThan(before.history.length);
    await page.context().close();
  }, 90_000);

  test('a hand-over step is sent at one click and the notice names it and the step it led to', async () => {
    const page = await signIn(ui, 'officer');
    await open(page, apps.handOver.id);
    await page.click('button[data-event="FILE_HANDED_OVER"]');
    await page.waitForSelector('article.application[data-state="examination"]');
    // No dialog was needed; the page says what happened, in Kazakh, by names (no event or state code).
    expect(await page.locator('dialog.confirm-dialog').count()).toBe(0);
    const notice = page.locator('p.ok[role=status]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    const stateName = (await page.locator('[data-field=state]').textContent()) ?? '';
    expect(text).toMatch(/^Орындалды: .+\. Келесі қадам: .+\.$/);
    expect(text).toContain(stateName);
    expect(text).not.toMatch(/FILE_HANDED_OVER|examination/);
    expect((await stored(apps.handOver.id)).state).toBe('examination');
    await page.context().close();
  }, 60_000);
});

/**
 * What the action forms show comes labelled from the definitions: every field of every event's data schema has an
 * x-label (or is a finding that an officer-decided ground labels with its text), and every choice its x-enumLabels,
 * so the Kazakh and Russian forms never show a key or a raw value. (The reasoning and a kk/ru pair's languages are
 * the form's own.)
 */
test('every field and choice of every event form is labelled in the definitions', () => {
  const repo = loadRepository(join(__dirname, '../../definitions'));
  const unlabelled: string[] = [];
  type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };
  for (const service of repo.services.values())
    for (const version of service.versions) {
      const def = version.def as unknown as {
        machine: { events?: Record<string, { data?: Schema }> };
        refusalGrounds?: Array<{ decidedBy?: string; when: unknown }>;
      };
      // The findings an officer-decided ground reads: its checkbox carries the ground's text.
      const groundKeys = new Set<string>();
      const collect = (c: unknown) => {
        if (!c || typeof c !== 'object') return;
        const leaf = c as { fact?: string; path?: string };
        if (leaf.fact === 'findings' && leaf.path) groundKeys.add(leaf.path.replace(/^\//, '').split('/')[0]);
        for (const x of Object.values(c)) collect(x);
      };
      for (const g of def.refusalGrounds ?? []) if (g.decidedBy === 'officer') collect(g.when);
      const walk = (s: Schema | undefined, at: string, top: boolean) => {
        if (!s) return;
        if (s.enum && !s['x-enumLabels']) unlabelled.push(`${at} (choices)`);
        for (const [k, p] of Object.entries(s.properties ?? {})) {
          if (k === 'reasoning' && top) continue;
          if (['kk', 'ru', 'en'].includes(k)) continue;
          if (!p['x-label'] && !p.title && !(top && groundKeys.has(k))) unlabelled.push(`${at}/${k}`);
          walk(p, `${at}/${k}`, false);
        }
        walk(s.items, `${at}/*`, false);
      };
      for (const [type, e] of Object.entries(def.machine.events ?? {}))
        walk(e.data, `${service.id}@${version.id} ${type}`, true);
    }
  expect(unlabelled).toEqual([]);
});
