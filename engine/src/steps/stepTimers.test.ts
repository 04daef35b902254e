import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '../calendar';
import { compileService, type CompiledService } from '../compiler';
import { assembleDefinition } from '../format';
import { simulate, type TraceEntry } from '../application';
import { timerExpiresBefore, timerOnExit } from './stepTimers';

/**
 * Step norms as seed 002 regulation 2 (e-service "certificate of lease payments", action table L693–697) and seed
 * 001 (State Corporation processing, L231–232) state them, on a fixture service compiled with the real calendar and
 * the default provider schedule (Mon–Fri 9:00–13:00, 14:30–18:30):
 * - action 4 (identification and EDS-certificate request) «1,5 мин»; action 5 (the message refusing the e-service
 *   because the EDS is not confirmed) «30 сек - 1 минут», taken only when the EDS is not confirmed (L719–725);
 * - «Көрсетілетін қызметті алушының сұранымын өңдеу ұзақтығы – 20 (жиырма) минут» (seed 001 L231–232): the counter's
 *   20 minutes run on the clock, they do not pause for lunch.
 */

const repoRoot = join(__dirname, '../../..');
const readRepoJson = <T>(rel: string): T => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as T;
const workingTime = compileWorkingTime(
  readRepoJson<CalendarData>('definitions/calendars/kz.calendar.json'),
  readRepoJson<ScheduleData>('definitions/calendars/schedules/provider-default.schedule.json'),
);

const name = (kk: string, ru: string) => ({ kk, ru });
const table = (step: string, quote: string) => ({ act: 'fixture-regulation', annex: '2', row: '5', step, quote });

function version(timers: { eds: object[]; counter: object[] }, deadlineCounting?: object) {
  return {
    id: 'v1',
    producedBy: ['fixture-regulation'],
    effectiveFrom: '2013-01-01',
    form: {
      type: 'object',
      required: ['channel'],
      additionalProperties: false,
      properties: {
        channel: { enum: ['portal', 'state-corporation'], 'x-label': name('Арна', 'Канал') },
      },
    },
    refusalGrounds: [],
    machine: {
      initial: 'received',
      events: {
        EDS_CHECKED: {
          label: name('ЭЦҚ тексерілді', 'ЭЦП проверена'),
          roles: ['gateway'],
          records: 'external',
        },
        PROCESSED: { label: name('Сұраным өңделді', 'Запрос обработан'), roles: ['operator'] },
      },
      states: {
        received: {
          label: name('Түсті', 'Поступило'),
          status: 'registered',
          always: [
            { target: 'counter', guard: { condition: 'atCounter' } },
            { target: 'eds-check', guard: { condition: 'atCounter', negate: true } },
          ],
        },
        counter: {
          label: name('Сұранымды өңдеу', 'Обработка запроса'),
          status: 'in-progress',
          timers: timers.counter,
          on: { PROCESSED: { target: 'issued' } },
        },
        'eds-check': {
          label: name('ЭЦҚ тексеру', 'Проверка ЭЦП'),
          status: 'in-progress',
          timers: timers.eds,
          on: {
            EDS_CHECKED: [
              { target: 'eds-refused', guard: { condition: 'edsNotConfirmed' } },
              { target: 'issued', guard: { condition: 'edsNotConfirmed', negate: true } },
            ],
          },
        },
        issued: { label: name('Берілді', 'Выдано'), status: 'approved', final: true },
        'eds-refused': { label: name('Бас тартылды', 'Отказано'), status: 'refused', final: true },
      },
    },
    conditions: {
      edsNotConfirmed: {
        when: { fact: 'external', path: '/edsConfirmed', operator: 'isFalse', value: true },
        legalRef: table('4', '5-алушының мәліметтерінде бұзушылықтардың болуына байланысты'),
      },
      atCounter: {
        when: { fact: 'data', path: '/channel', operator: 'equal', value: 'state-corporation' },
        legalRef: { act: 'fixture-regulation', paragraph: '9' },
      },
    },
    deadlines: [
      {
        id: 'service',
        label: name('Өңдеу', 'Обработка'),
        start: 'registration',
        legalRef: { act: 'fixture-regulation', paragraph: '9' },
        cases: [
          {
            duration: '20 minutes',
            ...(deadlineCounting ? { counting: deadlineCounting } : {}),
            legalRef: { act: 'fixture-regulation', paragraph: '9', quote: '20 (жиырма) минут' },
          },
        ],
      },
    ],
  };
}

const PORTAL = { channel: 'portal' };
const COUNTER = { channel: 'state-corporation' };

const A4 = { id: 'a4', after: '90 seconds', counting: { clock: true }, legalRef: table('4', '1,5 мин') };
const A5 = {
  id: 'a5',
  after: '60 seconds',
  counting: { clock: true },
  leadsTo: ['eds-refused'],
  legalRef: table('5', '30 сек - 1 минут'),
};

