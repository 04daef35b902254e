import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '../calendar';
import { compileService, type CompiledService, type CompiledVersion } from '../compiler';
import { ProblemError } from '../errors/problem';
import { assembleDefinition } from '../format';
import {
  allowedEvents,
  applyEvent,
  fireDueTimers,
  groundsInWords,
  nextTimerAt,
  renderIssuedDocument,
  simulate,
  startApplication,
  versionInForce,
  type ApplicationEvent,
  type ApplicationState,
} from './index';

/**
 * The application runner on a fixture service built in memory (assembleDefinition over a map of files), compiled
 * with the real Kazakhstan calendar (definitions/calendars/kz.calendar.json) and the default provider schedule
 * (Mon–Fri 9:00–13:00, 14:30–18:30, Asia/Almaty, UTC+5 in 2026).
 *
 * Expected instants are worked out by hand from the 2026 production calendar: days off on weekdays in March 2026 are
 * Mon 9 March (8 March fell on a Sunday), Mon 23 March (Nauryz) and Tue 24, Wed 25 March (Nauryz 21, 22 March fell on
 * the weekend); February and April 2026 have none.
 */

const repoRoot = join(__dirname, '../../..');
const readRepoJson = <T>(rel: string): T => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as T;
const calendar = readRepoJson<CalendarData>('definitions/calendars/kz.calendar.json');
const schedule = readRepoJson<ScheduleData>('definitions/calendars/schedules/provider-default.schedule.json');
const workingTime = compileWorkingTime(calendar, schedule);

const ref = (paragraph: string) => ({ act: 'fixture-order', paragraph });
const name = (kk: string, ru: string) => ({ kk, ru });
/** The officer's reasoning, which a finding that makes a ground hold must carry. */
const REASONING = { ru: 'Платёжный документ не подтверждён банком-эмитентом.' };

const examined = [
  { target: 'hearing', guard: { condition: 'anyRefusalGround' }, legalRef: ref('11') },
  { target: 'signing', guard: { condition: 'anyRefusalGround', negate: true }, legalRef: ref('9') },
];

const version1 = {
  id: '2026-v1',
  producedBy: ['fixture-order'],
  effectiveFrom: '2026-02-01',
  form: {
    type: 'object',
    required: ['applicant', 'object'],
    additionalProperties: false,
    properties: {
      applicant: {
        type: 'object',
        required: ['fullName'],
        additionalProperties: false,
        properties: { fullName: { type: 'string', minLength: 1, 'x-label': name('Аты-жөні', 'ФИО') } },
      },
      object: {
        type: 'object',
        required: ['address'],
        additionalProperties: false,
        properties: { address: { type: 'string', minLength: 1, 'x-label': name('Мекенжайы', 'Адрес') } },
      },
    },
  },
  refusalGrounds: [
    {
      id: 'unreliable-documents',
      text: name('Құжаттардың анық еместігі анықталды.', 'Установлена недостоверность документов.'),
      message: name('Ұсынылған құжаттар анық емес.', 'Представленные документы недостоверны.'),
      fact: name(
        '{{data.object.address}} мекенжайындағы объектінің құжаттары анық емес деп танылды.',
        'Документы объекта по адресу {{data.object.address}} признаны недостоверными.',
      ),
      legalRef: { act: 'fixture-order', paragraph: '12', subparagraph: '1' },
      when: { fact: 'findings', path: '/documentsUnreliable', operator: 'isTrue', value: true },
    },
    {
      id: 'requirements-not-met',
      text: name('Талаптарға сәйкес келмейді.', 'Несоответствие требованиям.'),
      message: name('Объект талаптарға сәйкес келмейді.', 'Объект не соответствует требованиям.'),
      fact: name(
        '{{data.object.address}} мекенжайындағы объект талаптарға сәйкес келмейді.',
        'Объект по адресу {{data.object.address}} не соответствует требованиям.',
      ),
      legalRef: { act: 'fixture-order', paragraph: '12', subparagraph: '2' },
      when: { fact: 'findings', path: '/requirementsMet', operator: 'isFalse', value: true },
    },
  ],
  machine: {
    initial: 'received',
    events: {
      EXAMINED: {
        label: name('Тексерілді', 'Проверено'),
        roles: ['specialist'],
        records: 'findings',
        data: {
          type: 'object',
          properties: { documentsUnreliable: { type: 'boolean' }, requirementsMet: { type: 'boolean' } },
        },
      },
      REQUEST_DOCUMENTS: { label: name('Құжаттар сұралды', 'Запрошены документы'), roles: ['specialist'] },
      DOCUMENTS_SUBMITTED: {
        label: name('Құжаттар ұсынылды', 'Документы представлены'),
        roles: ['applicant'],
        records: 'none',
      },
      OBJECTION: { label: name('Қарсылық', 'Возражение'), roles: ['applicant'], records: 'none' },
      EXTEND: { label: name('Мерзім ұзартылды', 'Срок продлён'), roles: ['head'], records: 'none' },
      SIGNED: { label: name('Қол қойылды', 'Подписано'), roles: ['head'] },
      GATEWAY_DATA: { label: name('Шлюз деректері', 'Данные шлюза'), roles: ['gateway'], records: 'external' },
    },
    states: {
      received: { label: name('Қабылданды', 'Принято'), status: 'registered', always: [{ target: 'review' }] },
      review: {
        label: name('Қарау', 'Рассмотрение'),
        status: 'in-progress',
        deadlines: { resume: ['service'] },
        timers: [
          { id: 'review-step', after: '1 workingDays', legalRef: ref('9') },
          {
            id: 'hearing-notice',
            beforeDeadline: { deadline: 'service', after: '3 workingDays' },
            legalRef: ref('5-1'),
          },
        ],
        on: {
          REQUEST_DOCUMENTS: { target: 'awaiting-documents' },
          EXTEND: { target: 'extended-review' },
          EXAMINED: examined,
          GATEWAY_DATA: { target: 'review' },
        },
      },
      'awaiting-documents': {
        label: name('Құжаттар күтілуде', 'Ожидание документов'),
        status: 'suspended',
        deadlines: { suspend: ['service'] },
        on: { DOCUMENTS_SUBMITTED: { target: 'review' } },
      },
      'extended-review': {
        label: name('Ұзартылған қарау', 'Продлённое рассмотрение'),
        status: 'in-progress',
        deadlines: { extend: [{ deadline: 'service', by: '2 months', legalRef: ref('10') }] },
        on: { EXAMINED: examined },
      },
      hearing: {
        label: name('Тыңдау', 'Заслушивание'),
        status: 'in-progress',
        timers: [{ id: 'objection-window', after: '2 workingDays', target: 'refused', legalRef: ref('5-1') }],
        on: { OBJECTION: { target: 'review' } },
      },
      signing: { label: name('Қол қою', 'Подписание'), status: 'in-progress', on: { SIGNED: { target: 'approved' } } },
      approved: { label: name('Берілді', 'Выдано'), status: 'approved', final: true, documents: ['permit'] },
      refused: {
        label: name('Бас тартылды', 'Отказано'),
        status: 'refused',
        final: true,
        documents: ['refusal-notice'],
      },
    },
  },
  deadlines: [
    {
      id: 'service',
      label: name('Қызмет көрсету мерзімі', 'Срок оказания услуги'),
      start: 'registration',
      legalRef: ref('8'),
      cases: [{ duration: '10 workingDays', legalRef: ref('8') }],
    },
  ],
  documents: [
    {
      id: 'permit',
      kind: 'result',
      label: name('Рұқсат', 'Разрешение'),
      templates: { kk: '../templates/permit.kk.hbs', ru: '../templates/permit.ru.hbs' },
      legalRef: ref('13'),
    },
    {
      id: 'refusal-notice',
      kind: 'refusal',
      label: name('Бас тарту туралы хабарлама', 'Уведомление об отказе'),
      templates: { kk: '../templates/refusal.kk.hbs', ru: '../templates/refusal.ru.hbs' },
      legalRef: ref('11'),
    },
  ],
};

