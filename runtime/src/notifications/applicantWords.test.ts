import { join } from 'node:path';
import type { ApplicationState, CompiledVersion } from '@qyzmet/engine';
import { REPO } from '../../../tests/definitions/exampleCopy';
import { loadRepository } from '../registry/loadRepository';
import { nextStepWords } from './applicantWords';

/**
 * The next step in words, read off the definition of the new real estate cadastre entry (seed 003): who acts comes
 * from the state's performer (the applicant signs the works act; the head reviews an objection), by when from the
 * step's own timer, else the overall term, and a closed application names the documents issued in its final state.
 */

const SERVICE = 'new-real-estate-cadastre-entry';
let version: CompiledVersion;
beforeAll(() => {
  const repo = loadRepository(join(REPO, 'definitions'), [SERVICE]);
  version = repo.services.get(SERVICE)!.versions.at(-1)!;
});

const label = (state: string) => version.def.machine.states[state].label;

/** An application in `state`, its overall term running to 20.03.2026 18:30. */
function at(state: string, more: Partial<ApplicationState> = {}): ApplicationState {
  return {
    id: '7d1c2a9e-0000-4000-8000-000000000001',
    serviceId: SERVICE,
    version: version.id,
    channel: null,
    arrivedAt: '2026-03-03T10:00:00+05:00',
    registeredAt: '2026-03-03T10:00:00+05:00',
    state,
    status: version.def.machine.states[state].status,
    data: {},
    findings: {},
    external: {},
    decisions: {},
    deadlines: [
      {
        id: 'service',
        dueAt: '2026-03-20T18:30:00+05:00',
        startedAt: '2026-03-03T10:00:00+05:00',
        duration: '10 workingDays',
        status: 'running',
        explanation: [],
      },
    ],
    timers: [],
    documents: [],
    refusal: null,
    grounds: [],
    history: [],
    updatedAt: '2026-03-03T10:00:00+05:00',
    ...more,
  };
}

test.each([
  ['awaiting-works-act', 'Енді сіздің әрекетіңіз қажет', 'Требуется ваше действие', 'Your action is needed'],
  ['inspection', 'Әрекет көрсетілетін қызметті берушіде', 'Действует услугодатель', 'The provider acts next'],
])('%s: who acts comes from the performer', (state, kk, ru, en) => {
  const words = nextStepWords(version, at(state))!;
  expect(words.kk).toBe(`Қазіргі қадам: «${label(state).kk}». ${kk}, мерзімі — 20.03.2026, сағат 18:30 дейін.`);
  expect(words.ru).toBe(`Текущий шаг: «${label(state).ru}». ${ru}, срок — до 20.03.2026 18:30.`);
  expect(words.en).toContain(`${en}, by 20.03.2026 18:30.`);
});

test("the step's own timer comes before the overall term; a branch norm (leadsTo) does not count", () => {
  const timers = [
    { id: 'objection-acceptance', state: 'objection-review', dueAt: '2026-03-05T18:30:00+05:00' },
    { id: 'elsewhere', state: 'objection-review', dueAt: '2026-03-04T12:00:00+05:00', leadsTo: ['refused'] },
    { id: 'earlier-step', state: 'hearing', dueAt: '2026-03-04T09:00:00+05:00' },
  ];
  expect(nextStepWords(version, at('objection-review', { timers }))!.ru).toContain('срок — до 05.03.2026 18:30');
});

test('a suspended term says so instead of a due instant', () => {
  const suspended = at('inspection', { status: 'suspended' });
  suspended.deadlines[0] = { ...suspended.deadlines[0], status: 'suspended', suspendedAt: '2026-03-05T10:00:00+05:00' };
  const words = nextStepWords(version, suspended)!;
  expect(words.kk).toMatch(/мерзімнің өтуі тоқтатыла тұрды\.$/);
  expect(words.ru).toMatch(/течение срока приостановлено\.$/);
});

test('a closed application names what it gives: the documents issued in its final state, not earlier ones', () => {
  const doc = (id: string, state: string) => ({
    id,
    kind: 'result',
    title: { kk: `${id} kk`, ru: `${id} ru`, en: `${id} en` },
    issuedAt: '2026-03-10T10:00:00+05:00',
    state,
  });
  const closed = at('conclusion-issued', {
    documents: [
      doc('acceptance-status', 'accepted'),
      doc('discrepancy-conclusion', 'conclusion-issued'),
      doc('cadastral-passport', 'conclusion-issued'),
    ],
  });
  const words = nextStepWords(version, closed)!;
  expect(words.kk).toBe(
    `Өтініш бойынша жұмыс аяқталды: «${label('conclusion-issued').kk}». Сіз аласыз: «discrepancy-conclusion kk», «cadastral-passport kk».`,
  );
  expect(words.ru).toContain('Вы получаете: «discrepancy-conclusion ru», «cadastral-passport ru».');
  expect(words.kk).not.toContain('acceptance-status');
  // None issued: only that it is closed.
  expect(nextStepWords(version, at('refused'))!.ru).toBe(`Рассмотрение заявления завершено: «${label('refused').ru}».`);
});

test('the words never carry the application id, a state key or a status value', () => {
  for (const state of Object.keys(version.def.machine.states)) {
    const words = nextStepWords(version, at(state))!;
    for (const text of [words.kk, words.ru]) {
      expect(text).not.toContain('7d1c2a9e');
      expect(text).not.toMatch(/in-progress|registered|approved|refused\b|awaiting-|-issued/);
    }
  }
});
