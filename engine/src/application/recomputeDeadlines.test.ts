import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData, type WorkingTime } from '../calendar';
import { compileService, type CompiledVersion } from '../compiler';
import { assembleDefinition } from '../format';
import { applyEvent, recomputeDeadlines, startApplication, type ApplicationState } from './index';

/**
 * After a calendar change (a government act declares a day off) the runtime recomputes the due instants of open
 * applications. A deadline that was suspended, resumed or extended must keep those moves: the recomputation replays
 * its history (start, suspensions, resumptions, extensions) on the new calendar, it does not restart from the start.
 *
 * February 2026 has no day off on a weekday in the real calendar; the "new" calendar adds one on Wed 18 February (or
 * Tue 10 February), as the runtime's test of the same change does for March.
 */

const repoRoot = join(__dirname, '../../..');
const calendar = JSON.parse(
  readFileSync(join(repoRoot, 'definitions/calendars/kz.calendar.json'), 'utf8'),
) as CalendarData;
const schedule = JSON.parse(
  readFileSync(join(repoRoot, 'definitions/calendars/schedules/provider-default.schedule.json'), 'utf8'),
) as ScheduleData;

function withDayOff(date: string): WorkingTime {
  const source = Object.keys(calendar.sources ?? {})[0];
  const reason = { kk: 'Қосымша демалыс', ru: 'Дополнительный выходной', en: 'Extra day off' };
  return compileWorkingTime(
    { ...calendar, extraDaysOff: [...(calendar.extraDaysOff ?? []), { date, source, reason }] },
    schedule,
  );
}

const text = (kk: string, ru: string) => ({ kk, ru });
const ref = { act: 'fixture-order', paragraph: '1' };

const service = {
  formatVersion: 1,
  id: 'fixture-recompute',
  label: text('Үлгі', 'Образец'),
  kind: 'state-service',
  acts: { 'fixture-order': { type: 'order', title: text('Бұйрық', 'Приказ'), status: 'in-force' } },
  providers: [{ id: 'akimat', label: text('Әкімдік', 'Акимат') }],
  recipients: [{ id: 'individuals', label: text('Жеке тұлғалар', 'Физические лица') }],
  channels: [{ id: 'portal', label: text('Портал', 'Портал') }],
  schedule: { id: 'provider-default' },
  registration: { rule: 'next-working-day-after-hours' },
  versions: [
    {
      id: 'v1',
      producedBy: ['fixture-order'],
      effectiveFrom: '2026-01-01',
      form: { type: 'object', properties: {} },
      machine: {
        initial: 'received',
        events: {
          REQUEST_DOCUMENTS: { label: text('Құжаттар сұралды', 'Запрошены документы'), roles: ['specialist'] },
          DOCUMENTS_SUBMITTED: { label: text('Құжаттар ұсынылды', 'Документы представлены'), roles: ['applicant'] },
          EXTEND: { label: text('Мерзім ұзартылды', 'Срок продлён'), roles: ['head'] },
          DONE: { label: text('Дайын', 'Готово'), roles: ['head'] },
        },
        states: {
          received: { label: text('Қабылданды', 'Принято'), status: 'registered', always: [{ target: 'review' }] },
          review: {
            label: text('Қарау', 'Рассмотрение'),
            status: 'in-progress',
            deadlines: { resume: ['service'] },
            on: {
              REQUEST_DOCUMENTS: { target: 'awaiting-documents' },
              EXTEND: { target: 'extended' },
              DONE: { target: 'done' },
            },
          },
          'awaiting-documents': {
            label: text('Құжаттар күтілуде', 'Ожидание документов'),
            status: 'suspended',
            deadlines: { suspend: ['service'] },
            on: { DOCUMENTS_SUBMITTED: { target: 'review' } },
          },
          extended: {
            label: text('Ұзартылды', 'Продлено'),
            status: 'in-progress',
            deadlines: { extend: [{ deadline: 'service', by: '5 workingDays', legalRef: ref }] },
            on: { REQUEST_DOCUMENTS: { target: 'awaiting-documents' }, DONE: { target: 'done' } },
          },
          done: { label: text('Дайын', 'Готово'), status: 'approved', final: true },
        },
      },
      deadlines: [
        {
          id: 'service',
          label: text('Мерзім', 'Срок'),
          start: 'registration',
          legalRef: ref,
          cases: [{ duration: '10 workingDays', legalRef: ref }],
        },
      ],
    },
  ],
};