/** Version 2 includes version 1 and changes the term: an amending order published 21 March 2026, in force after ten
 * calendar days (22–31 March), i.e. from 1 April 2026. */
const version2 = {
  $include: 'v1.json',
  id: '2026-v2',
  producedBy: ['fixture-order', 'fixture-amendment'],
  effectiveFrom: { afterPublication: { act: 'fixture-amendment', calendarDays: 10 } },
  deadlines: [
    {
      ...version1.deadlines[0],
      cases: [{ duration: '5 workingDays', legalRef: { act: 'fixture-amendment', paragraph: '1' } }],
    },
  ],
};

const service = {
  formatVersion: 1,
  id: 'fixture-permit',
  label: name('Рұқсат беру', 'Выдача разрешения'),
  kind: 'state-service',
  acts: {
    'fixture-order': {
      type: 'order',
      title: name('Үлгі бұйрық', 'Образцовый приказ'),
      status: 'in-force',
      citation: {
        kk: 'Әкімдіктің 2026 жылғы 2 ақпандағы № 1 үлгі бұйрығы',
        kkGenitive: 'Әкімдіктің 2026 жылғы 2 ақпандағы № 1 үлгі бұйрығының',
        ru: 'Образцовый приказ акимата от 2 февраля 2026 года № 1',
      },
    },
    'fixture-amendment': {
      type: 'order',
      title: name('Өзгерту бұйрығы', 'Изменяющий приказ'),
      status: 'in-force',
      publication: { date: '2026-03-21' },
    },
  },
  providers: [{ id: 'akimat', label: name('Әкімдік', 'Акимат') }],
  recipients: [{ id: 'individuals', label: name('Жеке тұлғалар', 'Физические лица') }],
  channels: [{ id: 'portal', label: name('Портал', 'Портал') }],
  schedule: { id: 'provider-default' },
  registration: { rule: 'next-working-day-after-hours' },
  versions: [{ $include: 'versions/v1.json' }, { $include: 'versions/v2.json' }],
};

/** The fixed wording of the documents (the act's annex, in Kazakh and Russian). */
const files: Record<string, string> = {
  'fx/service.json': JSON.stringify(service, null, 2),
  'fx/versions/v1.json': JSON.stringify(version1, null, 2),
  'fx/versions/v2.json': JSON.stringify(version2, null, 2),
  'fx/templates/permit.kk.hbs':
    '<h1>Құрылысқа рұқсат</h1>\n<p>Өтініш беруші: {{data.applicant.fullName}}, мекенжайы: {{data.object.address}}.</p>\n<p>Өтініш № {{application.id}}, тіркелген күні: {{datetime application.registeredAt}}.</p>\n<p>Берілген күні: {{date now}}</p>\n',
  'fx/templates/permit.ru.hbs':
    '<h1>Разрешение на строительство</h1>\n<p>Заявитель: {{data.applicant.fullName}}, адрес: {{data.object.address}}.</p>\n<p>Заявление № {{application.id}}, дата регистрации: {{datetime application.registeredAt}}.</p>\n<p>Дата выдачи: {{date now}}</p>\n',
  'fx/templates/refusal.kk.hbs':
    '<h1>Мемлекеттік қызметті көрсетуден бас тарту туралы хабарлама</h1>\n<ol>{{#each refusal.grounds}}<li data-ground-id="{{id}}">{{legalRef legalRef}}. {{t message}} {{fact}}</li>{{/each}}</ol>\n<p>{{t reasoning}}</p>\n<p>Күні: {{date now}}</p>\n',
  'fx/templates/refusal.ru.hbs':
    '<h1>Уведомление об отказе в оказании государственной услуги</h1>\n<ol>{{#each refusal.grounds}}<li data-ground-id="{{id}}">{{legalRef legalRef}}. {{t message}} {{fact}}</li>{{/each}}</ol>\n<p>{{t reasoning}}</p>\n<p>Дата: {{date now}}</p>\n',
};

