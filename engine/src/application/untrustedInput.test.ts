import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '../calendar';
import { compileService, type CompiledService } from '../compiler';
import { isProblemError, type Problem } from '../errors/problem';
import { assembleDefinition } from '../format';
import { applyEvent, simulate, startApplication, SIMULATED_EVENTS_LIMIT, type ApplicationEvent } from './index';

/**
 * Issue 16: a definition and the events of `POST /simulate` come from people the runtime must not trust. A small
 * service built in memory (assembleDefinition over a map of files), compiled with the real calendar.
 */

const repoRoot = join(__dirname, '../../..');
const readRepoJson = <T>(rel: string): T => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as T;
const workingTime = compileWorkingTime(
  readRepoJson<CalendarData>('definitions/calendars/kz.calendar.json'),
  readRepoJson<ScheduleData>('definitions/calendars/schedules/provider-default.schedule.json'),
);
const name = (kk: string, ru: string) => ({ kk, ru });
const ref = { act: 'fx-order', paragraph: '1' };

type Json = Record<string, unknown>;

function fixture(patch: (version: Json) => void = () => {}): Json {
  const version: Json = {
    id: 'v1',
    producedBy: ['fx-order'],
    effectiveFrom: '2026-01-01',
    form: { type: 'object', properties: { note: { type: 'string', 'x-label': name('Ескерту', 'Примечание') } } },
    machine: {
      initial: 'received',
      events: {
        NOTE: { label: name('Ескерту', 'Заметка'), roles: ['specialist'], records: 'findings' },
        DONE: { label: name('Дайын', 'Готово'), roles: ['specialist'] },
      },
      states: {
        received: { label: name('Қабылданды', 'Принято'), status: 'registered', always: [{ target: 'review' }] },
        review: {
          label: name('Қарау', 'Рассмотрение'),
          status: 'in-progress',
          on: { NOTE: { target: 'review' }, DONE: { target: 'done' } },
        },
        done: { label: name('Дайын', 'Готово'), status: 'approved', final: true },
      },
    },
    deadlines: [
      {
        id: 'service',
        label: name('Мерзім', 'Срок'),
        start: 'registration',
        legalRef: ref,
        cases: [{ duration: '5 workingDays', legalRef: ref }],
      },
    ],
  };
  patch(version);
  return {
    formatVersion: 1,
    id: 'fx-untrusted',
    label: name('Үлгі', 'Образец'),
    kind: 'state-service',
    acts: { 'fx-order': { type: 'order', title: name('Бұйрық', 'Приказ'), status: 'in-force' } },
    providers: [{ id: 'akimat', label: name('Әкімдік', 'Акимат') }],
    recipients: [{ id: 'individuals', label: name('Жеке тұлғалар', 'Физические лица') }],
    channels: [{ id: 'portal', label: name('Портал', 'Портал') }],
    schedule: { id: 'provider-default' },
    registration: { rule: 'immediate' },
    versions: [version],
  };
}

function compile(service: Json): { service?: CompiledService; problems: Problem[] } {
  const files: Record<string, string> = { 'fx/service.json': JSON.stringify(service, null, 2) };
  const { definition, problems } = assembleDefinition('fx/service.json', (p) => files[p]);
  expect(problems).toEqual([]);
  return compileService(definition!, {
    sharedActs: {},
    workingTime: (id) => (id === 'provider-default' ? workingTime : undefined),
    readText: () => undefined,
  });
}

const svc = compile(fixture()).service!;
const at = '2026-03-03T10:00:00+05:00';

async function problemOf(run: () => Promise<unknown>): Promise<Problem> {
  try {
    await run();
  } catch (e) {
    if (isProblemError(e)) return e.problem;
    throw e;
  }
  throw new Error('expected a problem');
}

