import type { Ground, Scenario, ScenarioOutcome } from '@qyzmet/engine';
import { comparisonRows } from '../../admin-ui/src/analyst/editors/expectedReceived';
import {
  blankScenario,
  copiedScenario,
  dotted,
  findingsOfGrounds,
  hourAfter,
  isoOfLocalInput,
  localInputOf,
  moved,
  newScenarioFile,
  reasoningOf,
  shiftEvents,
  withEventData,
  withFinding,
  withReasoning,
} from '../../admin-ui/src/analyst/editors/scenarioEditing';

const ZONE = 'Asia/Almaty';
const ref = { act: 'x', paragraph: '1' };
const ground = (id: string, when: unknown): Ground =>
  ({ id, text: { kk: id, ru: id }, legalRef: ref, when }) as unknown as Ground;

describe('scenario instants: datetime-local in the provider’s zone, ISO with the offset in the scenario', () => {
  test.each([
    ['2026-12-22T10:00:00+05:00', '2026-12-22T10:00'],
    ['2026-12-22T05:00:00Z', '2026-12-22T10:00'],
    // Before 2024-03-01 Kazakhstan was on UTC+6: the wall clock follows the date.
    ['2023-06-01T04:00:00Z', '2023-06-01T10:00'],
    ['not an instant', ''],
  ])('%s is shown as %s', (iso, local) => expect(localInputOf(iso, ZONE)).toBe(local));

  test('a typed wall-clock time is written back with the offset in force then', () => {
    expect(isoOfLocalInput('2026-12-22T10:00', ZONE)).toBe('2026-12-22T10:00:00+05:00');
    expect(isoOfLocalInput('2023-06-01T10:00', ZONE)).toBe('2023-06-01T10:00:00+06:00');
    expect(isoOfLocalInput('2026-12-2', ZONE)).toBeNull();
  });

  test('instants read as dd.mm.yyyy HH:mm', () => {
    expect(dotted('2026-12-24T18:30:00+05:00', ZONE)).toBe('24.12.2026 18:30');
    expect(dotted('soon', ZONE)).toBe('soon');
  });

  test('the events move with the submission, keeping their distance from it', () => {
    const events = [
      { type: 'FILE_HANDED_OVER', at: '2026-02-10T11:00:00+05:00', actor: 'archive' },
      { type: 'SIGNED', at: '2026-02-11T10:00:00+05:00', actor: 'head' },
    ];
    expect(shiftEvents(events, '2026-02-10T10:00:00+05:00', '2026-12-22T10:00:00+05:00', ZONE)).toEqual([
      { type: 'FILE_HANDED_OVER', at: '2026-12-22T11:00:00+05:00', actor: 'archive' },
      { type: 'SIGNED', at: '2026-12-23T10:00:00+05:00', actor: 'head' },
    ]);
    expect(hourAfter('2026-12-22T10:00:00+05:00', ZONE)).toBe('2026-12-22T11:00:00+05:00');
  });
});

