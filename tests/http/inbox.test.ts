import { hashPassword } from '../../runtime/src/auth/passwords';
import type { StoredUser } from '../../runtime/src/store/Store';
import { startTestServer, type TestServer } from './testServer';

// The officer's inbox on a real server (C2): applicant, object, assignee and time left on every line; search by a
// number's tail, an IIN, a name fragment in another case; due today and overdue; claim, take, reassign, release with
// their audit lines; the officers of a provider. The clock starts on Tuesday 3 March 2026, 10:00 in Astana and moves.
let clock = new Date('2026-03-03T10:00:00+05:00');
let t: TestServer;
const PROVIDER = 'state-corporation';

const apartment = (iin: string, fullName: string, cadastralNumber: string) => ({
  applicant: { kind: 'individual', iin, fullName },
  object: { cadastralNumber, kind: 'apartment' },
  request: { signedWith: 'eds' },
  payment: { viaGateway: true },
  consentToPersonalData: true,
});

/** Two officers of the provider without the head role, and one of another provider. */
async function addOfficer(username: string, displayName: string, providers: string[]): Promise<StoredUser> {
  const user: StoredUser = {
    id: `user-${username}`,
    username,
    passwordHash: await hashPassword('demo'),
    roles: ['officer'],
    actorRoles: ['operator', 'specialist'],
    providers,
    displayName,
    createdAt: clock.toISOString(),
  };
  await t.server.ctx.store.createUser(user);
  return user;
}

let first: any;
let second: any;
let clerkA: StoredUser;
let clerkB: StoredUser;