describe('replay is linear in the events (issue 16: 9,000 events froze the server 14.6 s)', () => {
  test('5,000 events, each adding a fact, replay in one pass over one state', async () => {
    const events: ApplicationEvent[] = Array.from({ length: 5000 }, (_, i) => ({
      type: 'NOTE',
      at: new Date(Date.parse(at) + (i + 1) * 1000).toISOString(),
      data: { [`fact${i}`]: i },
    }));
    const started = Date.now();
    // SIMULATED_EVENTS_LIMIT caps what an anonymous caller sends; the engine itself replays more.
    const run = async () => {
      const app = (await startApplication(svc.versions[0], { id: 'x', data: {}, arrivedAt: at })).application;
      let current = app;
      for (const e of events) current = (await applyEvent(svc.versions[0], current, e, { owned: true })).application;
      return { app, current };
    };
    const { app, current } = await run();
    // Owned, each step changes the one state in place: no copy of the history or of the facts per event.
    expect(current).toBe(app);
    expect(current.history).toHaveLength(1 + 5000);
    expect(Object.keys(current.findings)).toHaveLength(5000);
    console.log(`replayed 5,000 events in ${Date.now() - started} ms`);
  });

  test("simulate replays its events owned and leaves the caller's events untouched", async () => {
    const events = Array.from({ length: SIMULATED_EVENTS_LIMIT }, (_, i) => ({
      type: 'NOTE',
      at: new Date(Date.parse(at) + (i + 1) * 60_000).toISOString(),
      data: { [`f${i}`]: i },
    }));
    const copy = structuredClone(events);
    const started = Date.now();
    const r = await simulate(svc, {}, events, at, { renderDocuments: false });
    expect(r.application.history).toHaveLength(1 + SIMULATED_EVENTS_LIMIT);
    expect(events).toEqual(copy);
    console.log(`simulated ${SIMULATED_EVENTS_LIMIT} events in ${Date.now() - started} ms`);
  });

  test('an unowned step still leaves the previous state untouched', async () => {
    const app = (await startApplication(svc.versions[0], { id: 'x', data: {}, arrivedAt: at })).application;
    const before = structuredClone(app);
    const next = await applyEvent(svc.versions[0], app, { type: 'NOTE', at, data: { a: 1 } });
    expect(next.application).not.toBe(app);
    expect(app).toEqual(before);
  });
});

describe('simulated events are validated and capped', () => {
  const invalid = async (events: unknown) => problemOf(() => simulate(svc, {}, events, at, { renderDocuments: false }));

  test.each([
    ['garbage', '/events/0/at'],
    ['1', '/events/0/at'],
    ['2026-03-03T10:00:00', '/events/0/at'],
  ])('at: %j is a located user problem', async (instant, pointer) => {
    const p = await invalid([{ type: 'NOTE', at: instant }]);
    expect(p).toMatchObject({ code: 'request.invalid', kind: 'user', pointer });
    expect((p.extensions?.errors as Problem[]).map((e) => e.pointer)).toEqual([pointer]);
    // Worded in the three languages, as form errors are.
    expect((p.extensions?.errors as Array<{ messages: Record<string, string> }>)[0].messages).toEqual({
      kk: expect.stringContaining('ауытқуы'),
      ru: expect.stringContaining('смещением'),
      en: expect.stringContaining('offset'),
    });
  });

  test.each(['garbage', '1', '2026-03-03T10:00:00'])(
    "the simulation's own at: %j is a located user problem",
    async (instant) => {
      const p = await problemOf(() => simulate(svc, {}, [], instant, { renderDocuments: false }));
      expect(p).toMatchObject({ code: 'input.instant', kind: 'user', pointer: '/at' });
    },
  );

  test('every malformed part is reported with its pointer', async () => {
    const p = await invalid([
      { type: 'NOTE', at },
      { type: 'NOTE', at },
      { type: 'NOTE', at },
      { type: '', at: 'x', actor: 'king', data: [1], extra: 1 },
      'not an event',
      { type: 'x'.repeat(101), at },
    ]);
    expect((p.extensions?.errors as Problem[]).map((e) => e.pointer)).toEqual([
      '/events/3/type',
      '/events/3/at',
      '/events/3/actor',
      '/events/3/data',
      '/events/3/extra',
      '/events/4',
      '/events/5/type',
    ]);
    expect(p.extensions?.errorsTotal).toBe(7);
  });

  test('events must be an array of at most SIMULATED_EVENTS_LIMIT', async () => {
    expect(await invalid({ type: 'NOTE' })).toMatchObject({ code: 'request.invalid', pointer: '/events' });
    const many = Array.from({ length: SIMULATED_EVENTS_LIMIT + 1 }, () => ({ type: 'NOTE', at }));
    expect(await invalid(many)).toMatchObject({ code: 'request.invalid', pointer: '/events' });
  });

  test('field errors are capped at 100 with their total', async () => {
    const p = await invalid(Array.from({ length: 300 }, () => ({ type: 'NOTE', at: 'garbage' })));
    expect(p.extensions?.errors).toHaveLength(100);
    expect(p.extensions?.errorsTotal).toBe(300);
  });
});

