import type { MachineDef } from '../format/types';
import { isProblemError } from '../errors/problem';
import { alwaysCycles, buildStepMachine, MAX_AUTOMATIC_STEPS, START_EVENT, timerEvent } from './index';

/**
 * The XState adapter on a small machine shaped like the services' own: an automatic intake (return or continue),
 * an optional fast track chosen by a decision, an officer's review with a guarded decision, timers as plain events.
 */

const name = { kk: 'күй', ru: 'состояние' };
const ref = { act: 'fixture-order', paragraph: '1' };
const is = (condition: string) => ({ condition });
const not = (condition: string) => ({ condition, negate: true });

const def: MachineDef = {
  initial: 'received',
  states: {
    received: {
      name,
      status: 'registered',
      always: [
        { target: 'returned', guard: is('anyReturnGround'), legalRef: ref },
        { target: 'checked', guard: not('anyReturnGround') },
      ],
    },
    checked: {
      name,
      status: 'in-progress',
      always: [{ target: 'fast-track', guard: is('isSimple') }],
      on: { ACCEPT: { target: 'triage' } },
    },
    triage: {
      name,
      status: 'in-progress',
      always: [
        { target: 'fast-track', guard: is('isSimple') },
        { target: 'review', guard: not('isSimple') },
      ],
    },
    'fast-track': {
      name,
      status: 'in-progress',
      on: { SIGN: { target: 'approved' }, FINISH: { target: 'approved', guard: is('isComplete') } },
    },
    review: {
      name,
      status: 'in-progress',
      on: {
        DECIDE: [
          { target: 'refused', guard: is('anyRefusalGround'), legalRef: { act: 'fixture-order', paragraph: '11' } },
          { target: 'approved', guard: not('anyRefusalGround') },
        ],
        REQUEST: { target: 'waiting' },
      },
      timers: [
        { id: 'objection-window', after: '2 workingDays', target: 'refused', legalRef: ref },
        { id: 'review-step', after: '1 workingDays', legalRef: ref },
      ],
    },
    waiting: { name, status: 'suspended', on: { SUBMIT: { target: 'review' } } },
    approved: { name, status: 'approved', final: true },
    refused: { name, status: 'refused', final: true },
    returned: { name, status: 'refused', final: true },
  },
};

const sm = buildStepMachine('fixture@v1', def);

describe('buildStepMachine: start and automatic chains', () => {
  test('no decision: the negated guard { condition: "anyReturnGround", negate: true } holds, the chain stops where no guard holds', () => {
    const r = sm.start({});
    expect(r.state).toBe('checked');
    expect(r.entered).toEqual(['received', 'checked']);
    expect(r.transitions).toEqual([
      {
        from: 'received',
        to: 'checked',
        event: 'always',
        guard: not('anyReturnGround'),
        automatic: true,
        def: { target: 'checked', guard: not('anyReturnGround') },
      },
    ]);
  });

  test('a chain of automatic transitions is recorded in order', () => {
    const r = sm.start({ isSimple: true });
    expect(r.state).toBe('fast-track');
    expect(r.entered).toEqual(['received', 'checked', 'fast-track']);
    expect(r.transitions.map((t) => [t.from, t.to, t.event, t.guard, t.automatic])).toEqual([
      ['received', 'checked', 'always', not('anyReturnGround'), true],
      ['checked', 'fast-track', 'always', is('isSimple'), true],
    ]);
  });

  test('a return ground takes the first always transition to a final state, with its legal reference', () => {
    const r = sm.start({ anyReturnGround: true, isSimple: true });
    expect(r.state).toBe('returned');
    expect(r.entered).toEqual(['received', 'returned']);
    expect(r.transitions[0].def?.legalRef).toEqual(ref);
    expect(sm.isFinal('returned')).toBe(true);
  });

  test('an event followed by automatic transitions: the event first, then each always step', () => {
    const r = sm.send('checked', 'ACCEPT', { isSimple: false });
    expect(r).not.toBeNull();
    expect(r!.entered).toEqual(['triage', 'review']);
    expect(r!.transitions.map((t) => [t.from, t.to, t.event, t.guard, t.automatic])).toEqual([
      ['checked', 'triage', 'ACCEPT', undefined, false],
      ['triage', 'review', 'always', not('isSimple'), true],
    ]);
    expect(sm.send('checked', 'ACCEPT', { isSimple: true })!.entered).toEqual(['triage', 'fast-track']);
  });
});