describe('scenario events: reorder, findings as the grounds read them', () => {
  test('moving an item swaps it with its neighbour and never leaves the list', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  test('the findings come from the grounds’ conditions over the fact "findings", once each', () => {
    const grounds = [
      ground('object-under-arrest', { fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true }),
      ground('court', { fact: 'external', path: '/courtBan', operator: 'isTrue', value: true }),
      ground('both', {
        any: [
          { fact: 'findings', path: '/objectUnderArrest', operator: 'isTrue', value: true },
          { fact: 'findings', path: '/kind', operator: 'equal', value: 'forged' },
        ],
      }),
      // An entry whose $include did not resolve is no ground yet.
      { $include: 'shared.json#/grounds/x' } as unknown as Ground,
    ];
    expect(findingsOfGrounds(grounds).map(({ key, value, ground: g }) => [key, value, g.id])).toEqual([
      ['objectUnderArrest', true, 'object-under-arrest'],
      ['kind', 'forged', 'both'],
    ]);
  });

  test('a finding ticked and unticked; an event with no data has no data key', () => {
    const on = withFinding(undefined, { key: 'objectUnderArrest', value: true }, true);
    expect(on).toEqual({ objectUnderArrest: true });
    expect(withFinding(on, { key: 'objectUnderArrest', value: true }, false)).toBeUndefined();
    expect(withEventData({ type: 'EXAMINED', at: 'x', data: { a: 1 } }, undefined)).toEqual({
      type: 'EXAMINED',
      at: 'x',
    });
  });
});

describe('the officer’s reasoning an event carries (data.reasoning, kk and/or ru)', () => {
  test('written per language beside the findings; emptied, the language and then the reasoning go', () => {
    const findings = { objectUnderArrest: true };
    const kk = withReasoning(findings, 'kk', 'Объектіге тыйым салынған.');
    expect(kk).toEqual({ objectUnderArrest: true, reasoning: { kk: 'Объектіге тыйым салынған.' } });
    const both = withReasoning(kk, 'ru', 'На объект наложен арест.');
    expect(both).toEqual({
      objectUnderArrest: true,
      reasoning: { kk: 'Объектіге тыйым салынған.', ru: 'На объект наложен арест.' },
    });
    expect(reasoningOf(both)).toEqual({ kk: 'Объектіге тыйым салынған.', ru: 'На объект наложен арест.' });
    // Blank text is no reasoning (the engine would refuse it as missing).
    expect(withReasoning(both, 'kk', '  ')).toEqual({
      objectUnderArrest: true,
      reasoning: { ru: 'На объект наложен арест.' },
    });
    expect(withReasoning(withReasoning(both, 'kk', ''), 'ru', '')).toEqual(findings);
    expect(withReasoning(undefined, 'ru', '')).toBeUndefined();
    // A malformed reasoning reads as empty and is replaced by what is typed.
    expect(reasoningOf({ reasoning: 'text' })).toEqual({ kk: '', ru: '' });
    expect(withReasoning({ reasoning: ['x'] }, 'ru', 'Текст')).toEqual({ reasoning: { ru: 'Текст' } });
  });
});

describe('new scenarios', () => {
  test('the next number, the name in latin letters', () => {
    const dir = 'definitions/services/s';
    const existing = [`${dir}/scenarios/01-a.json`, `${dir}/scenarios/29-b.json`];
    expect(newScenarioFile(dir, 'Apartment on 22.12.2026: second working day', existing)).toBe(
      `${dir}/scenarios/30-apartment-on-22-12-2026-second-working-day.json`,
    );
    expect(newScenarioFile(dir, 'Пәтер', existing)).toBe(`${dir}/scenarios/30-new-scenario.json`);
  });

  test('from scratch expects only a registration; a copy is deep and renamed', () => {
    expect(blankScenario('n', '2026-12-22T10:00:00+05:00')).toEqual({
      name: 'n',
      description: '',
      at: '2026-12-22T10:00:00+05:00',
      data: {},
      events: [],
      expect: { status: 'registered' },
    });
    const from: Scenario = {
      name: 'a',
      description: 'Tuesday 10.02.2026 10:00: registered at once',
      at: 'x',
      data: { o: { k: 1 } },
      events: [],
      expect: { status: 'approved' },
    };
    const copy = copiedScenario(from, 'b');
    expect(copy.name).toBe('b');
    // The facts of the original are not the copy's.
    expect(copy.description).toBe('');
    (copy.data.o as { k: number }).k = 2;
    expect((from.data.o as { k: number }).k).toBe(1);
  });
});

describe('expected beside received', () => {
  const scenario: Scenario['expect'] = {
    status: 'approved',
    deadlines: { service: '2026-12-23T18:30:00+05:00' },
    refusalGrounds: [],
  };
  const outcome = {
    name: 'x',
    passed: false,
    differences: [
      { path: '/expect/deadlines/service', expected: '2026-12-23T18:30:00+05:00', actual: '2026-12-24T18:30:00+05:00' },
    ],
    result: {
      status: 'approved',
      state: 'issued',
      version: 'v2',
      registeredAt: '2026-12-22T10:00:00+05:00',
      deadlines: [{ id: 'service', dueAt: '2026-12-24T18:30:00+05:00', status: 'met' }],
      refusal: null,
      documents: [{ id: 'duplicate', title: 't', html: '' }],
    },
  } as unknown as ScenarioOutcome;

  test('one row per fact; only the engine’s differences are marked; unpinned facts are not compared', () => {
    const rows = comparisonRows(scenario, outcome);
    expect(rows.map((r) => [r.path, r.expected, r.received, r.differs])).toEqual([
      ['/expect/status', 'approved', 'approved', false],
      ['/expect/state', undefined, 'issued', false],
      ['/expect/registeredAt', undefined, '2026-12-22T10:00:00+05:00', false],
      ['/expect/deadlines/service', '2026-12-23T18:30:00+05:00', '2026-12-24T18:30:00+05:00', true],
      ['/expect/refusalGrounds', [], [], false],
      ['/expect/documents', undefined, ['duplicate'], false],
    ]);
  });

  test('a run that stopped receives nothing', () => {
    const rows = comparisonRows(scenario, { name: 'x', passed: false, differences: [], error: 'no version' });
    expect(rows.every((r) => r.received === undefined && !r.differs)).toBe(true);
  });
});
