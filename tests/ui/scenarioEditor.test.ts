import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { draftSuite, eventually, tokenOf } from './draftApi';
import { artifacts, describeUi, screenshot, signIn } from './harness';

const SERVICE = 'cadastral-passport-duplicate';
const FIRST = '01-apartment-individual-eds-gateway-approved-first-working-day.json';
const NAME = 'Dacha, payment document unreliable: refused';
const FILE = '30-dacha-payment-document-unreliable-refused.json';
const REASONING_RU = 'Платёж по приложенному документу об оплате не найден в сведениях платёжного шлюза.';
const REASONING_KK = 'Сот үкімімен объектіге тыйым салынған, сондықтан телнұсқа берілмейді.';

interface DraftView {
  id: string;
  rev: number;
  publishedAt: string | null;
  discardedAt: string | null;
  definition: { id: string };
  scenarios: Array<{ file: string; scenario: Record<string, unknown> }>;
}
interface SavedScenario {
  name: string;
  at: string;
  data: { applicant: { kind: string; iin: string }; object: { kind: string }; consentToPersonalData: boolean };
  events: Array<{ type: string; at: string; actor?: string; data?: Record<string, unknown> }>;
  expect: { status: string; state?: string; refusalGrounds?: string[]; deadlines?: Record<string, string> };
}