describe('timers that cycle between states', () => {
  test('stop a simulation with a problem once its timer budget is spent', async () => {
    const { service, problems } = compile(
      fixture((v) => {
        const states = (v.machine as { states: Record<string, Json> }).states;
        states.review.timers = [{ id: 'ping', after: '1 minutes', target: 'pong', legalRef: ref }];
        states.pong = {
          label: name('Понг', 'Понг'),
          status: 'in-progress',
          timers: [{ id: 'back', after: '1 minutes', target: 'review', legalRef: ref }],
          on: { NOTE: { target: 'review' } },
        };
      }),
    );
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    const events = Array.from({ length: 100 }, (_, i) => ({
      type: 'NOTE',
      at: new Date(Date.parse(at) + (i + 1) * 86_400_000).toISOString(),
    }));
    const p = await problemOf(() => simulate(service!, {}, events, at, { renderDocuments: false }));
    expect(p).toMatchObject({ code: 'simulation.timerLoop', kind: 'definition' });
  });
});

describe('form errors are capped', () => {
  test('2,000 bad items answer the first 100 errors and the total', async () => {
    const listed = compile(
      fixture((v) => {
        v.form = {
          type: 'object',
          properties: { rooms: { type: 'array', items: { type: 'integer' }, 'x-label': name('Бөлмелер', 'Комнаты') } },
        };
      }),
    ).service!;
    const p = await problemOf(() =>
      simulate(listed, { rooms: Array(2000).fill('x') }, [], at, { renderDocuments: false }),
    );
    expect(p.code).toBe('form.invalid');
    expect(p.params?.errors).toHaveLength(100);
    // 500 is the default maxItems of an array without one: the 2,000 item errors and the length.
    expect(p.extensions?.errorsTotal).toBe(2001);
    expect(p.message).toMatch(/and 1901 more/);
  });
});

