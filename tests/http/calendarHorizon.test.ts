import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExample, type ExampleCopy } from '../definitions/exampleCopy';
import { apartment } from '../definitions/order999';
import { startTestServer, type TestServer } from './testServer';

// Issue 16, the calendar horizon, over HTTP: after the data (2027) the calendar is computed from the statutes and
// provisional; an application registered on the last working day of 2027 gets a due date in 2028, marked
// provisional until the analyst enters the 2028 decree; then it is recomputed and loses the mark.
const clock = new Date('2027-12-31T10:00:00+05:00'); // Friday; 1–2 January 2028 fall on Sat–Sun and move to Mon–Tue
let copy: ExampleCopy;
let dataDir: string;
let t: TestServer;

beforeAll(async () => {
  copy = copyExample();
  dataDir = mkdtempSync(join(tmpdir(), 'qyzmet-horizon-'));
  t = await startTestServer({ definitionsRoot: copy.definitions, dataDir, now: () => clock });
});
afterAll(async () => {
  await t.server.close();
  copy.remove();
});

describe('public calendar answers past the data', () => {
  test('GET /calendar/2031 is provisional with its computed days; 2101 is out of coverage', async () => {
    const r = await t.as(null, 'GET', '/calendar/2031');
    expect(r.status).toBe(200);
    expect(r.body.provisional).toBe(true);
    expect(r.body.provisionalReason.params.computedFrom).toBe('2031-01-01');
    expect(r.body.provisionalDays.length).toBeGreaterThan(10);
    const out = await t.as(null, 'GET', '/calendar/2101');
    expect(out.status).toBe(422);
    expect(out.body.code).toBe('calendar.outOfCoverage');
  });

  test('GET /deadline across New Year 2028 is computed and provisional', async () => {
    const from = encodeURIComponent('2027-12-24T10:00:00+05:00');
    const r = await t.as(null, 'GET', `/deadline?from=${from}&duration=${encodeURIComponent('10 workingDays')}`);
    expect(r.status).toBe(200);
    expect(r.body.dueAt).toBe('2028-01-12T18:30:00+05:00');
    expect(r.body.provisional).toBe(true);
    expect(r.body.explanation.at(-1).code).toBe('term.provisional');
  });

  test('a date before any version is "no version in force" (404), before any calendar check', async () => {
    const service = await t.as(null, 'GET', '/services/cadastral-passport-duplicate?at=1990-01-01');
    expect(service.status).toBe(404);
    const sim = await t.as(null, 'POST', '/simulate', {
      serviceId: 'cadastral-passport-duplicate',
      at: '1990-01-01T10:00:00+06:00',
      data: apartment,
      events: [],
    });
    expect(sim.status).toBe(404);
    expect(sim.body.code).toBe('version.notInForce');
  });
});

describe('an application due in 2028', () => {
  test('is provisional until the 2028 decree is entered, then recomputed and confirmed', async () => {
    const created = await t.as('applicant', 'POST', '/applications', {
      serviceId: 'cadastral-passport-duplicate',
      data: apartment,
    });
    expect(created.status).toBe(201);
    // One working day after Friday 31 December 2027: Monday 3 and Tuesday 4 January are the moved New Year days off.
    expect(created.body.deadlines).toContainEqual({
      id: 'service',
      dueAt: '2028-01-05T18:30:00+05:00',
      status: 'running',
      provisional: true,
    });

    // The analyst enters the 2028 acts: coverage extended, Kurban ait announced (the same dates as computed).
    await t.server.close();
    const file = copy.path('calendars/kz.calendar.json');
    const calendar = JSON.parse(readFileSync(file, 'utf8'));
    calendar.coverage.to = '2028-12-31';
    calendar.movableDates.push({ holiday: 'kurban-ait', date: '2028-05-05', source: 'dumk-kurban-ait' });
    writeFileSync(file, JSON.stringify(calendar, null, 2));
    t = await startTestServer({ definitionsRoot: copy.definitions, dataDir, now: () => clock });

    const after = await t.as('applicant', 'GET', `/applications/${created.body.id}`);
    expect(after.body.deadlines).toContainEqual({
      id: 'service',
      dueAt: '2028-01-05T18:30:00+05:00',
      status: 'running',
    });
    expect((await t.as(null, 'GET', '/calendar/2028')).body.provisional).toBe(false);
    const audit = await t.as('admin', 'GET', `/admin/audit?subject=application:${created.body.id}`);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'deadline.recomputed',
        details: expect.objectContaining({ deadline: 'service' }),
      }),
    );
  }, 60_000);
});