describeUi('scenarios without JSON in the analyst workbench', () => {
  const suite = draftSuite<DraftView>(SERVICE);

  test('a scenario made in forms: data in the service’s form, events on a timeline, received accepted as expected, saved with the draft', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor`);
    await page.getByTestId('new-draft').click();
    await page.getByTestId('draft-base').waitFor({ timeout: 20_000 });
    const token = await tokenOf(page);
    // The draft is expected in force from Monday 16 March: earlier scenarios keep the version in force then.
    const created = await suite.api.openDraft(token);
    await suite.api.call('PUT', `${suite.api.drafts}/${created.id}`, token, {
      rev: created.rev,
      expectedFrom: '2026-03-16',
    });
    await page.reload();
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/scenarios`);
    const panel = page.getByTestId('scenarios-panel');
    const first = panel.locator(`[data-testid=scenario][data-file="${FIRST}"]`);
    // Thirty scenarios run in the browser: give a loaded machine time.
    await first.and(page.locator('[data-passed=true]')).waitFor({ timeout: 40_000 });
    expect(await first.getAttribute('data-version')).toBe('2026-order-65');
    expect(await panel.getByTestId('scenarios-dating').textContent()).toContain('before 16.03.2026');
    // Scenario 23 is submitted on 1 May: it runs against the draft.
    const may = panel.locator('[data-testid=scenario][data-file^="23-"]');
    expect(await may.getAttribute('data-version')).toBe(created.definition.id);
    expect(await may.getByTestId('ran-against').textContent()).toContain('(this draft)');

    // Opening a scenario's form changes nothing in it (the form fills from the data, it writes back only edits).
    await first.getByRole('button', { name: 'Edit' }).click();
    await first.getByTestId('scenario-editor').getByLabel('Cadastral number').waitFor();
    await page.waitForTimeout(1_000);
    expect(await first.textContent()).not.toContain('changed in this draft');
    await first.getByRole('button', { name: 'Close' }).click();

    // A new scenario from scratch: a name, and the form opens under it.
    await panel.getByLabel('Name of the new scenario').fill(NAME);
    await panel.getByLabel('Start from').selectOption({ label: 'An empty scenario' });
    await panel.getByRole('button', { name: 'Create scenario' }).click();
    const mine = panel.locator(`[data-testid=scenario][data-file="${FILE}"]`);
    const editor = mine.getByTestId('scenario-editor');
    await editor.waitFor({ timeout: 15_000 });
    expect(await editor.getByLabel('Name', { exact: true }).inputValue()).toBe(NAME);
    // Submitted on the day the draft is expected in force, shown in the provider's wall-clock time.
    expect(await editor.getByLabel('Submitted at (Asia/Almaty)').inputValue()).toBe('2026-03-16T10:00');
    await editor.getByLabel('Submitted at (Asia/Almaty)').fill('2026-03-17T10:30');

    // The application data through the service's own form (the applicant page's component).
    await editor.getByLabel('Kind of applicant').selectOption({ label: 'Individual' });
    await editor.getByLabel(/^IIN/).fill('900101300017');
    await editor.getByLabel('Full name (name of the legal entity)').fill('Сейітов Арман Болатұлы');
    await editor.getByLabel('Cadastral number').fill('20-321-001-123:15');
    await editor.getByLabel('Kind of object').selectOption({ label: 'Dacha building' });
    await editor.getByLabel('Certified with').selectOption({ label: 'Electronic digital signature' });
    await editor.getByLabel('Paid through the e-government payment gateway').check();
    await editor.getByLabel('Consent to access restricted personal data').check();

    // The events on the timeline: the examination first, then the archive's hand-over moved above it.
    await editor.getByRole('button', { name: 'Add event' }).click();
    await editor
      .getByLabel('Event 1', { exact: true })
      .selectOption({ label: 'The executor checked the grounds for refusal' });
    expect(await editor.getByLabel('Actor of event 1').inputValue()).toBe('executor');
    await editor.getByLabel('Time of event 1').fill('2026-03-17T15:00');
    await editor
      .getByRole('group', { name: 'Officer’s findings in event 1' })
      .getByLabel('documentsUnreliable')
      .check();
    // A ground ticked: the refusal must be motivated, so the event asks for the officer's reasoning (the engine
    // refuses the event without it).
    const reasoningGroup = editor.getByRole('group', { name: 'Officer’s reasoning in event 1' });
    expect(await reasoningGroup.getByRole('status').textContent()).toContain('a refusal must be motivated');
    await editor.getByLabel('Reasoning of event 1 in Russian').fill(REASONING_RU);
    expect(await reasoningGroup.getByRole('status').count()).toBe(0);
    await editor.getByRole('button', { name: 'Add event' }).click();
    await editor
      .getByLabel('Event 2', { exact: true })
      .selectOption({ label: 'Inventory file found and handed to the executor' });
    await editor.getByLabel('Actor of event 2').selectOption({ label: 'Archive' });
    await editor.getByLabel('Time of event 2').fill('2026-03-17T11:00');
    await editor.getByRole('button', { name: 'Move event 2 up' }).click();
    expect(await editor.getByLabel('Event 1', { exact: true }).inputValue()).toBe('FILE_HANDED_OVER');

    // Expected (registered, as a new scenario says) beside received (refused): the difference is marked, red.
    const status = editor.locator('tr[data-fact="/expect/status"]');
    await status.and(page.locator('[data-path]')).waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toMatch(/Status\s*≠ differs\s*Registered\s*Refused/);
    expect(await mine.getAttribute('data-passed')).toBe('false');
    expect(await mine.getAttribute('data-version')).toBe(created.definition.id);
    // A dacha building is a housing object: due the first working day after registration, read as dd.mm.yyyy HH:mm.
    expect(await editor.locator('tr[data-fact="/expect/deadlines/service"]').textContent()).toContain(
      '18.03.2026 18:30',
    );
    // The scenario's row as the analyst sees it (the whole page is thirty scenarios long).
    mkdirSync(artifacts, { recursive: true });
    await mine.screenshot({ path: join(artifacts, 'scenario-editor.png') });
    await editor
      .getByTestId('expected-received')
      .screenshot({ path: join(artifacts, 'scenario-expected-received.png') });

    await editor.getByRole('button', { name: 'Accept received as expected' }).click();
    await mine.and(page.locator('[data-passed=true]')).waitFor({ timeout: 15_000 });
    expect(await editor.locator('tr[data-path]').count()).toBe(0);
    // The ground by its text in the reader's language, not its id.
    const ground = await editor.locator('tr[data-fact="/expect/refusalGrounds"] td').first().textContent();
    expect(ground).toContain('the documents submitted by the recipient');
    expect(ground).not.toContain('unreliable-documents');

    // Saved with the draft (autosave), as the form wrote it: no JSON typed anywhere.
    const saved = await eventually(
      async () =>
        (await suite.api.openDraft(token)).scenarios.find((s) => s.file === FILE)?.scenario as
          SavedScenario | undefined,
      (s) => s?.expect.status === 'refused',
    );
    expect(saved).toBeDefined();
    expect(saved!.name).toBe(NAME);
    expect(saved!.at).toBe('2026-03-17T10:30:00+05:00');
    expect(saved!.data.applicant).toEqual({
      kind: 'individual',
      iin: '900101300017',
      fullName: 'Сейітов Арман Болатұлы',
    });
    expect(saved!.data.object.kind).toBe('dacha-building');
    expect(saved!.data.consentToPersonalData).toBe(true);
    expect(saved!.events).toEqual([
      { type: 'FILE_HANDED_OVER', at: '2026-03-17T11:00:00+05:00', actor: 'archive' },
      {
        type: 'EXAMINED',
        at: '2026-03-17T15:00:00+05:00',
        actor: 'executor',
        data: { documentsUnreliable: true, reasoning: { ru: REASONING_RU } },
      },
    ]);
    expect(saved!.expect).toMatchObject({
      status: 'refused',
      refusalGrounds: ['unreliable-documents'],
      deadlines: { service: '2026-03-18T18:30:00+05:00' },
    });
    await screenshot(page, 'scenario-accepted');

    // A scenario added in the draft can be removed again (a second click confirms): gone from the draft too.
    await mine.getByRole('button', { name: 'Remove the scenario' }).click();
    await mine.getByRole('button', { name: 'Confirm removal' }).click();
    await mine.waitFor({ state: 'detached' });
    const after = await eventually(
      () => suite.api.openDraft(token),
      (d) => !d.scenarios.some((s) => s.file === FILE),
    );
    expect(after.scenarios.map((s) => s.file)).not.toContain(FILE);
  }, 180_000);
});

