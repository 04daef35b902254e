import type { Page } from 'playwright-core';
import { seriousViolations } from './a11y';
import { describeUi, screenshot, signIn, startUi, stopUi, type UiContext } from './harness';

// The applicant acts on their own step from their status page (issue 19), on a phone in Kazakh: a shopping centre of
// 5,000 m² (new-real-estate-cadastre-entry) reaches its inspection, where the term may be extended only with the
// applicant's agreement. The officer's steps go through the API; the applicant sees "Сізден күтілетін әрекет" on
// #/my/<id>, sends without ticking (the server's refusal lands on the field, in Kazakh), ticks, sends, and the page
// moves on by itself. The runtime and the browser are real; the clock is the demo Tuesday.
const NOW = '2026-03-03T10:00:00+05:00';

describeUi("the applicant's own step on the status page", () => {
  let ui: UiContext;
  let api: string;
  let app = { id: '', number: '' };

  async function call(method: string, path: string, body: unknown, token?: string) {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  const login = async (username: string) =>
    (await call('POST', '/auth/login', { username, password: 'demo' })).token as string;
  async function view(id: string, username: string) {
    return (await call('GET', `/applications/${id}`, undefined, await login(username))) as {
      state: string;
      allowedEvents: Array<{ type: string }>;
    };
  }

  beforeAll(async () => {
    ui = await startUi(NOW);
    api = ui.base.replace(/\/admin\/$/, '/api/v1');
    const applicant = await login('applicant');
    const officer = await login('officer');
    const a = await call(
      'POST',
      '/applications',
      {
        serviceId: 'new-real-estate-cadastre-entry',
        data: {
          variant: 'cadastral-passport',
          applicant: { kind: 'legal-entity', bin: '081240005679', fullName: '"Сарыарқа Молл" АҚ' },
          object: { kind: 'other', address: 'Астана қ., Есіл ауданы, Қабанбай батыр даңғылы, 11', totalArea: 5000 },
          request: { signedWith: 'eds' },
          documents: { titleDocument: 'title-document.pdf', landPlotIdDocument: 'land-plot-id.pdf' },
          payment: { viaGateway: true },
          consentToPersonalData: true,
        },
      },
      applicant,
    );
    await call(
      'POST',
      `/applications/${a.id}/events`,
      { type: 'GATEWAY_DATA', data: { legalEntityRegistered: true } },
      officer,
    );
    await call('POST', `/applications/${a.id}/events`, { type: 'FILE_HANDED_OVER' }, officer);
    app = { id: a.id, number: a.number };
  }, 90_000);
  afterAll(() => stopUi(ui));

  async function open(page: Page) {
    await page.goto(`${ui.base}#/my/${app.id}`);
    await page.locator('[data-field=number]').waitFor();
  }

  test('the officer is offered only their own events; the applicant only the agreement', async () => {
    // allowedEvents filters by the user's role: the officer's page never offers the applicant's agreement, the
    // applicant's never the officer's steps.
    const forApplicant = (await view(app.id, 'applicant')).allowedEvents.map((e) => e.type);
    const forOfficer = (await view(app.id, 'officer')).allowedEvents.map((e) => e.type);
    expect(forApplicant).toEqual(['EXTENSION_AGREED']);
    expect(forOfficer.length).toBeGreaterThan(0);
    expect(forOfficer).not.toContain('EXTENSION_AGREED');
  });

  test('agrees to extend the term from #/my/<id>: a located error without the tick, then sent, the page moves on', async () => {
    const page = await signIn(ui, 'applicant', { phone: true });
    await open(page);
    const card = page.locator('section[data-your-step]');
    await card.waitFor();
    expect(await page.locator('.status-card').getAttribute('data-state')).toBe('inspection');
    expect(await card.locator('h2').textContent()).toBe('Сізден күтілетін әрекет');
    // Only the applicant's own step: its name from the definition, its field labelled in Kazakh; no officer's
    // grounds, no reasoning, no JSON, no codes.
    const form = card.locator('form[data-your-event="EXTENSION_AGREED"]');
    expect(await card.locator('form').count()).toBe(1);
    expect(await form.locator('h3').textContent()).toBe('Көрсетілетін қызметті алушы мерзімді ұзартуға келісім берді');
    const field = form.locator('[data-field="extensionAgreed"]');
    expect(await field.textContent()).toContain('Мерзімді ұзартуға келісемін');
    expect(await card.locator('[data-ground], .reasoning-field, details.advanced, [data-unlabelled]').count()).toBe(0);
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).not.toMatch(/extensionAgreed|EXTENSION_AGREED|inspection|[A-Za-z]{4,}/);

    // Sent without the tick: the server refuses it (422), the error names the field and marks it, in Kazakh.
    await form.locator('button[data-your-send="EXTENSION_AGREED"]').click();
    const error = form.locator('[data-error-for="extensionAgreed"]');
    await error.waitFor();
    const errorText = (await error.textContent()) ?? '';
    expect(errorText).toContain('Мерзімді ұзартуға келісемін');
    expect(errorText).not.toMatch(/[A-Za-z]{3,}/);
    const box = field.locator('input[type=checkbox]');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await box.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect((await view(app.id, 'applicant')).state).toBe('inspection');
    await screenshot(page, 'applicant-step-error');
    expect(await seriousViolations(page)).toEqual([]);

    // Ticked and sent: confirmed in words, the card gone, the new step shown without a reload.
    await box.check();
    expect(await error.count()).toBe(0);
    await form.locator('button[data-your-send="EXTENSION_AGREED"]').click();
    const sent = page.locator('[data-your-step-sent]');
    await sent.waitFor();
    expect(await sent.textContent()).toContain(
      'Жіберілді: Көрсетілетін қызметті алушы мерзімді ұзартуға келісім берді',
    );
    await page.waitForSelector('.status-card[data-state="inspection-extended"]');
    await card.waitFor({ state: 'detached' });
    expect((await view(app.id, 'applicant')).state).toBe('inspection-extended');
    await screenshot(page, 'applicant-step-sent');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