function compileFixture(fileMap: Record<string, string> = files): CompiledService {
  const readText = (p: string) => fileMap[p];
  const { definition, problems } = assembleDefinition('fx/service.json', readText);
  expect(problems).toEqual([]);
  const compiled = compileService(definition!, {
    sharedActs: {},
    workingTime: (id) => (id === 'provider-default' ? workingTime : undefined),
    readText,
  });
  expect(compiled.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  return compiled.service!;
}

const svc = compileFixture();
const v1 = svc.versions.find((v) => v.id === '2026-v1')!;
const data = { applicant: { fullName: 'Асқаров Ерлан' }, object: { address: 'Астана, Есіл ауданы, 12' } };

async function start(version: CompiledVersion, arrivedAt: string): Promise<ApplicationState> {
  return (await startApplication(version, { id: 'APP-1', data, arrivedAt })).application;
}

async function send(
  version: CompiledVersion,
  app: ApplicationState,
  event: ApplicationEvent,
): Promise<ApplicationState> {
  const timers = await fireDueTimers(version, app, event.at);
  return (await applyEvent(version, timers.application, event)).application;
}

async function problemOf(
  p: Promise<unknown>,
): Promise<{ code: string; params?: Record<string, unknown>; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return (e as ProblemError).problem;
  }
  throw new Error('expected a ProblemError, nothing was thrown');
}

const dueOf = (app: ApplicationState, id: string) => app.deadlines.find((d) => d.id === id)!;
const timerOf = (app: ApplicationState, id: string) => app.timers.find((t) => t.id === id);

describe('registration and the service deadline', () => {
  test('after hours on Friday 6 March → Tuesday 10 March 09:00 (Monday 9 March is the day off for 8 March)', async () => {
    const app = await start(v1, '2026-03-06T19:00:00+05:00');
    expect(app.registeredAt).toBe('2026-03-10T09:00:00+05:00');
    expect(app.state).toBe('review');
    expect(app.status).toBe('in-progress');
    expect(app.history).toEqual([
      { at: '2026-03-10T09:00:00+05:00', event: 'always', actor: 'system', from: 'received', to: 'review' },
    ]);
    // 10 working days from Wed 11 March: 11, 12, 13, 16, 17, 18, 19, 20, (21–25 weekend and Nauryz), 26, 27.
    expect(dueOf(app, 'service')).toMatchObject({
      dueAt: '2026-03-27T18:30:00+05:00',
      status: 'running',
      duration: '10 workingDays',
      startedAt: '2026-03-10T09:00:00+05:00',
    });
  });

  test('within working hours the arrival instant is the registration instant', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    expect(app.registeredAt).toBe('2026-02-02T10:00:00+05:00');
    // 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 February.
    expect(dueOf(app, 'service').dueAt).toBe('2026-02-16T18:30:00+05:00');
  });
});

