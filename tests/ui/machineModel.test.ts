import type { MachineDef } from '@qyzmet/engine';
import {
  addEvent,
  addState,
  addTimer,
  eventIdError,
  guardWords,
  referencesTo,
  removeEvent,
  removeState,
  removeTimer,
  splitDuration,
  stateIdError,
  timerIdError,
  transitionsOf,
} from '../../admin-ui/src/analyst/editors/machineModel';

/** A machine shaped like cadastral-passport-duplicate's: one event shared by two states, a list of guarded moves. */
const machine = (): MachineDef => ({
  initial: 'received',
  events: {
    GATEWAY_DATA: { label: { kk: 'Шлюз', ru: 'Шлюз' }, roles: ['gateway'] },
    EXAMINED: { label: { kk: 'Тексерді', ru: 'Проверил' }, roles: ['executor'] },
  },
  states: {
    received: {
      label: { kk: 'Қабылданды', ru: 'Принят' },
      status: 'registered',
      always: [{ target: 'examination', guard: { condition: 'anyReturnGround', negate: true } }],
    },
    examination: {
      label: { kk: 'Тексеру', ru: 'Проверка' },
      status: 'in-progress',
      performer: 'executor',
      on: {
        GATEWAY_DATA: { target: 'examination' },
        EXAMINED: [
          { target: 'refused', guard: { condition: 'anyRefusalGround' } },
          { target: 'issued', guard: { condition: 'anyRefusalGround', negate: true } },
        ],
      },
      timers: [{ id: 'overdue', after: '2 workingDays', target: 'refused', legalRef: { act: 'x' } }],
    },
    archive: {
      label: { kk: 'Мұрағат', ru: 'Архив' },
      status: 'in-progress',
      on: { GATEWAY_DATA: { target: 'archive' } },
    },
    issued: { label: { kk: 'Берілді', ru: 'Выдан' }, status: 'approved', final: true },
    refused: { label: { kk: 'Бас тартылды', ru: 'Отказано' }, status: 'refused', final: true },
  },
});

describe('ids are checked as they are typed', () => {
  test.each([
    ['', 'empty'],
    ['Archive', 'format'],
    ['archive search', 'format'],
    ['архив', 'format'],
    ['archive-', 'format'],
    ['issued', 'taken'],
    ['archive-search', null],
    ['step.2', null],
  ] as const)('state id %j → %s', (id, expected) => expect(stateIdError(machine(), id)).toBe(expected));
  test.each([
    ['received', '', 'empty'],
    ['received', 'signed', 'format'],
    ['received', '1SIGNED', 'format'],
    ['examination', 'EXAMINED', 'taken'],
    // Declared for the machine but not sent in this state: reusing it is fine.
    ['received', 'GATEWAY_DATA', null],
    ['received', 'SIGNED_BY_HEAD', null],
  ] as const)('in "%s" the event id %j → %s', (state, id, expected) =>
    expect(eventIdError(machine(), state, id)).toBe(expected),
  );
  test('odd data (no machine) does not throw', () => {
    expect(stateIdError(undefined, 'a')).toBeNull();
    expect(eventIdError(undefined, 'a', 'A')).toBeNull();
  });
});

describe('transitions whether one object or a list', () => {
  test('a list keeps its indexes, one object has none', () => {
    const s = machine().states.examination;
    expect(transitionsOf(s, 'EXAMINED').map((r) => [r.index, r.transition.target])).toEqual([
      [0, 'refused'],
      [1, 'issued'],
    ]);
    expect(transitionsOf(s, 'GATEWAY_DATA').map((r) => [r.index, r.transition.target])).toEqual([
      [null, 'examination'],
    ]);
    expect(transitionsOf(s, 'NONE')).toEqual([]);
    expect(transitionsOf(undefined, 'X')).toEqual([]);
  });
});

