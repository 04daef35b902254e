import { join } from 'node:path';
import type { CompiledVersion } from '@qyzmet/engine';
import { loadCalendars } from '../registry/loadRepository';
import type { StoredApplication, StoredUser } from '../store/Store';
import { inboxColumns, OfficerNames } from './inboxColumns';

// The inbox's columns on the real calendar of the State Corporation (09:00–18:30 with its lunch break, Kazakhstan's
// days off): time left from now, past due, frozen while suspended, none once closed.
const wt = loadCalendars(join(__dirname, '../../../definitions')).workingTime('state-corporation')!;
const version = { service: { workingTime: wt } } as unknown as CompiledVersion;
const officer = { id: 'o1', roles: ['officer'], providers: ['*'] } as unknown as StoredUser;
const applicant = { id: 'a1', roles: ['applicant'], providers: [] } as unknown as StoredUser;
const names = new OfficerNames({ getUser: async (id) => ({ id, displayName: 'Бекова Сая' }) as StoredUser });

const app = (over: Partial<StoredApplication> = {}, term: Record<string, unknown> = {}): StoredApplication =>
  ({
    id: 'x',
    status: 'in-progress',
    dueAt: '2026-03-04T18:30:00+05:00',
    snapshot: { deadlines: [{ id: 'service', dueAt: '2026-03-04T18:30:00+05:00', status: 'running', ...term }] },
    summary: {
      applicantName: 'Жұмабаева Гүлнұр',
      applicantId: '850615400016',
      object: { kk: 'Пәтер', ru: 'Квартира', en: 'Flat' },
    },
    assigneeId: 'o1',
    ...over,
  }) as unknown as StoredApplication;
const at = (iso: string) => Date.parse(iso);

beforeAll(() => names.load([{ assigneeId: 'o1' }]));

test('applicant, object and assignee; the assignee is not shown to the applicant', () => {
  const seen = inboxColumns(app(), officer, version, at('2026-03-04T17:00:00+05:00'), names);
  expect(seen).toMatchObject({
    applicant: { name: 'Жұмабаева Гүлнұр', id: '850615400016' },
    object: { kk: 'Пәтер', ru: 'Квартира', en: 'Flat' },
    assignee: { id: 'o1', displayName: 'Бекова Сая' },
  });
  expect(inboxColumns(app(), applicant, version, at('2026-03-04T17:00:00+05:00'), names).assignee).toBeNull();
  expect(inboxColumns(app({ summary: null }), officer, version, 0, names)).toMatchObject({
    applicant: null,
    object: null,
  });
});

test.each([
  ['an hour and a half before the close of the due day', '2026-03-04T17:00:00+05:00', [false, 0, 1, 30]],
  [
    'the day before at 10:00: Wednesday whole, then Tuesday from 10:00 (3 h before lunch, 4 h after)',
    '2026-03-03T10:00:00+05:00',
    [false, 1, 7, 0],
  ],
  ['the next working day at its close: one working day past', '2026-03-05T18:30:00+05:00', [true, 1, 0, 0]],
])('time left, %s', (_name, now, [overdue, workingDays, workingHours, workingMinutes]) => {
  expect(inboxColumns(app(), officer, version, at(now), names).timeLeft).toEqual({
    overdue,
    workingDays,
    workingHours,
    workingMinutes,
  });
});

test('while suspended the time left is what was left at suspension, however late it is now', () => {
  const suspended = app({}, { status: 'suspended', suspendedAt: '2026-03-04T17:00:00+05:00' });
  expect(inboxColumns(suspended, officer, version, at('2026-03-20T12:00:00+05:00'), names).timeLeft).toEqual({
    overdue: false,
    workingDays: 0,
    workingHours: 1,
    workingMinutes: 30,
  });
});

test('no time left once closed or without a due instant', () => {
  expect(inboxColumns(app({ status: 'approved' }), officer, version, 0, names).timeLeft).toBeNull();
  expect(inboxColumns(app({ dueAt: null }), officer, version, 0, names).timeLeft).toBeNull();
});