describe('step timers', () => {
  test('entering review sets a step timer (1 working day) and a beforeDeadline timer (3 working days before the end of the term)', async () => {
    const app = await start(v1, '2026-03-06T19:00:00+05:00');
    expect(timerOf(app, 'review-step')).toEqual({
      id: 'review-step',
      state: 'review',
      dueAt: '2026-03-11T18:30:00+05:00',
    });
    // The term ends Fri 27 March; three working days before it: Thu 26, Fri 20, Thu 19 March (Nauryz skipped).
    expect(timerOf(app, 'hearing-notice')).toEqual({
      id: 'hearing-notice',
      state: 'review',
      dueAt: '2026-03-19T18:30:00+05:00',
    });
    expect(nextTimerAt(app)).toBe('2026-03-11T18:30:00+05:00');
  });

  test('a step timer without a target marks the step overdue and leaves the state', async () => {
    const app = await start(v1, '2026-03-06T19:00:00+05:00');
    const out = await fireDueTimers(v1, app, '2026-03-12T10:00:00+05:00');
    expect(out.application.state).toBe('review');
    expect(timerOf(out.application, 'review-step')?.overdue).toBe(true);
    expect(timerOf(out.application, 'hearing-notice')?.overdue).toBeUndefined();
    expect(out.trace).toEqual([
      {
        kind: 'timer',
        at: '2026-03-11T18:30:00+05:00',
        id: 'review-step',
        state: 'review',
        action: 'overdue',
        dueAt: '2026-03-11T18:30:00+05:00',
      },
    ]);
    expect(nextTimerAt(out.application)).toBe('2026-03-19T18:30:00+05:00');
    // The input state is not modified.
    expect(timerOf(app, 'review-step')?.overdue).toBeUndefined();
    // Nothing due yet: unchanged.
    const early = await fireDueTimers(v1, app, '2026-03-11T18:29:59+05:00');
    expect(early.application).toEqual(app);
    expect(early.trace).toEqual([]);
  });

  test('a timer with a target: no objection within 2 working days → refused, with the grounds that fired', async () => {
    let app = await start(v1, '2026-03-17T11:00:00+05:00');
    expect(app.registeredAt).toBe('2026-03-17T11:00:00+05:00');
    app = await send(v1, app, {
      type: 'EXAMINED',
      at: '2026-03-20T15:00:00+05:00',
      actor: 'specialist',
      data: { documentsUnreliable: true, requirementsMet: false, reasoning: REASONING },
    });
    expect(app.state).toBe('hearing');
    // Two working days after Fri 20 March: Thu 26, Fri 27 (Nauryz 23–25 March and the weekend skipped).
    expect(app.timers).toEqual([
      { id: 'objection-window', state: 'hearing', dueAt: '2026-03-27T18:30:00+05:00', target: 'refused' },
    ]);
    // Earlier than the due instant, nothing happens.
    expect((await fireDueTimers(v1, app, '2026-03-27T18:29:00+05:00')).application.state).toBe('hearing');
    const out = await fireDueTimers(v1, app, '2026-03-30T09:00:00+05:00');
    const refused = out.application;
    expect(refused.state).toBe('refused');
    expect(refused.status).toBe('refused');
    expect(refused.history.at(-1)).toEqual({
      at: '2026-03-27T18:30:00+05:00',
      event: 'timer:objection-window',
      actor: 'system',
      from: 'hearing',
      to: 'refused',
    });
    // The grounds in the definition's order, with the facts that fired them.
    expect(refused.refusal?.grounds.map((g) => g.id)).toEqual(['unreliable-documents', 'requirements-not-met']);
    expect(refused.refusal?.grounds.map((g) => g.facts.map((f) => [f.fact, f.path, f.actual]))).toEqual([
      [['findings', '/documentsUnreliable', true]],
      [['findings', '/requirementsMet', false]],
    ]);
    expect(refused.refusal?.grounds[0].legalRef).toEqual({ act: 'fixture-order', paragraph: '12', subparagraph: '1' });
    expect(refused.documents).toEqual([
      {
        id: 'refusal-notice',
        kind: 'refusal',
        title: { kk: 'Бас тарту туралы хабарлама', ru: 'Уведомление об отказе', en: 'Уведомление об отказе' },
        issuedAt: '2026-03-27T18:30:00+05:00',
        state: 'refused',
      },
    ]);
    // A final state closes the deadlines and clears the timers.
    expect(refused.deadlines.map((d) => d.status)).toEqual(['closed']);
    expect(refused.timers).toEqual([]);
    expect(out.trace.filter((t) => t.kind === 'refusal')).toEqual([
      { kind: 'refusal', at: '2026-03-27T18:30:00+05:00', grounds: ['unreliable-documents', 'requirements-not-met'] },
    ]);
  });

  test('an objection in time cancels the objection timer and returns to review', async () => {
    let app = await start(v1, '2026-03-17T11:00:00+05:00');
    app = await send(v1, app, {
      type: 'EXAMINED',
      at: '2026-03-20T15:00:00+05:00',
      actor: 'specialist',
      data: { documentsUnreliable: true, reasoning: REASONING },
    });
    const out = await applyEvent(v1, app, { type: 'OBJECTION', at: '2026-03-26T10:00:00+05:00', actor: 'applicant' });
    expect(out.application.state).toBe('review');
    expect(out.trace).toContainEqual({
      kind: 'timer',
      at: '2026-03-26T10:00:00+05:00',
      id: 'objection-window',
      state: 'hearing',
      action: 'cancel',
      dueAt: '2026-03-27T18:30:00+05:00',
    });
    expect(out.application.timers.map((t) => t.id).sort()).toEqual(['hearing-notice', 'review-step']);
    const later = await fireDueTimers(v1, out.application, '2026-12-31T00:00:00+05:00', { onlyTransitions: true });
    expect(later.application.state).toBe('review');
  });

  test("a self-transition (gateway data arriving during review) does not duplicate the state's timers", async () => {
    // Regression guard: re-entering a state used to keep its timers and add them again.
    let app = await start(v1, '2026-02-02T10:00:00+05:00');
    app = (
      await applyEvent(v1, app, {
        type: 'GATEWAY_DATA',
        at: '2026-02-02T11:00:00+05:00',
        actor: 'gateway',
        data: { registry: 'ok' },
      })
    ).application;
    expect(app.state).toBe('review');
    expect(app.external).toEqual({ registry: 'ok' });
    expect(app.timers.filter((t) => t.id === 'review-step')).toHaveLength(1);
  });

  test('fireDueTimers on a state with two timers of the same id and state marks each once', async () => {
    let app = await start(v1, '2026-02-02T10:00:00+05:00');
    app = (
      await applyEvent(v1, app, { type: 'GATEWAY_DATA', at: '2026-02-02T11:00:00+05:00', actor: 'gateway', data: {} })
    ).application;
    const out = await fireDueTimers(v1, app, '2026-02-05T10:00:00+05:00');
    expect(out.trace.filter((t) => t.kind === 'timer' && t.action === 'overdue').length).toBeLessThanOrEqual(2);
  });
});