describe('buildStepMachine: events, guards and end states', () => {
  test.each([
    ['refused', { anyRefusalGround: true }, is('anyRefusalGround')],
    ['approved', { anyRefusalGround: false }, not('anyRefusalGround')],
    ['approved', {}, not('anyRefusalGround')],
  ])('DECIDE reaches %s with %j (guard %j)', (target, decisions, guard) => {
    const r = sm.send('review', 'DECIDE', decisions)!;
    expect(r.state).toBe(target);
    expect(r.transitions).toHaveLength(1);
    expect(r.transitions[0]).toMatchObject({ from: 'review', to: target, event: 'DECIDE', guard, automatic: false });
    expect(sm.isFinal(r.state)).toBe(true);
  });

  test('every end state is reachable: approved, refused, returned', () => {
    const ends = new Set<string>();
    ends.add(sm.start({ anyReturnGround: true }).state);
    ends.add(sm.send('fast-track', 'SIGN', {})!.state);
    ends.add(sm.send('review', 'DECIDE', { anyRefusalGround: true })!.state);
    expect([...ends].sort()).toEqual(['approved', 'refused', 'returned']);
    expect(['received', 'checked', 'review', 'waiting'].filter((s) => sm.isFinal(s))).toEqual([]);
  });

  test('an event the state does not accept → null', () => {
    expect(sm.send('checked', 'SIGN', {})).toBeNull();
    expect(sm.send('review', 'SUBMIT', {})).toBeNull();
    expect(sm.send('approved', 'DECIDE', {})).toBeNull();
    expect(sm.send('review', 'NO_SUCH_EVENT', {})).toBeNull();
  });

  test('an event whose only transition is guarded by a decision that does not hold → null', () => {
    expect(sm.send('fast-track', 'FINISH', { isComplete: false })).toBeNull();
    expect(sm.send('fast-track', 'FINISH', {})).toBeNull();
    expect(sm.send('fast-track', 'FINISH', { isComplete: true })?.state).toBe('approved');
  });

  test('a suspended step and back', () => {
    expect(sm.send('review', 'REQUEST', {})?.state).toBe('waiting');
    expect(sm.send('waiting', 'SUBMIT', {})?.state).toBe('review');
  });
});

describe('buildStepMachine: timers are events timer:<id>', () => {
  test('timerEvent names the event', () => {
    expect(timerEvent('objection-window')).toBe('timer:objection-window');
    expect(START_EVENT).not.toMatch(/^timer:/);
  });

  test('a timer with a target takes it ("no objection within 2 working days → refused")', () => {
    const r = sm.send('review', 'timer:objection-window', {})!;
    expect(r.state).toBe('refused');
    expect(r.transitions).toHaveLength(1);
    expect(r.transitions[0]).toMatchObject({
      from: 'review',
      to: 'refused',
      event: 'timer:objection-window',
      automatic: false,
    });
    expect(r.transitions[0].def?.legalRef).toEqual(ref);
  });

  test('a timer without a target (marks overdue) is not a transition; a timer of another state neither', () => {
    expect(sm.send('review', 'timer:review-step', {})).toBeNull();
    expect(sm.send('waiting', 'timer:objection-window', {})).toBeNull();
    expect(sm.send('review', 'timer:unknown', {})).toBeNull();
  });
});

describe('buildStepMachine: acceptedEvents', () => {
  test.each([
    ['checked', {}, ['ACCEPT']],
    ['fast-track', { isComplete: false }, ['SIGN']],
    ['fast-track', { isComplete: true }, ['SIGN', 'FINISH']],
    ['review', {}, ['DECIDE', 'REQUEST']],
    ['waiting', {}, ['SUBMIT']],
    ['approved', {}, []],
    ['received', {}, []],
  ])('%s with %j accepts %j', (state, decisions, events) => {
    expect(sm.acceptedEvents(state, decisions)).toEqual(events);
  });

  test('acceptedEvents agrees with send', () => {
    const decisionSets: Array<Record<string, boolean>> = [{}, { isComplete: true }, { anyRefusalGround: true }];
    const allEvents = ['ACCEPT', 'SIGN', 'FINISH', 'DECIDE', 'REQUEST', 'SUBMIT'];
    for (const state of Object.keys(def.states)) {
      for (const d of decisionSets) {
        const accepted = sm.acceptedEvents(state, d);
        for (const e of allEvents)
          expect({ state, d, e, accepted: sm.send(state, e, d) !== null }).toEqual({
            state,
            d,
            e,
            accepted: accepted.includes(e),
          });
      }
    }
  });

  test('an unknown state accepts nothing', () => {
    expect(sm.acceptedEvents('nowhere', {})).toEqual([]);
    expect(sm.isFinal('nowhere')).toBe(false);
  });
});