function compile(v: object): { service?: CompiledService; problems: Array<{ code: string; pointer?: string }> } {
  const files: Record<string, string> = {
    'fx/service.json': JSON.stringify({
      formatVersion: 1,
      id: 'fixture-e-service',
      label: name('Үлгі қызмет', 'Образцовая услуга'),
      kind: 'state-service',
      acts: {
        'fixture-regulation': {
          type: 'regulation',
          title: name('Үлгі регламент', 'Образцовый регламент'),
          status: 'in-force',
          citation: {
            kk: 'Үлгі регламент',
            kkGenitive: 'Үлгі регламенттің',
            ru: 'Образцовый регламент',
          },
        },
      },
      providers: [{ id: 'provider', label: name('Беруші', 'Услугодатель') }],
      recipients: [{ id: 'individuals', label: name('Жеке тұлғалар', 'Физические лица') }],
      channels: [
        { id: 'portal', label: name('Портал', 'Портал') },
        { id: 'state-corporation', label: name('Мемлекеттік корпорация', 'Госкорпорация') },
      ],
      schedule: { id: 'provider-default' },
      registration: { rule: 'immediate' },
      versions: [{ $include: 'versions/v1.json' }],
    }),
    'fx/versions/v1.json': JSON.stringify(v),
  };
  const readText = (p: string) => files[p];
  const { definition, problems } = assembleDefinition('fx/service.json', readText);
  if (!definition) return { problems };
  const compiled = compileService(definition, {
    sharedActs: {},
    workingTime: (id) => (id === 'provider-default' ? workingTime : undefined),
    readText,
  });
  return { service: compiled.service, problems: compiled.problems.filter((p) => p.severity !== 'warning') };
}

function compileOk(v: object): CompiledService {
  const { service, problems } = compile(v);
  expect(problems).toEqual([]);
  return service!;
}

const timerMarks = (trace: TraceEntry[]) =>
  trace
    .filter((t): t is Extract<TraceEntry, { kind: 'timer' }> => t.kind === 'timer' && t.action !== 'set')
    .map((t) => `${t.id} ${t.action}`);

describe('step timers: when a step norm is kept', () => {
  test('an instant before the due instant leaves the timer pending; the due instant itself too; a later one expires it', () => {
    const t = { dueAt: '2013-07-13T14:03:00+06:00' };
    expect(timerExpiresBefore(t, Date.parse('2013-07-13T14:02:59+06:00'))).toBe(false);
    expect(timerExpiresBefore(t, Date.parse('2013-07-13T14:03:00+06:00'))).toBe(false);
    expect(timerExpiresBefore(t, Date.parse('2013-07-13T14:03:00.001+06:00'))).toBe(true);
    expect(timerExpiresBefore({ ...t, overdue: true }, Date.parse('2013-07-14T00:00:00+06:00'))).toBe(false);
  });

  test('a branch norm (leadsTo) never expires while its state runs; it is judged when the state is left', () => {
    const a5 = { dueAt: '2013-07-13T14:03:00+06:00', leadsTo: ['eds-refused'] };
    expect(timerExpiresBefore(a5, Date.parse('2013-07-20T00:00:00+06:00'))).toBe(false);
    expect(timerOnExit(a5, 'signing', Date.parse('2013-07-13T14:04:00+06:00'))).toBe('cancel');
    expect(timerOnExit(a5, 'eds-refused', Date.parse('2013-07-13T14:03:00+06:00'))).toBe('cancel');
    expect(timerOnExit(a5, 'eds-refused', Date.parse('2013-07-13T14:03:01+06:00'))).toBe('overdue');
    expect(timerOnExit({ ...a5, overdue: true }, 'eds-refused', Date.parse('2013-07-14T00:00:00+06:00'))).toBe(null);
  });
});