describe('suspension, resumption and extension of the "service" deadline', () => {
  test('documents requested: the term stops; on resumption the due date moves by the suspended working days', async () => {
    let app = await start(v1, '2026-03-02T10:00:00+05:00');
    // 3, 4, 5, 6, (9 off), 10, 11, 12, 13, 16, 17 March.
    expect(dueOf(app, 'service').dueAt).toBe('2026-03-17T18:30:00+05:00');
    app = await send(v1, app, { type: 'REQUEST_DOCUMENTS', at: '2026-03-04T12:00:00+05:00', actor: 'specialist' });
    expect(app.state).toBe('awaiting-documents');
    expect(app.status).toBe('suspended');
    expect(dueOf(app, 'service')).toMatchObject({
      status: 'suspended',
      suspendedAt: '2026-03-04T12:00:00+05:00',
      dueAt: '2026-03-17T18:30:00+05:00',
    });
    expect(app.timers).toEqual([]);
    app = await send(v1, app, { type: 'DOCUMENTS_SUBMITTED', at: '2026-03-19T15:00:00+05:00', actor: 'applicant' });
    expect(app.state).toBe('review');
    // Left at suspension: 5, 6, 10, 11, 12, 13, 16, 17 March = 8 working days; from Thu 19 March: 20, 26, 27, 30, 31
    // March, 1, 2, 3 April. Equivalently the 10 working days suspended (5 … 19 March) move 17 March to 3 April.
    const d = dueOf(app, 'service');
    expect(d).toMatchObject({ status: 'running', dueAt: '2026-04-03T18:30:00+05:00' });
    expect(d.suspendedAt).toBeUndefined();
    expect(d.explanation[0]).toMatchObject({
      code: 'suspension.remaining',
      params: { amount: 8, unit: 'workingDays' },
    });
    // The review timers are set again against the resumed term: 3 working days before Fri 3 April = Tue 31 March.
    expect(timerOf(app, 'hearing-notice')?.dueAt).toBe('2026-03-31T18:30:00+05:00');
    expect(timerOf(app, 'review-step')?.dueAt).toBe('2026-03-20T18:30:00+05:00');
  });

  test('a deadline declared with start: { state } starts when the application enters that state', async () => {
    // Regression guard: a deadline with start { state } used to be started only at registration.
    const withSigningTerm = {
      ...version1,
      deadlines: [
        ...version1.deadlines,
        {
          id: 'signing-term',
          label: name('Қол қою мерзімі', 'Срок подписания'),
          start: { state: 'signing' },
          legalRef: ref('9'),
          cases: [{ duration: '1 workingDays', legalRef: ref('9') }],
        },
      ],
    };
    const only = { ...service, versions: [{ $include: 'versions/v1.json' }] };
    const s = compileFixture({
      ...files,
      'fx/service.json': JSON.stringify(only),
      'fx/versions/v1.json': JSON.stringify(withSigningTerm),
    });
    let app = await start(s.versions[0], '2026-02-02T10:00:00+05:00');
    expect(app.deadlines.map((d) => d.id)).toEqual(['service']);
    app = (
      await applyEvent(s.versions[0], app, {
        type: 'EXAMINED',
        at: '2026-02-03T10:00:00+05:00',
        actor: 'specialist',
        data: {},
      })
    ).application;
    expect(app.state).toBe('signing');
    // One working day after Tue 3 February: Wed 4 February, end of working hours.
    expect(app.deadlines.find((d) => d.id === 'signing-term')?.dueAt).toBe('2026-02-04T18:30:00+05:00');
  });

  test('an extension by "2 months" counts from the due instant (16 February → 16 April, end of working hours)', async () => {
    let app = await start(v1, '2026-02-02T10:00:00+05:00');
    const out = await applyEvent(v1, app, { type: 'EXTEND', at: '2026-02-10T10:00:00+05:00', actor: 'head' });
    app = out.application;
    expect(app.state).toBe('extended-review');
    // A term in days ends at the end of working hours of its last day (docs/definition-format.md "End of a term");
    // 16 April 2026 is a Thursday.
    expect(dueOf(app, 'service').dueAt).toBe('2026-04-16T18:30:00+05:00');
    expect(out.trace).toContainEqual(
      expect.objectContaining({
        kind: 'deadline',
        action: 'extend',
        id: 'service',
        duration: '2 months',
        dueAt: '2026-04-16T18:30:00+05:00',
        legalRef: ref('10'),
      }),
    );
    // The extended application can still be decided.
    app = (
      await applyEvent(v1, app, { type: 'EXAMINED', at: '2026-04-10T10:00:00+05:00', actor: 'specialist', data: {} })
    ).application;
    expect(app.state).toBe('signing');
  });
});

