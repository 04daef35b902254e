import type { MachineDef } from '@qyzmet/engine';
import { factInApiWords, machineInApiWords, namedInApiWords, partyInApiWords } from './inApiWords';

// The HTTP API keeps its words (OpenAPI: name, text) while definitions write label and description.
const text = { kk: 'мәтін', ru: 'текст' };

test('a party and its units are named, the other keys kept in place', () => {
  const party = { id: 'akimat', label: text, units: [{ id: 'office', label: text }], legalRef: { act: 'a' } };
  const out = partyInApiWords(party);
  expect(Object.keys(out)).toEqual(['id', 'name', 'units', 'legalRef']);
  expect(out.units).toEqual([{ id: 'office', name: text }]);
});

test("a fact's description is its text; no fact is null", () => {
  expect(factInApiWords({ value: 'paper', description: text })).toEqual({ value: 'paper', text });
  expect(factInApiWords(undefined)).toBeNull();
});

test('a deadline or a variant is named', () => {
  expect(namedInApiWords({ id: 'service', label: text })).toEqual({ id: 'service', name: text });
});

test("the machine's roles, events, states and timers are named; guards and the rest untouched", () => {
  const machine = {
    initial: 'received',
    roles: { head: { label: text } },
    events: { SIGNED: { label: text, roles: ['head'] } },
    states: {
      received: {
        label: text,
        status: 'registered',
        on: { SIGNED: { target: 'received', guard: { condition: 'anyGround', negate: true } } },
        timers: [{ id: 't', after: '1 workingDays', label: text, legalRef: { act: 'a' } }],
      },
    },
  } as unknown as MachineDef;
  expect(machineInApiWords(machine)).toEqual({
    initial: 'received',
    roles: { head: { name: text } },
    events: { SIGNED: { name: text, roles: ['head'] } },
    states: {
      received: {
        name: text,
        status: 'registered',
        on: { SIGNED: { target: 'received', guard: { condition: 'anyGround', negate: true } } },
        timers: [{ id: 't', after: '1 workingDays', name: text, legalRef: { act: 'a' } }],
      },
    },
  });
});