describe('adding and removing steps and events', () => {
  test('a new step has empty names to fill in and leaves every other state the same object', () => {
    const m = machine();
    const next = addState(m, 'signing');
    expect(next.states.signing).toEqual({ label: { kk: '', ru: '' }, status: 'in-progress' });
    expect(next.states.examination).toBe(m.states.examination);
    expect(m.states.signing).toBeUndefined();
  });
  test('removing a step removes the moves that led to it, keeps a timer without its move', () => {
    const m = machine();
    expect(referencesTo(m, 'refused')).toEqual({ transitions: 1, timers: 1 });
    const next = removeState(m, 'refused');
    expect(next.states.refused).toBeUndefined();
    expect(next.states.examination.on!.EXAMINED).toEqual([
      { target: 'issued', guard: { condition: 'anyRefusalGround', negate: true } },
    ]);
    expect(next.states.examination.timers).toEqual([{ id: 'overdue', after: '2 workingDays', legalRef: { act: 'x' } }]);
    // Untouched states stay the same objects: the server's diff sees only the edit.
    expect(next.states.archive).toBe(m.states.archive);
  });
  test('removing a step drops it from branch norms (leadsTo); a norm left with no branch goes', () => {
    const m = machine();
    const a5 = { id: 'a5', after: '150 seconds', leadsTo: ['refused'], legalRef: { act: 'x' } };
    const both = { id: 'both', after: '2 minutes', leadsTo: ['refused', 'issued'], legalRef: { act: 'x' } };
    const withNorms = {
      ...m,
      states: { ...m.states, examination: { ...m.states.examination, timers: [a5, both] } },
    };
    const next = removeState(withNorms, 'refused');
    expect(next.states.examination.timers).toEqual([{ ...both, leadsTo: ['issued'] }]);
    const none = removeState(
      { ...m, states: { ...m.states, examination: { ...m.states.examination, timers: [a5] } } },
      'refused',
    );
    expect(none.states.examination.timers).toBeUndefined();
  });
  test('removing the only target of an event removes the event from the state', () => {
    const next = removeState(machine(), 'archive');
    expect(next.states.examination.on!.GATEWAY_DATA).toEqual({ target: 'examination' });
    const gone = removeState(machine(), 'examination');
    expect(gone.states.received.always).toEqual([]);
  });
  test('a new event is declared with the step performer as its role; a known one is reused', () => {
    const m = machine();
    const next = addEvent(m, 'examination', 'SIGNED', 'issued');
    expect(next.events!.SIGNED).toEqual({ label: { kk: '', ru: '' }, roles: ['executor'] });
    expect(next.states.examination.on!.SIGNED).toEqual({ target: 'issued' });
    const reuse = addEvent(m, 'received', 'GATEWAY_DATA', 'received');
    expect(reuse.events).toBe(m.events);
    expect(addEvent(m, 'received', 'NEW', 'issued').events!.NEW.roles).toEqual(['officer']);
  });
  test('removing an event keeps its declaration while another state sends it', () => {
    const m = machine();
    const once = removeEvent(m, 'archive', 'GATEWAY_DATA');
    expect(once.states.archive.on).toBeUndefined();
    expect(once.events!.GATEWAY_DATA).toBeDefined();
    const twice = removeEvent(once, 'examination', 'GATEWAY_DATA');
    expect(twice.events!.GATEWAY_DATA).toBeUndefined();
    expect(removeEvent(m, 'received', 'NOPE')).toBe(m);
  });
});

describe('guards in words', () => {
  const conditions = {
    isHousing: {
      description: { kk: 'тұрғын үй', ru: 'жилище' },
      when: { fact: 'data' as const, operator: 'equal', value: 1 },
    },
    bare: { when: { fact: 'data' as const, operator: 'equal', value: 1 } },
  };
  test.each([
    [{ condition: 'anyRefusalGround' }, 'ru', { kind: 'builtin', name: 'anyRefusalGround', negate: false }],
    [
      { condition: 'isHousing', negate: true },
      'ru',
      { kind: 'named', name: 'isHousing', negate: true, description: 'жилище' },
    ],
    [{ condition: 'isHousing' }, 'en', { kind: 'named', name: 'isHousing', negate: false, description: 'жилище' }],
    [{ condition: 'bare' }, 'kk', { kind: 'named', name: 'bare', negate: false }],
    [{ condition: 'missing' }, 'kk', { kind: 'unknown', name: 'missing', negate: false }],
  ] as const)('%j in %s', (guard, lang, expected) => expect(guardWords(guard, conditions, lang)).toEqual(expected));
});

test('durations split into number and unit', () => {
  expect(splitDuration('3 workingDays')).toEqual({ n: 3, unit: 'workingDays' });
  expect(splitDuration('soon')).toBeNull();
  expect(splitDuration(undefined)).toBeNull();
});

describe('step deadlines', () => {
  test('a new one: one working day, citing the step until a clause is picked; its id unique in the machine', () => {
    const m = machine();
    expect(timerIdError(m, 'overdue')).toBe('taken');
    expect(timerIdError(m, 'Overdue')).toBe('format');
    expect(timerIdError(m, 'signing-term')).toBeNull();
    const withLegal = {
      ...m,
      states: { ...m.states, issued: { ...m.states.issued, legalRef: { act: 'y', paragraph: '9' } } },
    };
    expect(addTimer(withLegal, 'issued', 'archive-term').states.issued.timers).toEqual([
      { id: 'archive-term', after: '1 workingDays', legalRef: { act: 'y', paragraph: '9' } },
    ]);
    expect(addTimer(m, 'received', 'x').states.received.timers![0].legalRef).toEqual({ act: '' });
  });
  test('removing the last one removes the list', () => {
    const m = machine();
    const next = removeTimer(m, 'examination', 0);
    expect(next.states.examination.timers).toBeUndefined();
    expect(next.states.examination.on).toBe(m.states.examination.on);
    expect(removeTimer(m, 'examination', 5)).toBe(m);
  });
});