describe('events: roles and states', () => {
  test('a role that may not send the event → event.forbiddenRole', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    const p = await problemOf(
      applyEvent(v1, app, {
        type: 'EXAMINED',
        at: '2026-02-03T10:00:00+05:00',
        actor: 'applicant',
        data: { documentsUnreliable: true, reasoning: REASONING },
      }),
    );
    expect(p.code).toBe('event.forbiddenRole');
    expect(p.params).toMatchObject({ event: 'EXAMINED', actor: 'applicant', roles: ['specialist'] });
  });

  test('an event the state does not accept → event.notAllowed, and the state is untouched', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    const before = JSON.parse(JSON.stringify(app));
    const p = await problemOf(
      applyEvent(v1, app, { type: 'SIGNED', at: '2026-02-03T10:00:00+05:00', actor: 'head', data: { signature: 'x' } }),
    );
    expect(p.code).toBe('event.notAllowed');
    expect(p.params).toMatchObject({ event: 'SIGNED', state: 'review' });
    expect(p.message).toContain('EXAMINED');
    expect(app).toEqual(before);
  });

  test('an unknown event → event.unknown', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    expect((await problemOf(applyEvent(v1, app, { type: 'APPROVE', at: '2026-02-03T10:00:00+05:00' }))).code).toBe(
      'event.unknown',
    );
  });

  test('without an actor the first role of the event is used; allowedEvents lists the events of the state with roles', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    expect(allowedEvents(v1, app).map((e) => [e.type, e.roles])).toEqual([
      ['REQUEST_DOCUMENTS', ['specialist']],
      ['EXTEND', ['head']],
      ['EXAMINED', ['specialist']],
      ['GATEWAY_DATA', ['gateway']],
    ]);
    const out = await applyEvent(v1, app, { type: 'REQUEST_DOCUMENTS', at: '2026-02-03T10:00:00+05:00' });
    expect(out.application.history.at(-1)).toMatchObject({ actor: 'specialist', to: 'awaiting-documents' });
    expect(allowedEvents(v1, out.application).map((e) => e.type)).toEqual(['DOCUMENTS_SUBMITTED']);
  });

  test('a finding that makes a ground hold needs the officer’s reasoning, kept beside the findings', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    const at = '2026-02-03T10:00:00+05:00';
    const refused = await applyEvent(v1, app, {
      type: 'EXAMINED',
      at,
      actor: 'specialist',
      data: { requirementsMet: false },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).problem).toMatchObject({
      code: 'event.reasoningRequired',
      kind: 'user',
      pointer: '/data/reasoning',
      params: { event: 'EXAMINED', grounds: ['requirements-not-met'] },
    });
    const out = await applyEvent(v1, app, {
      type: 'EXAMINED',
      at,
      actor: 'specialist',
      data: { requirementsMet: false, reasoning: { kk: '  ', ru: ' Высота здания превышает разрешённую. ' } },
    });
    expect(out.application.findings).toEqual({ requirementsMet: false });
    expect(out.application.reasoning).toEqual([
      { at, event: 'EXAMINED', actor: 'specialist', text: { ru: 'Высота здания превышает разрешённую.' } },
    ]);
    // A finding that leaves no ground holding needs none.
    const ok = await applyEvent(v1, app, {
      type: 'EXAMINED',
      at,
      actor: 'specialist',
      data: { requirementsMet: true },
    });
    expect(ok.application.reasoning).toBeUndefined();
  });

  test('event data are checked against what the event declares it records, located under /data', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    const e = await applyEvent(v1, app, {
      type: 'EXAMINED',
      at: '2026-02-03T10:00:00+05:00',
      actor: 'specialist',
      data: { requirementsMet: 'no' },
    }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as ProblemError).problem).toMatchObject({
      code: 'event.dataInvalid',
      kind: 'user',
      pointer: '/data/requirementsMet',
      params: { event: 'EXAMINED', errors: [expect.objectContaining({ pointer: '/data/requirementsMet' })] },
    });
  });

  test.each([
    [{ reasoning: 'текст' }, 'reasoning must be an object'],
    [{ reasoning: { en: 'text' } }, 'not "en"'],
    [{ reasoning: { ru: 5 } }, 'reasoning.ru must be a text'],
    [{ reasoning: { ru: 'x'.repeat(4001) } }, 'longer than 4000'],
  ])('malformed reasoning %j is a located error', async (data, words) => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    const e = await applyEvent(v1, app, {
      type: 'EXAMINED',
      at: '2026-02-03T10:00:00+05:00',
      actor: 'specialist',
      data,
    }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as ProblemError).problem).toMatchObject({ code: 'event.reasoningInvalid', pointer: '/data/reasoning' });
    expect((e as ProblemError).problem.message).toContain(words);
  });

  test('no decision before registration: a provider-side event before the registration instant is refused', async () => {
    // Saturday 7 February 2026, after hours: registered on Monday 9 February at 9:00.
    const app = await start(v1, '2026-02-07T12:00:00+05:00');
    expect(app.registeredAt).toBe('2026-02-09T09:00:00+05:00');
    const e = await applyEvent(v1, app, {
      type: 'EXAMINED',
      at: '2026-02-07T12:30:00+05:00',
      actor: 'specialist',
      data: { requirementsMet: true },
    }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as ProblemError).problem).toMatchObject({
      code: 'event.beforeRegistration',
      kind: 'user',
      params: { registeredAt: '2026-02-09T09:00:00+05:00' },
    });
    const after = await applyEvent(v1, app, {
      type: 'EXAMINED',
      at: '2026-02-09T09:00:00+05:00',
      actor: 'specialist',
      data: { requirementsMet: true },
    });
    expect(after.application.state).toBe('signing');
  });

  test('event data are kept as findings and re-evaluated: the rules decide the guarded transition', async () => {
    const app = await start(v1, '2026-02-02T10:00:00+05:00');
    const ok = (
      await applyEvent(v1, app, {
        type: 'EXAMINED',
        at: '2026-02-03T10:00:00+05:00',
        actor: 'specialist',
        data: { documentsUnreliable: false, requirementsMet: true },
      })
    ).application;
    expect(ok.state).toBe('signing');
    expect(ok.findings).toEqual({ documentsUnreliable: false, requirementsMet: true });
    expect(ok.decisions.anyRefusalGround).toBe(false);
    const bad = (
      await applyEvent(v1, app, {
        type: 'EXAMINED',
        at: '2026-02-03T10:00:00+05:00',
        actor: 'specialist',
        data: { requirementsMet: false, reasoning: REASONING },
      })
    ).application;
    expect(bad.state).toBe('hearing');
    expect(bad.decisions.anyRefusalGround).toBe(true);
  });
});