describe('event names are looked up as own properties', () => {
  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    '"%s" is an unknown event, from anyone',
    async (type) => {
      const app = (await startApplication(svc.versions[0], { id: 'x', data: {}, arrivedAt: at })).application;
      for (const actor of [undefined, 'applicant', 'specialist'])
        expect(await problemOf(() => applyEvent(svc.versions[0], app, { type, at, actor }))).toMatchObject({
          code: 'event.unknown',
          kind: 'user',
        });
    },
  );

  test("a timer event is the engine's own: an applicant cannot send it", async () => {
    const app = (await startApplication(svc.versions[0], { id: 'x', data: {}, arrivedAt: at })).application;
    expect(
      await problemOf(() => applyEvent(svc.versions[0], app, { type: 'timer:x', at, actor: 'applicant' })),
    ).toMatchObject({ code: 'event.forbiddenRole' });
  });

  test('a fact named "__proto__" stays a plain fact', async () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const r = await simulate(svc, {}, [{ type: 'NOTE', at, data }], at, { renderDocuments: false });
    expect(Object.getPrototypeOf(r.application.findings)).toBe(Object.prototype);
    expect(Object.keys(r.application.findings)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('definitions that would hang or crash the runtime are located errors', () => {
  test('a cycle of always transitions (a → b → a) is rejected at compile time, naming the states', () => {
    const { service, problems } = compile(
      fixture((v) => {
        const states = (v.machine as { states: Record<string, Json> }).states;
        states.a = { label: name('А', 'А'), status: 'in-progress', always: [{ target: 'b' }] };
        states.b = { label: name('Б', 'Б'), status: 'in-progress', always: [{ target: 'a' }] };
        states.review.on = { ...(states.review.on as Json), DONE: { target: 'a' } };
      }),
    );
    expect(service).toBeUndefined();
    const cycle = problems.find((p) => p.code === 'machine.alwaysCycle');
    expect(cycle).toMatchObject({ kind: 'definition', pointer: '/versions/0/machine/states/a/always' });
    expect(cycle?.params).toEqual({ states: ['a', 'b'] });
    expect(cycle?.line).toBeGreaterThan(1);
  });

  test('named conditions that refer to each other in a circle (a → b → a) are rejected, naming them', () => {
    const leaf = { fact: 'data', path: '/x', operator: 'equal', value: 1 };
    const { service, problems } = compile(
      fixture((v) => {
        v.conditions = {
          ...(v.conditions as Json),
          a: { when: { any: [leaf, { condition: 'b' }] } },
          b: { when: { all: [{ condition: 'a' }] } },
          c: { when: { condition: 'a' } },
        };
      }),
    );
    expect(service).toBeUndefined();
    const cycles = problems.filter((p) => p.code === 'rules.conditionCycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ kind: 'definition', pointer: '/versions/0/conditions/b/when/all/0/condition' });
    expect(cycles[0].params).toEqual({ conditions: ['a', 'b'] });
  });

  test('names a definition gives are its own: a target "constructor", a guard "toString" are unknown', () => {
    const { service, problems } = compile(
      fixture((v) => {
        const states = (v.machine as { states: Record<string, Json> }).states;
        states.review.on = { ...(states.review.on as Json), DONE: { target: 'constructor' } };
        states.received.always = [{ target: 'review', guard: { condition: 'toString' } }];
      }),
    );
    expect(service).toBeUndefined();
    expect(problems.map((p) => p.pointer)).toEqual(
      expect.arrayContaining([
        '/versions/0/machine/states/review/on/DONE/target',
        '/versions/0/machine/states/received/always/0/guard/condition',
      ]),
    );
  });

  test.each([
    ['a ReDoS-prone backreference pattern', { type: 'string', pattern: '^(a+)\\1$' }, '/pattern'],
    ['an absurd maxItems', { type: 'array', maxItems: 1e12 }, '/maxItems'],
  ])('%s in a form is located in the definition file', (_, note, tail) => {
    const { service, problems } = compile(
      fixture((v) => {
        v.form = { type: 'object', properties: { note: { ...note, 'x-label': name('Ескерту', 'Примечание') } } };
      }),
    );
    expect(service).toBeUndefined();
    expect(problems[0]).toMatchObject({
      code: 'form.schema.limit',
      kind: 'definition',
      pointer: `/versions/0/form/properties/note${tail}`,
      file: 'fx/service.json',
    });
    expect(problems[0].line).toBeGreaterThan(1);
  });

  test('a machine of 1,001 states is a located definition error', () => {
    const { service, problems } = compile(
      fixture((v) => {
        const states = (v.machine as { states: Record<string, Json> }).states;
        for (let i = 0; i < 1000; i++) states[`s${i}`] = { label: name('К', 'С'), status: 'in-progress' };
      }),
    );
    expect(service).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'definition.maxProperties', pointer: '/versions/0/machine/states' });
  });

  test('a guarded always chain that does not loop still compiles', () => {
    const { service } = compile(
      fixture((v) => {
        const states = (v.machine as { states: Record<string, Json> }).states;
        states.received.always = [{ target: 'done', guard: { condition: 'anyRefusalGround' } }, { target: 'review' }];
      }),
    );
    expect(service).toBeDefined();
  });

  test.each([
    [
      '{"calendarDays": 1e15}',
      (v: Json) => (v.effectiveFrom = { afterPublication: { act: 'fx-order', calendarDays: 1e15 } }),
      '/versions/0/effectiveFrom',
    ],
    [
      'a term of 10^15 working days',
      (v: Json) => ((v.deadlines as Array<{ cases: Json[] }>)[0].cases[0].duration = '1000000000000000 workingDays'),
      '/versions/0/deadlines/0/cases/0/duration',
    ],
  ])('%s is a located definition error, not a crash', (_, patch, pointer) => {
    const { service, problems } = compile(fixture(patch));
    expect(service).toBeUndefined();
    expect(problems.some((p) => p.kind === 'definition' && p.pointer?.startsWith(pointer) && p.line)).toBe(true);
  });
});