describeUi('the worked example of the amendment: scenarios made as copies, accepted, a finding ticked', () => {
  // In December: the draft is in force from tomorrow, so the scenarios of 22.12.2026 run against it.
  const suite = draftSuite<DraftView & { materialised: Record<string, unknown> }>(SERVICE, '2026-12-01T10:00:00+05:00');

  async function savedScenario(token: string, file: string, done: (s: SavedScenario) => boolean) {
    const s = await eventually(
      async () =>
        (await suite.api.openDraft(token)).scenarios.find((x) => x.file === file)?.scenario as
          SavedScenario | undefined,
      (x) => !!x && done(x),
    );
    return s!;
  }

  test('“Apartment on 22.12.2026: second working day” and “Object under arrest: refused”', async () => {
    const page = await signIn(suite.ui, 'analyst', { lang: 'en' });
    // A page error would blank the workbench (a closed editor once did): none may happen.
    const crashes: string[] = [];
    page.on('pageerror', (e) => crashes.push(e.message));
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/editor`);
    await page.getByTestId('new-draft').click();
    await page.getByTestId('draft-base').waitFor({ timeout: 20_000 });
    const token = await tokenOf(page);
    // The amendment itself is the other editors' work: here it is written over the API (term 2 working days for
    // housing objects, the ground object-under-arrest decided by the officer's finding objectUnderArrest).
    const draft = await suite.api.openDraft(token);
    const version = JSON.parse(
      JSON.stringify(draft.materialised).replace('"duration":"1 workingDays"', '"duration":"2 workingDays"'),
    ) as { refusalGrounds: unknown[] };
    version.refusalGrounds.push({
      id: 'object-under-arrest',
      kind: 'refusal',
      decidedBy: 'officer',
      text: { kk: 'Объектіге тыйым салынған', ru: 'На объект наложен арест', en: 'The object is under arrest' },
      // The Rules the order approves, not the order's own paragraphs, and the fact in words (issue 15).
      legalRef: {
        act: 'moj-156-rules',
        paragraph: '9',
        part: '5',
        seed: '003_fecf8ad1b999089f.txt',
        lines: [145],
      },
      when: { fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true },
      fact: {
        kk: 'Объектіге тыйым салынғаны анықталды.',
        ru: 'Установлено, что на объект наложен арест.',
        en: 'The object was found to be under arrest.',
      },
    });
    await suite.api.call('PUT', `${suite.api.drafts}/${draft.id}`, token, { rev: draft.rev, version });
    await page.reload();
    await page.goto(`${suite.ui.base}#/workbench/${SERVICE}/scenarios`);
    const panel = page.getByTestId('scenarios-panel');
    await panel.locator(`[data-testid=scenario][data-file="${FIRST}"]`).waitFor({ timeout: 40_000 });

    // A copy of scenario 01 on Tuesday 22.12.2026: its events move to that day with it.
    const first = 'Apartment, individual with EDS, paid through the gateway: duplicate on the 1st working day';
    await panel.getByLabel('Name of the new scenario').fill('Apartment on 22.12.2026: second working day');
    await panel.getByLabel('Start from').selectOption({ label: `Copy of “${first}”` });
    await panel.getByRole('button', { name: 'Create scenario' }).click();
    const apartment = panel.locator(
      '[data-testid=scenario][data-file="30-apartment-on-22-12-2026-second-working-day.json"]',
    );
    const editor = apartment.getByTestId('scenario-editor');
    await editor.waitFor({ timeout: 15_000 });
    await editor.getByLabel('Submitted at (Asia/Almaty)').fill('2026-12-22T10:00');
    expect(await editor.getByLabel('Time of event 1').inputValue()).toBe('2026-12-22T11:00');
    expect(await editor.getByLabel('Time of event 3').inputValue()).toBe('2026-12-23T10:00');
    const due = editor.locator('tr[data-fact="/expect/deadlines/service"]');
    await due.filter({ hasText: '24.12.2026 18:30' }).waitFor({ timeout: 15_000 });
    await editor.getByRole('button', { name: 'Accept received as expected' }).click();
    await apartment.and(page.locator('[data-passed=true]')).waitFor({ timeout: 15_000 });
    const saved = await savedScenario(
      token,
      '30-apartment-on-22-12-2026-second-working-day.json',
      (s) => s.expect.deadlines?.service?.startsWith('2026-12-24') ?? false,
    );
    expect(saved.at).toBe('2026-12-22T10:00:00+05:00');
    expect(saved.expect.deadlines).toEqual({ service: '2026-12-24T18:30:00+05:00' });
    await screenshot(page, 'scenario-worked-apartment');
    await apartment.getByRole('button', { name: 'Close' }).click();

    // Object under arrest: a copy of the first, the examination's finding ticked, the signature removed.
    await panel.getByLabel('Name of the new scenario').fill('Object under arrest: refused');
    await panel
      .getByLabel('Start from')
      .selectOption({ label: 'Copy of “Apartment on 22.12.2026: second working day”' });
    await panel.getByRole('button', { name: 'Create scenario' }).click();
    const arrest = panel.locator('[data-testid=scenario][data-file="31-object-under-arrest-refused.json"]');
    const arrestEditor = arrest.getByTestId('scenario-editor');
    await arrestEditor.waitFor({ timeout: 15_000 });
    await arrestEditor
      .getByRole('group', { name: 'Officer’s findings in event 2' })
      .getByLabel('The object is under arrest')
      .check();
    await arrestEditor.getByLabel('Reasoning of event 2 in Kazakh').fill(REASONING_KK);
    await arrestEditor.getByRole('button', { name: 'Remove event 3' }).click();
    await arrestEditor
      .locator('tr[data-fact="/expect/status"]')
      .filter({ hasText: 'Refused' })
      .waitFor({ timeout: 15_000 });
    await arrestEditor.getByRole('button', { name: 'Accept received as expected' }).click();
    await arrest.and(page.locator('[data-passed=true]')).waitFor({ timeout: 15_000 });
    const refused = await savedScenario(
      token,
      '31-object-under-arrest-refused.json',
      (s) => s.expect.status === 'refused',
    );
    expect(refused.expect.refusalGrounds).toEqual(['object-under-arrest']);
    expect(refused.events.find((e) => e.type === 'EXAMINED')?.data).toEqual({
      objectUnderArrest: true,
      reasoning: { kk: REASONING_KK },
    });
    expect(refused.events.map((e) => e.type)).toEqual(['FILE_HANDED_OVER', 'EXAMINED']);
    await screenshot(page, 'scenario-worked-arrest');
    expect(crashes).toEqual([]);
  }, 180_000);
});