describe('seed 002 regulation 2, actions 4 and 5: a step that ran successfully is never overdue', () => {
  const svc = compileOk(version({ eds: [A4, A5], counter: [] }));
  const at = '2013-07-13T14:02:00+06:00';
  const eds = (offset: string, confirmed: boolean) => [
    { type: 'EDS_CHECKED', at: `2013-07-13T14:${offset}+06:00`, actor: 'gateway', data: { edsConfirmed: confirmed } },
  ];

  test('EDS confirmed after 75 s: action 4 (1,5 мин) is kept; action 5 (1 минут) is not the way taken, so it is not overdue', async () => {
    const r = await simulate(svc, PORTAL, eds('03:15', true), at, { channel: 'portal', renderDocuments: false });
    expect(r.state).toBe('issued');
    expect(timerMarks(r.trace)).toEqual(['a4 cancel', 'a5 cancel']);
  });

  test('EDS not confirmed after 75 s: the refusal message came later than action 5 allows (1 минут): overdue', async () => {
    const r = await simulate(svc, PORTAL, eds('03:15', false), at, { channel: 'portal', renderDocuments: false });
    expect(r.state).toBe('eds-refused');
    expect(timerMarks(r.trace)).toEqual(['a4 cancel', 'a5 overdue']);
    const late = r.trace.find((t) => t.kind === 'timer' && t.action === 'overdue');
    expect(late).toMatchObject({ at: '2013-07-13T14:03:15+06:00', dueAt: '2013-07-13T14:03:00+06:00' });
  });

  test('EDS not confirmed at the 60th second exactly: the message is on time', async () => {
    const r = await simulate(svc, PORTAL, eds('03:00', false), at, { channel: 'portal', renderDocuments: false });
    expect(timerMarks(r.trace)).toEqual(['a4 cancel', 'a5 cancel']);
  });

  test('a plain step norm (no leadsTo) finished at its due instant is on time; one second later it is overdue', async () => {
    const plain = compileOk(version({ eds: [A4], counter: [] }));
    const onTime = await simulate(plain, PORTAL, eds('03:30', true), at, { channel: 'portal', renderDocuments: false });
    expect(timerMarks(onTime.trace)).toEqual(['a4 cancel']);
    const late = await simulate(plain, PORTAL, eds('03:31', true), at, { channel: 'portal', renderDocuments: false });
    expect(timerMarks(late.trace)).toEqual(['a4 overdue']);
    expect(late.application.timers).toEqual([]);
  });

  test('a pending branch norm is not offered to the scheduler (nextTimerAt) while the branch is unknown', async () => {
    const { nextTimerAt } = await import('../application');
    const r = await simulate(svc, PORTAL, [], at, { channel: 'portal', renderDocuments: false });
    expect(r.state).toBe('eds-check');
    expect(r.application.timers.map((t) => t.id)).toEqual(['a4', 'a5']);
    expect(nextTimerAt(r.application)).toBe('2013-07-13T14:03:30+06:00');
  });
});

describe('seed 001 L231–232: the 20-minute processing at the counter does not pause for lunch', () => {
  const arrival = '2019-02-04T12:50:00+06:00';

  test('counting { clock: true }: 12:50 + 20 minutes = 13:10, through the lunch break', async () => {
    const svc = compileOk(version({ eds: [], counter: [] }, { clock: true }));
    const r = await simulate(svc, COUNTER, [], arrival, { channel: 'state-corporation', renderDocuments: false });
    expect(r.deadlines.find((d) => d.id === 'service')?.dueAt).toBe('2019-02-04T13:10:00+06:00');
  });

  test('without clock the minutes are working minutes: 10 before lunch, 10 after it (14:40)', async () => {
    const svc = compileOk(version({ eds: [], counter: [] }));
    const r = await simulate(svc, COUNTER, [], arrival, { channel: 'state-corporation', renderDocuments: false });
    expect(r.deadlines.find((d) => d.id === 'service')?.dueAt).toBe('2019-02-04T14:40:00+06:00');
  });

  test('a step norm in clock minutes marks the step overdue once 20 minutes have passed, lunch or not', async () => {
    const norm = { id: 'processing', after: '20 minutes', counting: { clock: true }, legalRef: table('1', '20 минут') };
    const svc = compileOk(version({ eds: [], counter: [norm] }));
    const events = [{ type: 'PROCESSED', at: '2019-02-04T13:15:00+06:00', actor: 'operator' }];
    const r = await simulate(svc, COUNTER, events, arrival, { channel: 'state-corporation', renderDocuments: false });
    expect(timerMarks(r.trace)).toEqual(['processing overdue']);
  });
});

describe('definitions that misuse the new pieces are refused with a located problem', () => {
  test('leadsTo naming a state the state does not go to', () => {
    const { problems } = compile(version({ eds: [A4, { ...A5, leadsTo: ['issued-late'] }], counter: [] }));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'machine.timerBranchUnknown',
        pointer: expect.stringMatching(/\/machine\/states\/eds-check\/timers\/1\/leadsTo\/0$/),
      }),
    ]);
  });

  test('leadsTo together with a target', () => {
    const { problems } = compile(version({ eds: [{ ...A5, target: 'eds-refused' }], counter: [] }));
    expect(problems.map((p) => p.code)).toEqual(['machine.timerBranchWithTarget']);
  });

  test('clock counting on a term in days', () => {
    const bad = { id: 'x', after: '1 workingDays', counting: { clock: true }, legalRef: table('1', '1') };
    const { problems } = compile(version({ eds: [bad], counter: [] }));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'deadline.clockUnit',
        pointer: expect.stringMatching(/\/timers\/0\/counting\/clock$/),
      }),
    ]);
  });
});