describe('buildStepMachine: a self-transition (data arriving while the step waits)', () => {
  const loop = buildStepMachine('loop@v1', {
    initial: 'archive-search',
    states: {
      'archive-search': {
        name,
        status: 'in-progress',
        on: { GATEWAY_DATA: { target: 'archive-search' }, FOUND: { target: 'done' } },
      },
      done: { name, status: 'approved', final: true },
    },
  });

  test('is taken and recorded once, as the event (not as an automatic step)', () => {
    const r = loop.send('archive-search', 'GATEWAY_DATA', {})!;
    expect(r.state).toBe('archive-search');
    expect(r.entered).toEqual(['archive-search']);
    expect(r.transitions).toEqual([
      {
        from: 'archive-search',
        to: 'archive-search',
        event: 'GATEWAY_DATA',
        guard: undefined,
        automatic: false,
        def: { target: 'archive-search' },
      },
    ]);
  });

  test('the start of a machine without automatic transitions enters only the initial state', () => {
    expect(loop.start({})).toEqual({ entered: ['archive-search'], transitions: [], state: 'archive-search' });
  });
});

// Issue 16: a cycle of `always` transitions hung /check ~100 s and crashed the process out of memory.
describe('a cycle of automatic transitions', () => {
  const looping: MachineDef = {
    initial: 'start',
    states: {
      start: { name, status: 'registered', on: { GO: { target: 'a' } } },
      a: { name, status: 'in-progress', always: [{ target: 'b', guard: is('x') }] },
      b: { name, status: 'in-progress', always: [{ target: 'a' }, { target: 'end' }] },
      end: { name, status: 'approved', final: true },
    },
  };

  test('is found, with its states in order (the compiler rejects it)', () => {
    expect(alwaysCycles(looping)).toEqual([['a', 'b']]);
    expect(alwaysCycles(def)).toEqual([]);
  });

  test(`slipping through, it stops after ${MAX_AUTOMATIC_STEPS} automatic steps with a problem, not a hang`, () => {
    const sm = buildStepMachine('loop', looping);
    let caught: unknown;
    try {
      sm.send('start', 'GO', { x: true });
    } catch (e) {
      caught = e;
    }
    expect(isProblemError(caught) && caught.problem).toMatchObject({
      code: 'machine.automaticLoop',
      kind: 'definition',
      params: { state: 'start', event: 'GO', limit: MAX_AUTOMATIC_STEPS },
    });
    // A looping step is never remembered as an answer: the second send fails the same way.
    expect(() => sm.send('start', 'GO', { x: true })).toThrow(/automatic/);
    // With the guard false the chain ends: the bound does not touch a machine that does not loop.
    expect(sm.send('start', 'GO', { x: false })?.state).toBe('a');
  });

  test('event and state names are own properties of the definition', () => {
    const sm = buildStepMachine('svc', def);
    for (const name_ of ['constructor', 'toString', '__proto__']) {
      expect(sm.send('review', name_, {})).toBeNull();
      expect(sm.acceptedEvents(name_, {})).toEqual([]);
      expect(sm.isFinal(name_)).toBe(false);
    }
  });
});

describe('buildStepMachine: steps are remembered per machine', () => {
  const events = ['ACCEPT', 'SIGN', 'FINISH', 'DECIDE', 'REQUEST', 'SUBMIT', 'timer:objection-window', START_EVENT];
  const decisionSets: Array<Record<string, boolean>> = [
    {},
    { isSimple: true },
    { isComplete: true, anyRefusalGround: true },
    { anyReturnGround: true, isSimple: true },
    { unrelated: true },
  ];

  test('a machine that has answered before answers as a new machine does, for every state, event and decisions', () => {
    const shared = buildStepMachine('fixture@v1', def);
    for (let round = 0; round < 2; round++)
      for (const state of Object.keys(def.states))
        for (const e of events)
          for (const d of decisionSets) {
            const answer = (m: typeof sm) => (e === START_EVENT ? m.start(d) : m.send(state, e, d));
            expect({ state, e, d, r: answer(shared) }).toEqual({
              state,
              e,
              d,
              r: answer(buildStepMachine('fixture@v1', def)),
            });
          }
  });

  test('each caller gets its own copy: changing one answer does not change the next', () => {
    const m = buildStepMachine('fixture@v1', def);
    const first = m.send('checked', 'ACCEPT', { isSimple: false })!;
    first.entered.push('changed');
    first.transitions[0].to = 'changed';
    first.transitions.pop();
    const again = m.send('checked', 'ACCEPT', { isSimple: false })!;
    expect(again.entered).toEqual(['triage', 'review']);
    expect(again.transitions.map((t) => t.to)).toEqual(['triage', 'review']);
    expect(m.start({}).entered).toEqual(['received', 'checked']);
    const started = m.start({});
    started.entered.length = 0;
    expect(m.start({}).entered).toEqual(['received', 'checked']);
  });
});