function versionOn(wt: WorkingTime): CompiledVersion {
  const files: Record<string, string> = { 'fx/service.json': JSON.stringify(service) };
  const { definition, problems } = assembleDefinition('fx/service.json', (p) => files[p]);
  expect(problems).toEqual([]);
  const compiled = compileService(definition!, {
    sharedActs: {},
    workingTime: (id) => (id === 'provider-default' ? wt : undefined),
    readText: (p) => files[p],
  });
  expect(compiled.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  return compiled.service!.versions[0];
}

const before = versionOn(compileWorkingTime(calendar, schedule));
const dueOf = (app: ApplicationState) => app.deadlines.find((d) => d.id === 'service')!;

async function run(events: Array<[type: string, at: string, actor: string]>): Promise<ApplicationState> {
  // Registered Mon 2 February 2026, 10:00: 10 working days from 3 February end on Mon 16 February at 18:30.
  let app = (await startApplication(before, { id: 'A-1', data: {}, arrivedAt: '2026-02-02T10:00:00+05:00' }))
    .application;
  expect(dueOf(app).dueAt).toBe('2026-02-16T18:30:00+05:00');
  for (const [type, at, actor] of events) app = (await applyEvent(before, app, { type, at, actor })).application;
  return app;
}

describe('a calendar change replays a deadline on the new calendar, suspensions and extensions included', () => {
  test('suspended 4–11 February, then a day off declared on 18 February: the resumed term moves by that day', async () => {
    const app = await run([
      ['REQUEST_DOCUMENTS', '2026-02-04T12:00:00+05:00', 'specialist'],
      ['DOCUMENTS_SUBMITTED', '2026-02-11T12:00:00+05:00', 'applicant'],
    ]);
    // Left at suspension: 5, 6, 9, 10, 11, 12, 13, 16 February = 8 working days; from Wed 11 February: 12, 13, 16,
    // 17, 18, 19, 20, 23 February.
    expect(dueOf(app)).toMatchObject({ status: 'running', dueAt: '2026-02-23T18:30:00+05:00' });

    const out = recomputeDeadlines(versionOn(withDayOff('2026-02-18')), app);
    // On the new calendar the start gives 16 February as before (the 18th is after it); the 8 working days left
    // after resumption skip the 18th: 12, 13, 16, 17, 19, 20, 23, 24 February. Restarting from the start would give
    // 16 February and lose the week of suspension.
    expect(dueOf(out.application)).toMatchObject({ status: 'running', dueAt: '2026-02-24T18:30:00+05:00' });
    expect(out.changes).toEqual([
      expect.objectContaining({ id: 'service', from: '2026-02-23T18:30:00+05:00', to: '2026-02-24T18:30:00+05:00' }),
    ]);
    expect(out.skipped).toEqual([]);
    // The explanation says what was replayed: the start, then the remainder after resumption.
    expect(dueOf(out.application).explanation.map((e) => e.code)).toEqual(
      expect.arrayContaining(['suspension.remaining']),
    );
  });

  test('still suspended: the due instant the resumption will count from is recomputed, the suspension kept', async () => {
    const app = await run([['REQUEST_DOCUMENTS', '2026-02-04T12:00:00+05:00', 'specialist']]);
    expect(dueOf(app)).toMatchObject({ status: 'suspended', dueAt: '2026-02-16T18:30:00+05:00' });

    const version = versionOn(withDayOff('2026-02-10'));
    const out = recomputeDeadlines(version, app);
    // 3, 4, 5, 6, 9, (10 off), 11, 12, 13, 16, 17 February.
    expect(dueOf(out.application)).toMatchObject({
      status: 'suspended',
      suspendedAt: '2026-02-04T12:00:00+05:00',
      dueAt: '2026-02-17T18:30:00+05:00',
    });
    // Resumed later on the new calendar: left at suspension 5, 6, 9, 11, 12, 13, 16, 17 February = 8 working days,
    // counted from the resumption.
    const resumed = (
      await applyEvent(version, out.application, {
        type: 'DOCUMENTS_SUBMITTED',
        at: '2026-02-11T12:00:00+05:00',
        actor: 'applicant',
      })
    ).application;
    // 8 working days from Wed 11 February: 12, 13, 16, 17, 18, 19, 20, 23 February.
    expect(dueOf(resumed).dueAt).toBe('2026-02-23T18:30:00+05:00');
  });

  test('extended by 5 working days, then a day off inside the extension: the extension is kept and moves', async () => {
    const app = await run([['EXTEND', '2026-02-10T10:00:00+05:00', 'head']]);
    // 16 February + 5 working days: 17, 18, 19, 20, 23 February.
    expect(dueOf(app).dueAt).toBe('2026-02-23T18:30:00+05:00');

    const out = recomputeDeadlines(versionOn(withDayOff('2026-02-18')), app);
    // 17, (18 off), 19, 20, 23, 24 February.
    expect(dueOf(out.application).dueAt).toBe('2026-02-24T18:30:00+05:00');
    expect(out.skipped).toEqual([]);
  });

  test('suspended, resumed, then extended: every move is replayed in order', async () => {
    const app = await run([
      ['REQUEST_DOCUMENTS', '2026-02-04T12:00:00+05:00', 'specialist'],
      ['DOCUMENTS_SUBMITTED', '2026-02-11T12:00:00+05:00', 'applicant'],
      ['EXTEND', '2026-02-12T10:00:00+05:00', 'head'],
    ]);
    // 23 February (after the suspension) + 5 working days: 24, 25, 26, 27 February, 2 March.
    expect(dueOf(app).dueAt).toBe('2026-03-02T18:30:00+05:00');

    const out = recomputeDeadlines(versionOn(withDayOff('2026-02-18')), app);
    // Resumed term on the new calendar: 24 February (see the first test); + 5: 25, 26, 27 February, 2, 3 March.
    expect(dueOf(out.application).dueAt).toBe('2026-03-03T18:30:00+05:00');
  });

  test('on an unchanged calendar the replay gives every due instant back as the run computed it', async () => {
    const histories: Array<Array<[string, string, string]>> = [
      [],
      [['REQUEST_DOCUMENTS', '2026-02-04T12:00:00+05:00', 'specialist']],
      [
        ['REQUEST_DOCUMENTS', '2026-02-04T12:00:00+05:00', 'specialist'],
        ['DOCUMENTS_SUBMITTED', '2026-02-11T12:00:00+05:00', 'applicant'],
      ],
      [['EXTEND', '2026-02-10T10:00:00+05:00', 'head']],
      [
        ['EXTEND', '2026-02-10T10:00:00+05:00', 'head'],
        ['REQUEST_DOCUMENTS', '2026-02-12T16:00:00+05:00', 'specialist'],
        ['DOCUMENTS_SUBMITTED', '2026-02-20T09:30:00+05:00', 'applicant'],
      ],
    ];
    for (const events of histories) {
      const app = await run(events);
      const out = recomputeDeadlines(before, app);
      expect(out.changes).toEqual([]);
      expect(dueOf(out.application).dueAt).toBe(dueOf(app).dueAt);
    }
  });

  test('a deadline moved before its history was recorded (an older stored state) is reported, not guessed', async () => {
    const app = await run([['EXTEND', '2026-02-10T10:00:00+05:00', 'head']]);
    const older = structuredClone(app);
    for (const d of older.deadlines) delete d.adjustments;
    const out = recomputeDeadlines(versionOn(withDayOff('2026-02-18')), older);
    expect(out.skipped).toEqual(['service']);
    expect(dueOf(out.application).dueAt).toBe('2026-02-23T18:30:00+05:00');
  });
});