describe('versions by date', () => {
  test('versions: v1 from 1 February; v2 from 1 April (published 21 March + 10 calendar days)', () => {
    expect(svc.versions.map((v) => [v.id, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['2026-v1', '2026-02-01', '2026-04-01'],
      ['2026-v2', '2026-04-01', null],
    ]);
    const at = (iso: string) => svc.versionAt(Date.parse(iso))?.id;
    expect(at('2026-01-31T23:59:59+05:00')).toBeUndefined();
    expect(at('2026-02-01T00:00:00+05:00')).toBe('2026-v1');
    expect(at('2026-03-31T23:59:59+05:00')).toBe('2026-v1');
    expect(at('2026-04-01T00:00:00+05:00')).toBe('2026-v2');
    // 31 March 23:30 in Almaty is 31 March 18:30 UTC, still v1; 1 April 00:30 local is 31 March 19:30 UTC, v2.
    expect(at('2026-03-31T18:30:00Z')).toBe('2026-v1');
    expect(at('2026-03-31T19:30:00Z')).toBe('2026-v2');
    expect(versionInForce(svc, '2030-01-01T10:00:00+05:00').id).toBe('2026-v2');
  });

  test('simulate picks the version in force: v1 (10 working days) on 31 March, v2 (5 working days) on 6 April', async () => {
    const a = await simulate(svc, data, [], '2026-03-31T17:00:00+05:00', { renderDocuments: false });
    expect(a.version).toBe('2026-v1');
    // 1, 2, 3, 6, 7, 8, 9, 10, 13, 14 April.
    expect(a.deadlines).toEqual([{ id: 'service', dueAt: '2026-04-14T18:30:00+05:00', status: 'running' }]);
    const b = await simulate(svc, data, [], '2026-04-06T10:00:00+05:00', { renderDocuments: false });
    expect(b.version).toBe('2026-v2');
    // 7, 8, 9, 10, 13 April; the hearing notice 3 working days before: 8 April.
    expect(b.deadlines).toEqual([{ id: 'service', dueAt: '2026-04-13T18:30:00+05:00', status: 'running' }]);
    expect(b.application.timers.find((t) => t.id === 'hearing-notice')?.dueAt).toBe('2026-04-08T18:30:00+05:00');
  });

  test('simulate before the first version → version.notInForce naming the versions and their dates', async () => {
    const p = await problemOf(simulate(svc, data, [], '2026-01-20T10:00:00+05:00'));
    expect(p.code).toBe('version.notInForce');
    expect(p.message).toContain('2026-v1');
    expect(p.message).toContain('2026-v2');
    expect(p.message).toContain('2026-02-01');
    expect(p.params?.versions).toEqual([
      { id: '2026-v1', effectiveFrom: '2026-02-01', effectiveTo: '2026-04-01' },
      { id: '2026-v2', effectiveFrom: '2026-04-01', effectiveTo: null },
    ]);
  });

  test('invalid form data → form.invalid before anything is registered', async () => {
    const p = await problemOf(simulate(svc, { applicant: { fullName: '' } }, [], '2026-03-02T10:00:00+05:00'));
    expect(p.code).toBe('form.invalid');
  });
});

describe('the application state is plain JSON', () => {
  test('a JSON round trip mid-way (in the hearing) gives the same end', async () => {
    let app = await start(v1, '2026-03-17T11:00:00+05:00');
    app = await send(v1, app, {
      type: 'EXAMINED',
      at: '2026-03-20T15:00:00+05:00',
      actor: 'specialist',
      data: { documentsUnreliable: true, reasoning: REASONING },
    });
    const direct = await fireDueTimers(v1, app, '2026-04-30T00:00:00+05:00');
    const restored = await fireDueTimers(
      v1,
      JSON.parse(JSON.stringify(app)) as ApplicationState,
      '2026-04-30T00:00:00+05:00',
    );
    expect(restored).toEqual(direct);
    expect(direct.application.state).toBe('refused');
  });

  test('a JSON round trip while the deadline is suspended gives the same resumed due date', async () => {
    let app = await start(v1, '2026-03-02T10:00:00+05:00');
    app = await send(v1, app, { type: 'REQUEST_DOCUMENTS', at: '2026-03-04T12:00:00+05:00', actor: 'specialist' });
    const resume: ApplicationEvent = {
      type: 'DOCUMENTS_SUBMITTED',
      at: '2026-03-19T15:00:00+05:00',
      actor: 'applicant',
    };
    const direct = await applyEvent(v1, app, resume);
    const restored = await applyEvent(v1, JSON.parse(JSON.stringify(app)) as ApplicationState, resume);
    expect(JSON.parse(JSON.stringify(restored))).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(dueOf(restored.application, 'service').dueAt).toBe('2026-04-03T18:30:00+05:00');
  });

  test('the simulated application equals the stepwise one after a round trip at every step', async () => {
    const events: ApplicationEvent[] = [
      { type: 'EXAMINED', at: '2026-03-12T10:00:00+05:00', actor: 'specialist', data: { documentsUnreliable: false } },
      { type: 'SIGNED', at: '2026-03-13T11:00:00+05:00', actor: 'head' },
    ];
    const sim = await simulate(svc, data, events, '2026-03-06T19:00:00+05:00', { renderDocuments: false, id: 'APP-1' });
    let app = await start(v1, '2026-03-06T19:00:00+05:00');
    for (const e of events) app = JSON.parse(JSON.stringify(await send(v1, JSON.parse(JSON.stringify(app)), e)));
    expect(sim.application).toEqual(app);
  });
});

describe('documents in kk and ru with the fixed wording', () => {
  const events: ApplicationEvent[] = [
    { type: 'EXAMINED', at: '2026-03-12T10:00:00+05:00', actor: 'specialist', data: { documentsUnreliable: false } },
    { type: 'SIGNED', at: '2026-03-13T11:00:00+05:00', actor: 'head' },
  ];

  test('the permit, approved on Friday 13 March', async () => {
    const ru = await simulate(svc, data, events, '2026-03-06T19:00:00+05:00', { lang: 'ru', id: 'APP-7' });
    expect(ru.status).toBe('approved');
    expect(ru.refusal).toBeNull();
    expect(ru.deadlines).toEqual([{ id: 'service', dueAt: '2026-03-27T18:30:00+05:00', status: 'closed' }]);
    expect(ru.documents.map((d) => [d.id, d.title])).toEqual([['permit', 'Разрешение']]);
    const html = ru.documents[0].html;
    for (const s of [
      'Разрешение на строительство',
      'Заявитель: Асқаров Ерлан, адрес: Астана, Есіл ауданы, 12.',
      'Заявление № APP-7, дата регистрации: 10 марта 2026 г. 09:00.',
      'Дата выдачи: 13 марта 2026 г.',
    ])
      expect(html).toContain(s);
    expect(html).not.toContain('Құрылысқа рұқсат');

    const kk = await simulate(svc, data, events, '2026-03-06T19:00:00+05:00', { lang: 'kk', id: 'APP-7' });
    expect(kk.documents.map((d) => [d.id, d.title])).toEqual([['permit', 'Рұқсат']]);
    for (const s of [
      'Құрылысқа рұқсат',
      'Өтініш беруші: Асқаров Ерлан',
      'Өтініш № APP-7, тіркелген күні: 2026 жылғы 10 наурыз 09:00.',
      'Берілген күні: 2026 жылғы 13 наурыз',
    ])
      expect(kk.documents[0].html).toContain(s);
    expect(kk.documents[0].html).not.toContain('Разрешение на строительство');
  });

  test('a wording written inline (as a draft edited in the workbench carries it) is compiled and issued', async () => {
    const inline = {
      ...version1,
      documents: version1.documents.map((d) =>
        d.id === 'permit'
          ? {
              ...d,
              templates: {
                ...d.templates,
                ru: { text: '<h1>Разрешение</h1><p>Выдано: {{data.applicant.fullName}}</p>' },
              },
            }
          : d,
      ),
    };
    const edited = compileFixture({ ...files, 'fx/versions/v1.json': JSON.stringify(inline, null, 2) });
    const ru = await simulate(edited, data, events, '2026-03-06T19:00:00+05:00', { lang: 'ru', id: 'APP-8' });
    expect(ru.documents[0].html).toContain('Выдано: Асқаров Ерлан');
    expect(ru.documents[0].html).not.toContain('Разрешение на строительство');
    // The Kazakh wording still comes from its file.
    const kk = await simulate(edited, data, events, '2026-03-06T19:00:00+05:00', { lang: 'kk', id: 'APP-8' });
    expect(kk.documents[0].html).toContain('Құрылысқа рұқсат');
  });

  test("the refusal notice lists the grounds in the definition's order, in each language", async () => {
    const refusalEvents: ApplicationEvent[] = [
      {
        type: 'EXAMINED',
        at: '2026-03-20T15:00:00+05:00',
        actor: 'specialist',
        data: { documentsUnreliable: true, requirementsMet: false, reasoning: REASONING },
      },
    ];
    const ru = await simulate(svc, data, refusalEvents, '2026-03-17T11:00:00+05:00', { lang: 'ru' });
    expect(ru.state).toBe('refused');
    expect(ru.refusal?.grounds.map((g) => [g.id, g.message])).toEqual([
      ['unreliable-documents', 'Представленные документы недостоверны.'],
      ['requirements-not-met', 'Объект не соответствует требованиям.'],
    ]);
    const html = ru.documents[0].html;
    expect(html).toContain('Уведомление об отказе в оказании государственной услуги');
    expect(html.indexOf('Представленные документы недостоверны.')).toBeGreaterThan(-1);
    expect(html.indexOf('Представленные документы недостоверны.')).toBeLessThan(
      html.indexOf('Объект не соответствует требованиям.'),
    );
    expect(html).toContain('Дата: 27 марта 2026 г.');
    // Each ground as the law cites it, with the fact in words; then the officer's reasoning.
    expect(html).toContain(
      'Образцовый приказ акимата от 2 февраля 2026 года № 1, пункт 12, подпункт 1). Представленные документы недостоверны. Документы объекта по адресу ' +
        data.object.address,
    );
    expect(html).toContain(`Объект по адресу ${data.object.address} не соответствует требованиям.`);
    expect(html).toContain(`<p>${REASONING.ru}</p>`);

    const kk = renderIssuedDocument(v1, ru.application, ru.application.documents[0], 'kk');
    expect(kk.title).toBe('Бас тарту туралы хабарлама');
    expect(kk.html).toContain('Мемлекеттік қызметті көрсетуден бас тарту туралы хабарлама');
    expect(kk.html.indexOf('Ұсынылған құжаттар анық емес.')).toBeGreaterThan(-1);
    expect(kk.html.indexOf('Ұсынылған құжаттар анық емес.')).toBeLessThan(
      kk.html.indexOf('Объект талаптарға сәйкес келмейді.'),
    );
    expect(kk.html).toContain('Күні: 2026 жылғы 27 наурыз');
    expect(kk.html).toContain(
      `Әкімдіктің 2026 жылғы 2 ақпандағы № 1 үлгі бұйрығының 12-тармағының 2) тармақшасы. Объект талаптарға сәйкес келмейді. ${data.object.address} мекенжайындағы объект талаптарға сәйкес келмейді.`,
    );
    // Reasoning written only in Russian is printed as written (the other language is optional).
    expect(kk.html).toContain(`<p>${REASONING.ru}</p>`);
    // The pages of the applicant and the officer read the same grounds in words.
    expect(groundsInWords(v1, ru.application, 'ru', '2026-03-27T10:00:00+05:00')).toEqual([
      {
        id: 'unreliable-documents',
        citation: 'Образцовый приказ акимата от 2 февраля 2026 года № 1, пункт 12, подпункт 1)',
        fact: `Документы объекта по адресу ${data.object.address} признаны недостоверными.`,
      },
      {
        id: 'requirements-not-met',
        citation: 'Образцовый приказ акимата от 2 февраля 2026 года № 1, пункт 12, подпункт 2)',
        fact: `Объект по адресу ${data.object.address} не соответствует требованиям.`,
      },
    ]);
  });
});