const search = async (params: string, as = 'officer') => {
  const res = await t.as(as, 'GET', `/applications?${params}&limit=500`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
};
const ids = async (params: string, as = 'officer') => (await search(params, as)).map((a) => a.id);

beforeAll(async () => {
  t = await startTestServer({ now: () => clock });
  clerkA = await addOfficer('clerk-a', 'Бекова Сая', [PROVIDER]);
  clerkB = await addOfficer('clerk-b', 'Әлиев Асан', ['*']);
  await addOfficer('clerk-other', 'Жанов Нұр', ['akimat']);
  const submit = async (data: unknown) => {
    const res = await t.as('applicant', 'POST', '/applications', { serviceId: 'cadastral-passport-duplicate', data });
    expect(res.status).toBe(201);
    return res.body;
  };
  first = await submit(apartment('850615400016', 'Жұмабаева Гүлнұр Серікқызы', '20-321-001-777'));
  second = await submit(apartment('850615400026', 'Ережепов Ағзам', '20-321-001-778'));
}, 120_000);

afterAll(async () => {
  await t?.server.close();
});

describe('inbox lines tell applications apart', () => {
  test('each line has the applicant, the object, nobody assigned and the working time left', async () => {
    const line = (await search(`q=850615400016`))[0];
    expect(line).toMatchObject({
      id: first.id,
      number: first.number,
      applicant: { name: 'Жұмабаева Гүлнұр Серікқызы', id: '850615400016' },
      assignee: null,
      timeLeft: { overdue: false },
    });
    expect(line.object.ru).toContain('20-321-001-777');
    expect(line.object.kk).toContain('20-321-001-777');
    expect(line.timeLeft.workingDays).toBeGreaterThanOrEqual(1);
    // The single view carries the same columns.
    const view = await t.as('officer', 'GET', `/applications/${first.id}`);
    expect(view.body).toMatchObject({ applicant: line.applicant, object: line.object, timeLeft: line.timeLeft });
  });

  test("the demo seed's applications show distinct applicants or objects", async () => {
    const lines = (await search('serviceId=cadastral-passport-duplicate')).filter(
      (a) => a.id !== first.id && a.id !== second.id,
    );
    expect(lines.length).toBeGreaterThan(1);
    const told = new Set(lines.map((a) => JSON.stringify([a.applicant, a.object])));
    expect(told.size).toBeGreaterThan(1);
    expect(lines.every((a) => a.applicant !== null || a.object !== null)).toBe(true);
  });
});

describe('search', () => {
  test("by a number's tail, whole, and in lower case", async () => {
    const tail = first.number.slice(-6);
    expect(await ids(`q=${tail}`)).toEqual([first.id]);
    expect(await ids(`q=${encodeURIComponent(first.number.toLowerCase())}`)).toEqual([first.id]);
    expect(await ids(`q=${second.number.slice(-4)}`)).toEqual([second.id]);
  });

  test('by IIN, exactly', async () => {
    expect(await ids('q=850615400026')).toEqual([second.id]);
    expect(await ids('q=850615400036')).toEqual([]);
  });

  test('by a fragment of the name in another case, Kazakh letters included', async () => {
    expect(await ids(`q=${encodeURIComponent('ГҮЛНҰР')}`)).toEqual([first.id]);
    expect(await ids(`q=${encodeURIComponent('ережеп')}`)).toEqual([second.id]);
  });

  test('by the object: a cadastral number', async () => {
    expect(await ids(`q=${encodeURIComponent('20-321-001-778')}`)).toEqual([second.id]);
  });

  test('an applicant searches only their own', async () => {
    expect(await ids('q=850615400016', 'applicant')).toEqual([first.id]);
    const applicantLine = (await search('q=850615400016', 'applicant'))[0];
    expect(applicantLine.assignee).toBeNull();
  });
});

describe('bad parameters are located 400s', () => {
  test.each([
    ['due=tomorrow', 'due', 'request.due'],
    ['assignee=' + encodeURIComponent('a b'), 'assignee', 'request.assignee'],
    ['q=' + 'x'.repeat(201), 'q', 'request.q'],
  ])('%s', async (params, parameter, code) => {
    const res = await t.as('officer', 'GET', `/applications?${params}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code, parameter });
  });
});

describe('assignment', () => {
  const assign = (as: string, id: string, userId: string | null) =>
    t.as(as, 'PUT', `/applications/${id}/assignee`, { userId });

  test('claim, a second officer is refused, the head reassigns, release; every change audited', async () => {
    const claimed = await assign('clerk-a', first.id, clerkA.id);
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toEqual({ id: clerkA.id, displayName: 'Бекова Сая' });
    expect(await ids('assignee=me', 'clerk-a')).toEqual([first.id]);
    expect(await ids(`assignee=${clerkA.id}`)).toEqual([first.id]);
    expect(await ids('assignee=none&q=850615400016')).toEqual([]);
    // Visible to others: the line shows who took it.
    expect((await search(`q=${first.number.slice(-6)}`, 'clerk-b'))[0].assignee).toEqual({
      id: clerkA.id,
      displayName: 'Бекова Сая',
    });

    const taken = await assign('clerk-b', first.id, clerkB.id);
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('assignment.taken');
    const releaseOther = await assign('clerk-b', first.id, null);
    expect(releaseOther.status).toBe(403);
    expect(releaseOther.body.code).toBe('assignment.forbidden');
    const toColleague = await assign('clerk-a', second.id, clerkB.id);
    expect(toColleague.status).toBe(403);

    // The demo officer holds the head role: reassigns.
    const reassigned = await assign('officer', first.id, clerkB.id);
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.assignee).toEqual({ id: clerkB.id, displayName: 'Әлиев Асан' });
    const released = await assign('clerk-b', first.id, null);
    expect(released.status).toBe(200);
    expect(released.body.assignee).toBeNull();
    expect(await ids('assignee=none&q=850615400016')).toEqual([first.id]);

    const audit = await t.server.ctx.store.listAudit(`application:${first.id}`, 50);
    const moves = audit
      .filter((a) => a.action === 'application.assigned')
      .reverse()
      .map((a) => [a.userId, a.details]);
    expect(moves).toEqual([
      [clerkA.id, { from: null, to: clerkA.id }],
      [expect.any(String), { from: clerkA.id, to: clerkB.id }],
      [clerkB.id, { from: clerkB.id, to: null }],
    ]);
  });

  test('only an officer of the provider is assigned; an applicant cannot assign; a bad body is a 400', async () => {
    const other = await t.server.ctx.store.getUserByUsername('clerk-other');
    const notOfficer = await assign('officer', second.id, other!.id);
    expect(notOfficer.status).toBe(422);
    expect(notOfficer.body.code).toBe('assignment.notOfficer');
    expect((await assign('applicant', second.id, null)).status).toBe(403);
    const bad = await t.as('officer', 'PUT', `/applications/${second.id}/assignee`, { userId: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/userId');
  });
});

describe('officers of a provider', () => {
  test('officers whose providers hold it or "*", in Kazakh alphabetical order', async () => {
    const res = await t.as('officer', 'GET', `/officers?provider=${PROVIDER}`);
    expect(res.status).toBe(200);
    const names = res.body.items.map((o: { displayName: string }) => o.displayName);
    expect(names).toEqual(['Әлиев Асан', 'Бекова Сая', 'Ерлан Омаров']);
    expect((await t.as('clerk-other', 'GET', `/officers?provider=${PROVIDER}`)).status).toBe(403);
    expect((await t.as('applicant', 'GET', `/officers?provider=${PROVIDER}`)).status).toBe(403);
    expect((await t.as('officer', 'GET', '/officers')).status).toBe(400);
  });
});

describe('due today and overdue, with the time left', () => {
  test('on the due day it is due today and not overdue; after the due instant it is overdue', async () => {
    const dueAt: string = first.deadlines.find((d: { id: string }) => d.id === 'service').dueAt;
    // Registered Tuesday 3 March 10:00; due at the close of Wednesday 4 March (18:30).
    expect(dueAt).toBe('2026-03-04T18:30:00+05:00');
    expect(await ids('due=today&q=850615400016')).toEqual([]);
    clock = new Date(Date.parse(dueAt) - 90 * 60_000);
    t.forget();
    expect(await ids('due=today&q=850615400016')).toEqual([first.id]);
    expect(await ids('due=overdue&q=850615400016')).toEqual([]);
    // 17:00 on the due day: an hour and a half of working time left.
    expect((await search('q=850615400016'))[0].timeLeft).toEqual({
      overdue: false,
      workingDays: 0,
      workingHours: 1,
      workingMinutes: 30,
    });
    clock = new Date(Date.parse(dueAt) + 24 * 3_600_000);
    t.forget();
    expect(await ids('due=overdue&q=850615400016')).toEqual([first.id]);
    expect(await ids('due=today&q=850615400016')).toEqual([first.id]);
    // A day later, at the close of Thursday: one whole working day past due.
    expect((await search('q=850615400016'))[0].timeLeft).toEqual({
      overdue: true,
      workingDays: 1,
      workingHours: 0,
      workingMinutes: 0,
    });
  });
});
