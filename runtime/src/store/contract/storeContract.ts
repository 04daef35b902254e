import { COUNT_CAP } from '../Store';
import type { ApplicationQuery, Store, StoreRecord, StoreRecordKind, StoredUser } from '../Store';
import { app, audit, delivery, doc, draft, event, inboxRows, sub, user } from './fixtures';

/**
 * The Store contract: what every adapter guarantees, whatever the database. Each adapter's
 * `<adapter>.contract.test.ts` runs this suite against a real server or file; adapter-specific matters (SQLite's
 * migrations and file triggers, MongoDB's indexes) stay in the adapter's own tests.
 */

/** Where a store lives: one fresh SQLite folder or one fresh MongoDB database, opened as many times as a test wants. */
export interface StorePlace {
  open(): Promise<Store>;
  remove(): Promise<void>;
}

export interface ContractTarget {
  name: string;
  /** Why the suite cannot run here (no server), with the commands that install it; null when it can. */
  skipReason: string | null;
  place(): Promise<StorePlace>;
}

/** A session as the store reads it (with its user, left out here), or undefined. */
export async function sessionOf(store: Store, tokenHash: string) {
  return (await store.getSessionWithUser(tokenHash))?.session;
}

export function describeStoreContract(target: ContractTarget): void {
  const describeOrSkip = target.skipReason === null ? describe : describe.skip;
  if (target.skipReason !== null) console.warn(`Store contract on ${target.name} skipped: ${target.skipReason}`);

  describeOrSkip(`Store contract: ${target.name}`, () => {
    const places: StorePlace[] = [];
    const opened: Store[] = [];
    let place: StorePlace;

    async function open(at: StorePlace = place): Promise<Store> {
      const s = await at.open();
      opened.push(s);
      return s;
    }

    beforeEach(async () => {
      place = await target.place();
      places.push(place);
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      for (const p of places.splice(0)) await p.remove();
    });

    describe('applications', () => {
      test('insert writes application, events, documents and audit; reads return them', async () => {
        const store = await open();
        const a = app('A1', { nextTimerAt: '2025-03-04T09:00:00+05:00' });
        await store.insertApplication(
          a,
          [event('A1', 1), event('A1', 2)],
          [doc('A1', 'receipt', 'kk'), doc('A1', 'receipt', 'ru')],
          [audit('application:A1', 'create')],
        );
        expect(await store.getApplication('A1')).toEqual(a);
        expect(await store.getApplication('nope')).toBeUndefined();
        expect(await store.listEvents('A1')).toEqual([event('A1', 1), event('A1', 2)]);
        expect(await store.listEvents('nope')).toEqual([]);
        expect(await store.getDocument('A1', 'receipt', 'ru')).toEqual(doc('A1', 'receipt', 'ru'));
        expect(await store.getDocument('A1', 'receipt', 'kk')).toEqual(doc('A1', 'receipt', 'kk'));
        expect(await store.getDocument('A1', 'other', 'kk')).toBeUndefined();
        expect(await store.listAudit('application:A1', 10)).toEqual([audit('application:A1', 'create')]);
      });

      test('an instant that is not ISO is refused with a coded error, and nothing of the insert is written', async () => {
        const store = await open();
        await expect(store.insertApplication(app('A1', { dueAt: 'next Tuesday' }), [], [], [])).rejects.toMatchObject({
          problem: { code: 'store.invalid-instant', kind: 'internal' },
        });
        await expect(
          store.insertApplication(app('A2'), [event('A2', 1, { at: 'soon' })], [], [audit('application:A2', 'x')]),
        ).rejects.toMatchObject({ problem: { code: 'store.invalid-instant' } });
        expect(await store.getApplication('A1')).toBeUndefined();
        expect(await store.getApplication('A2')).toBeUndefined();
        expect(await store.listAudit(null, 10)).toEqual([]);
      });

      test('a second application with the same id is a conflict and changes nothing', async () => {
        const store = await open();
        await store.insertApplication(app('A1'), [event('A1', 1)], [], []);
        await expect(
          store.insertApplication(app('A1', { state: 'other' }), [], [], [audit('application:A1', 'again')]),
        ).rejects.toMatchObject({ problem: { kind: 'conflict', code: 'store.duplicate' } });
        expect((await store.getApplication('A1'))?.state).toBe('review');
        expect(await store.listEvents('A1')).toHaveLength(1);
      });

      test('optimistic concurrency: the second update from the same rev returns false and writes nothing', async () => {
        const store = await open();
        await store.insertApplication(app('A1'), [event('A1', 1)], [], []);
        const first = app('A1', {
          state: 'accepted',
          status: 'in-progress',
          rev: 1,
          updatedAt: '2025-03-04T10:00:00+05:00',
        });
        const second = app('A1', {
          state: 'refused',
          status: 'refused',
          rev: 1,
          updatedAt: '2025-03-04T10:00:01+05:00',
        });
        expect(
          await store.updateApplication(
            first,
            0,
            [event('A1', 2)],
            [doc('A1', 'receipt', 'kk')],
            [audit('application:A1', 'accept')],
          ),
        ).toBe(true);
        expect(
          await store.updateApplication(
            second,
            0,
            [event('A1', 3)],
            [doc('A1', 'refusal', 'kk')],
            [audit('application:A1', 'refuse')],
          ),
        ).toBe(false);
        expect(await store.getApplication('A1')).toEqual(first);
        expect((await store.listEvents('A1')).map((e) => e.seq)).toEqual([1, 2]);
        expect(await store.getDocument('A1', 'refusal', 'kk')).toBeUndefined();
        expect((await store.listAudit('application:A1', 10)).map((e) => e.action)).toEqual(['accept']);
        // From the current rev it goes through, and the store sets rev = expectedRev + 1.
        expect(await store.updateApplication({ ...second, rev: 99 }, 1, [event('A1', 3)], [], [])).toBe(true);
        expect((await store.getApplication('A1'))?.rev).toBe(2);
        expect(await store.updateApplication(app('ghost'), 0, [], [], [])).toBe(false);
      });

      test('two instances updating from the same rev at once: exactly one wins, its events alone are kept', async () => {
        const place1 = await open();
        const place2 = await open();
        await place1.insertApplication(app('A1'), [event('A1', 1)], [], []);
        const results = await Promise.all(
          [place1, place2, place1, place2].map((s, i) =>
            s.updateApplication(app('A1', { state: `s${i}`, rev: 1 }), 0, [event('A1', 2, { type: `t${i}` })], [], []),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect((await place2.getApplication('A1'))?.state).toBe(`s${winner}`);
        expect((await place1.listEvents('A1')).map((e) => e.type)).toEqual(['submit', `t${winner}`]);
      });

      test('a reissued document replaces the earlier rendering', async () => {
        const store = await open();
        await store.insertApplication(app('A1'), [], [doc('A1', 'cert', 'kk', '<p>v1</p>')], []);
        await store.updateApplication(app('A1', { rev: 1 }), 0, [], [doc('A1', 'cert', 'kk', '<p>v2</p>')], []);
        expect((await store.getDocument('A1', 'cert', 'kk'))?.html).toBe('<p>v2</p>');
      });

      test('document ids with dots and dollars are kept as they are', async () => {
        const store = await open();
        await store.insertApplication(app('A1'), [], [doc('A1', 'annex.2$b', 'ru')], []);
        expect(await store.getDocument('A1', 'annex.2$b', 'ru')).toEqual(doc('A1', 'annex.2$b', 'ru'));
      });

      test('keys with dots and dollars inside the snapshot, event data and drafts are kept as they are', async () => {
        const store = await open();
        const snapshot = { ...app('A1').snapshot, data: { 'a.b': 1, $include: 'x', nested: { $ne: [1] } } };
        const a = app('A1', { snapshot: snapshot as never });
        await store.insertApplication(a, [event('A1', 1, { data: { 'x.y': true, $set: 2 } })], [], []);
        expect(await store.getApplication('A1')).toEqual(a);
        expect((await store.listEvents('A1'))[0].data).toEqual({ 'x.y': true, $set: 2 });
        const d = draft({ definition: { basedOn: 'v1', form: { $include: '../shared/form.json' }, 'a.b': 1 } });
        expect(await store.saveDraft(d, null)).toBe(true);
        expect(await store.getDraft('svc', 'd1')).toEqual(d);
      });

      test('what one opening wrote, another opening of the same place reads', async () => {
        const first = await open();
        await first.insertApplication(
          app('A1'),
          [event('A1', 1)],
          [doc('A1', 'receipt', 'kk')],
          [audit('application:A1', 'create')],
        );
        await first.createUser(user('u1', 'officer'));
        const again = await open();
        expect(await again.getApplication('A1')).toEqual(app('A1'));
        expect(await again.listEvents('A1')).toHaveLength(1);
        expect(await again.getUserByUsername('officer')).toEqual(user('u1', 'officer'));
      });
    });

    describe('inbox query', () => {
      let store: Store;
      beforeEach(async () => {
        store = await open();
        for (const r of inboxRows) await store.insertApplication(r, [event(r.id, 1)], [], []);
      });
      const ids = async (q: Omit<ApplicationQuery, 'limit' | 'offset'> & Partial<ApplicationQuery>) => {
        const res = await store.listApplications({ limit: 100, offset: 0, ...q });
        return { ids: res.items.map((i) => i.id), total: res.total };
      };

      test.each([
        ['everything: by due instant, nulls last, then registration', {}, ['d', 'e', 'a', 'b', 'g', 'f', 'c']],
        ['"*" is every provider', { providers: ['*'] }, ['d', 'e', 'a', 'b', 'g', 'f', 'c']],
        ['one provider', { providers: ['p1'] }, ['a', 'b', 'f']],
        [
          'providers × statuses',
          { providers: ['p1', 'p3'], status: ['registered', 'suspended', 'in-progress'] },
          ['e', 'a', 'b', 'g'],
        ],
        ['status only', { status: ['registered'] }, ['a', 'c']],
        ['applicant', { applicantId: 'user-2' }, ['e', 'g']],
        ['service', { serviceId: 'housing-presence-certificate' }, ['f']],
        [
          'overdue: open and due before the instant (closed d and undated c excluded)',
          { overdueAt: '2024-02-20T09:15:00+05:00' },
          ['e', 'a'],
        ],
        ['overdue with providers', { providers: ['p1', 'p2'], overdueAt: '2024-03-31T00:00:00+05:00' }, ['a', 'b']],
        ['due before includes closed ones', { dueBefore: '2024-02-20T09:15:00+05:00' }, ['d', 'e', 'a']],
        ['empty provider list matches nothing', { providers: [] }, []],
        ['empty status list matches nothing', { status: [] }, []],
      ] as const)('%s', async (_name, q, expected) => {
        const res = await ids({
          ...q,
          providers: 'providers' in q ? [...q.providers] : undefined,
          status: 'status' in q ? [...q.status] : undefined,
        } as ApplicationQuery);
        expect(res).toEqual({ ids: expected, total: expected.length });
      });

      test('limit and offset page through the same order; total counts every match', async () => {
        expect(await ids({ limit: 3, offset: 0 })).toEqual({ ids: ['d', 'e', 'a'], total: 7 });
        expect(await ids({ limit: 3, offset: 3 })).toEqual({ ids: ['b', 'g', 'f'], total: 7 });
        expect(await ids({ limit: 3, offset: 6 })).toEqual({ ids: ['c'], total: 7 });
        expect(await ids({ limit: 3, offset: 9 })).toEqual({ ids: [], total: 7 });
        const q = {
          providers: ['p1', 'p2', 'p3'],
          status: ['registered' as const, 'in-progress' as const, 'suspended' as const, 'approved' as const],
        };
        const pages = [
          ...(await ids({ ...q, limit: 2, offset: 0 })).ids,
          ...(await ids({ ...q, limit: 2, offset: 2 })).ids,
          ...(await ids({ ...q, limit: 2, offset: 4 })).ids,
        ];
        expect(pages).toEqual(['d', 'e', 'a', 'b', 'g', 'c']);
      });

      test('the items are the stored applications (without their events)', async () => {
        const res = await store.listApplications({ providers: ['p3'], limit: 10, offset: 0 });
        expect(res.items).toEqual([inboxRows[4], inboxRows[6]]);
      });

      test('an instant bound that is not ISO is a coded error', async () => {
        await expect(store.listApplications({ dueBefore: 'tomorrow', limit: 5, offset: 0 })).rejects.toMatchObject({
          problem: { code: 'store.invalid-instant' },
        });
      });
    });

    describe('inbox search and assignment', () => {
      const subject = (applicantName: string | null, applicantId: string | null, object: string[] | null) => ({
        applicantName,
        applicantId,
        object: object && { kk: object[0], ru: object[1], en: object[2] },
      });
      const rows = [
        app('s1', {
          number: 'GKNPZH-CPD-2026-000123',
          provider: 'p1',
          dueAt: '2024-02-20T10:00:00+05:00',
          summary: subject('Сейітова Айгүл Маратқызы', '920715401231', [
            'Астана қ., Қабанбай батыр даңғылы, 11',
            'г. Астана, пр. Кабанбай батыра, 11',
            'Astana, Kabanbay Batyr Ave 11',
          ]),
          assigneeId: 'off-1',
        }),
        app('s2', {
          number: 'GKNPZH-CPD-2026-000124',
          provider: 'p1',
          dueAt: '2024-02-21T18:30:00+05:00',
          summary: subject('ӘБІЛҰЛЫ Ерлан', '850101300456', [
            'Пәтер, 20-321-001-124',
            'Квартира, 20-321-001-124',
            'Flat, 20-321-001-124',
          ]),
        }),
        app('s3', {
          number: 'AKIMAT-HPC-2026-000023',
          provider: 'p2',
          status: 'in-progress',
          dueAt: '2024-02-25T18:30:00+05:00',
          summary: subject('Ольга Ёлкина', null, null),
          assigneeId: 'off-2',
        }),
        // Stored before numbers and summaries were kept.
        app('s4', { provider: 'p2', dueAt: null }),
      ];
      let store: Store;
      beforeEach(async () => {
        store = await open();
        for (const r of rows) await store.insertApplication(r, [event(r.id, 1)], [], []);
      });
      const ids = async (q: Partial<ApplicationQuery>) =>
        (await store.listApplications({ limit: 100, offset: 0, ...q })).items.map((i) => i.id);

      test('summary and assignee are kept and read back; an application without them reads back without them', async () => {
        expect(await store.getApplication('s1')).toEqual(rows[0]);
        const old = await store.getApplication('s4');
        expect(old).toEqual(rows[3]);
        expect(old && ('summary' in old || 'assigneeId' in old)).toBe(false);
      });

      test.each([
        ['a number whole, in any case', 'gknpzh-cpd-2026-000124', ['s2']],
        ['a number by its last digits', '000123', ['s1']],
        ['a tail several numbers share, in inbox order', '23', ['s1', 's3']],
        ['a tail with the year', '2026-000023', ['s3']],
        ['digits with hyphens: part of the object too (a cadastral number)', '001-124', ['s2']],
        ['a cadastral number whole', '20-321-001-124', ['s2']],
        ['an IIN, exactly', '920715401231', ['s1']],
        ['12 digits that are nobody’s IIN', '920715401232', []],
        ['part of a name, another case (Kazakh letters)', 'АЙГҮЛ', ['s1']],
        ['part of a name in capitals, typed in lower case', 'әбіл', ['s2']],
        ['ё and е are one letter', 'елкина', ['s3']],
        ['part of the object, in Russian', 'кварт', ['s2']],
        ['part of the object, in Kazakh', 'қабанбай', ['s1']],
        ['a LIKE wildcard is a plain character', '%', []],
        ['spaces around are ignored', '  айгүл  ', ['s1']],
      ])('search: %s', async (_name, search, expected) => {
        expect(await ids({ search })).toEqual(expected);
      });

      test('search within providers and statuses, and with a count', async () => {
        expect(await ids({ providers: ['p2'], search: '23' })).toEqual(['s3']);
        expect(await ids({ providers: ['p1', 'p2'], status: ['registered', 'in-progress'], search: 'айгүл' })).toEqual([
          's1',
        ]);
        expect(await ids({ providers: ['p1', 'p2'], status: ['registered', 'in-progress'], search: '23' })).toEqual([
          's1',
          's3',
        ]);
        const res = await store.listApplications({ search: '2026', limit: 1, offset: 0 });
        expect(res).toMatchObject({ total: 0 });
        expect((await store.listApplications({ search: '0001', limit: 1, offset: 0 })).total).toBe(0);
        expect((await store.listApplications({ search: '12', limit: 1, offset: 0 })).total).toBe(0);
        expect((await store.listApplications({ search: '4', limit: 1, offset: 0 })).total).toBe(1);
      });

      test('a tail ends numbers past a million too, however many numbers a short tail ends', async () => {
        // A sequence this large makes "23" end 100 000 possible sequences: the embedded store then compares the
        // numbers row by row rather than looking each sequence up (inboxSearch.ts tailSequences); same answers.
        const s5 = app('s5', { number: 'AKIMAT-HPC-2026-9999923', provider: 'p2', dueAt: '2024-03-01T18:30:00+05:00' });
        await store.insertApplication(s5, [event('s5', 1)], [], []);
        expect(await ids({ search: '23' })).toEqual(['s1', 's3', 's5']);
        expect(await ids({ search: '0023' })).toEqual(['s3']);
        expect(await ids({ search: '99923' })).toEqual(['s5']);
        expect(await ids({ search: 'hpc-2026-9999923' })).toEqual(['s5']);
        expect(await ids({ providers: ['p1'], search: '23' })).toEqual(['s1']);
      });

      test('assignee: one officer’s, or nobody’s (applications stored before assignment included)', async () => {
        expect(await ids({ assignee: 'off-1' })).toEqual(['s1']);
        expect(await ids({ assignee: null })).toEqual(['s2', 's4']);
        expect(await ids({ providers: ['p1', 'p2'], status: ['registered', 'in-progress'], assignee: null })).toEqual([
          's2',
          's4',
        ]);
        expect(await ids({ assignee: 'off-2', search: 'ольга' })).toEqual(['s3']);
        expect(await ids({ assignee: 'off-1', search: '000124' })).toEqual([]);
      });

      test('due today: open applications due before the end of the day (overdue ones included)', async () => {
        // The end of 21 February 2024 in Asia/Almaty (UTC+6 then): s2 is due at 18:30 that day, s1 the day before.
        expect(await ids({ overdueAt: '2024-02-22T00:00:00+06:00' })).toEqual(['s1', 's2']);
        expect(await ids({ overdueAt: '2024-02-21T00:00:00+06:00' })).toEqual(['s1']);
      });

      test('an update assigns and releases; the number and the summary stay searchable', async () => {
        const s2 = (await store.getApplication('s2'))!;
        expect(await store.updateApplication({ ...s2, assigneeId: 'off-9' }, s2.rev, [], [], [])).toBe(true);
        expect(await ids({ assignee: 'off-9' })).toEqual(['s2']);
        expect(await ids({ assignee: null })).toEqual(['s4']);
        expect(await ids({ search: '000124' })).toEqual(['s2']);
        expect(await ids({ search: 'квартира' })).toEqual(['s2']);
        const taken = (await store.getApplication('s2'))!;
        expect(taken.assigneeId).toBe('off-9');
        expect(await store.updateApplication({ ...taken, assigneeId: null }, taken.rev, [], [], [])).toBe(true);
        expect(await ids({ assignee: null })).toEqual(['s2', 's4']);
        expect('assigneeId' in (await store.getApplication('s2'))!).toBe(false);
      });

      test('a copy keeps summary and assignee, and the copy searches them', async () => {
        const target = await open(await freshPlace());
        await target.importRecords(store.exportRecords());
        expect(await target.getApplication('s1')).toEqual(rows[0]);
        const found = await target.listApplications({ search: 'айгүл', assignee: 'off-1', limit: 5, offset: 0 });
        expect(found.items.map((i) => i.id)).toEqual(['s1']);
        expect((await target.listApplications({ search: '000023', limit: 5, offset: 0 })).total).toBe(1);
      });

      test('the officers of a provider: officers whose providers hold it or "*"', async () => {
        const person = (id: string, name: string, over: Partial<StoredUser>) => ({
          ...user(id, id),
          displayName: name,
          ...over,
        });
        await store.createUser(person('o1', 'Бекова Сая', { providers: ['p1'] }));
        await store.createUser(person('o2', 'Әлиев Асан', { providers: ['*'] }));
        await store.createUser(person('o3', 'Жанов Нұр', { providers: ['p2'] }));
        await store.createUser(person('a1', 'Өтініш Беруші', { roles: ['applicant'], providers: [] }));
        await store.createUser(person('ad', 'Админ', { roles: ['admin'], providers: ['*'] }));
        const ids = async (provider: string) => (await store.listOfficers(provider)).map((u) => u.id).sort();
        expect(await ids('p1')).toEqual(['o1', 'o2']);
        expect(await ids('p2')).toEqual(['o2', 'o3']);
        expect(await store.listOfficers('p1')).toContainEqual(person('o1', 'Бекова Сая', { providers: ['p1'] }));
      });
    });

    test('bulk insert: past COUNT_CAP matches the total is a lower bound, and says so', async () => {
      const store = await open();
      const n = COUNT_CAP + 200;
      const batch = 2_000;
      for (let from = 0; from < n; from += batch) {
        const apps = [];
        for (let i = from; i < Math.min(n, from + batch); i++)
          apps.push(
            app(`syn-${i}`, {
              provider: `prov-${i % 4}`,
              dueAt: new Date(Date.UTC(2025, 2, 3) + (i % 997) * 3_600_000).toISOString(),
            }),
          );
        await store.bulkInsertApplications(apps);
      }
      const all = await store.listApplications({ limit: 5, offset: 0 });
      expect(all).toMatchObject({ total: COUNT_CAP, totalExact: false });
      expect(all.items).toHaveLength(5);
      const one = await store.listApplications({ providers: ['prov-3'], limit: 3000, offset: 0 });
      expect(one).toMatchObject({ total: n / 4, totalExact: true });
      const due = one.items.map((i) => Date.parse(i.dueAt as string));
      expect(due).toEqual([...due].sort((a, b) => a - b));
      expect(await store.getApplication(`syn-${n - 1}`)).toMatchObject({ provider: `prov-${(n - 1) % 4}` });
    }, 120_000);

    describe('leases', () => {
      async function seedTimers(store: Store, n: number) {
        for (let i = 0; i < n; i++) {
          await store.insertApplication(
            app(`T${i}`, { nextTimerAt: `2025-03-03T${String(8 + (i % 4)).padStart(2, '0')}:00:00+05:00` }),
            [],
            [],
            [],
          );
        }
        await store.insertApplication(app('later', { nextTimerAt: '2025-03-10T09:00:00+05:00' }), [], [], []);
        await store.insertApplication(app('none', { nextTimerAt: null }), [], [], []);
      }

      test('two owners claim disjoint sets; only due rows are claimed; earliest first', async () => {
        const store = await open();
        await seedTimers(store, 10);
        const now = '2025-03-03T07:00:00Z'; // 12:00 Astana: every T* timer is due
        const one = await store.claimDueApplications(now, 'instance-1', 60_000, 6);
        const two = await store.claimDueApplications(now, 'instance-2', 60_000, 6);
        expect(one).toHaveLength(6);
        expect(two).toHaveLength(4);
        expect(one.filter((id) => two.includes(id))).toEqual([]);
        expect(new Set([...one, ...two])).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `T${i}`)));
        expect(one.slice(0, 3).every((id) => Number(id.slice(1)) % 4 === 0)).toBe(true); // 08:00 timers first
        expect(await store.claimDueApplications(now, 'instance-3', 60_000, 10)).toEqual([]);
      });

      test('two instances claiming at once never lease one timer twice', async () => {
        const a = await open();
        const b = await open();
        await seedTimers(a, 40);
        const now = '2025-03-03T07:00:00Z';
        const claims = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).claimDueApplications(now, `owner-${i}`, 60_000, 7)),
        );
        const all = claims.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(40);
      });

      test('an expired lease can be taken by another owner; a released one at once; only the holder releases', async () => {
        const store = await open();
        await seedTimers(store, 2);
        const t0 = Date.parse('2025-03-03T07:00:00Z');
        const at = (ms: number) => new Date(t0 + ms).toISOString();
        expect(await store.claimDueApplications(at(0), 'A', 30_000, 10)).toEqual(['T0', 'T1']);
        expect(await store.claimDueApplications(at(29_000), 'B', 30_000, 10)).toEqual([]);
        await store.releaseLease('T0', 'B'); // not B's: ignored
        expect(await store.claimDueApplications(at(29_500), 'B', 30_000, 10)).toEqual([]);
        await store.releaseLease('T0', 'A');
        expect(await store.claimDueApplications(at(29_500), 'B', 30_000, 10)).toEqual(['T0']);
        expect(await store.claimDueApplications(at(31_000), 'C', 30_000, 10)).toEqual(['T1']);
      });

      test('an update by the lease holder keeps the lease until released', async () => {
        const store = await open();
        await seedTimers(store, 1);
        const now = '2025-03-03T07:00:00Z';
        expect(await store.claimDueApplications(now, 'A', 60_000, 10)).toEqual(['T0']);
        expect(await store.updateApplication(app('T0', { rev: 1, nextTimerAt: now }), 0, [], [], [])).toBe(true);
        expect(await store.claimDueApplications(now, 'B', 60_000, 10)).toEqual([]);
      });
    });

    describe('webhooks', () => {
      test('deliveries: enqueue, claim due pending ones with leases, update ends the lease, list newest first', async () => {
        const store = await open();
        await store.createSubscription(sub('s1'));
        await store.enqueueDeliveries([
          delivery('d1'),
          delivery('d2'),
          delivery('d3', { nextAttemptAt: '2025-03-03T11:00:00+05:00' }),
          delivery('d4', { status: 'delivered' }),
          delivery('d5', { nextAttemptAt: null }),
        ]);
        const now = '2025-03-03T10:00:00+05:00';
        const first = await store.claimDueDeliveries(now, 'A', 60_000, 10);
        expect(first.map((x) => x.id).sort()).toEqual(['d1', 'd2', 'd5']);
        expect(first.find((x) => x.id === 'd1')).toEqual(delivery('d1'));
        expect(await store.claimDueDeliveries(now, 'B', 60_000, 10)).toEqual([]);
        await store.updateDelivery({
          ...delivery('d1'),
          attempts: 1,
          lastStatus: 500,
          lastError: 'HTTP 500',
          nextAttemptAt: '2025-03-03T10:00:00+05:00',
        });
        expect((await store.claimDueDeliveries(now, 'B', 60_000, 10)).map((x) => x.id)).toEqual(['d1']);
        // Two hours later every lease has run out and d3 is due too: everything pending goes to C.
        expect(
          (await store.claimDueDeliveries('2025-03-03T12:00:00+05:00', 'C', 60_000, 10)).map((x) => x.id).sort(),
        ).toEqual(['d1', 'd2', 'd3', 'd5']);
        const listed = await store.listDeliveries('s1', 10);
        expect(listed.map((x) => x.id)).toEqual(['d5', 'd4', 'd3', 'd2', 'd1']);
        expect(listed.find((x) => x.id === 'd1')).toMatchObject({
          attempts: 1,
          lastStatus: 500,
          lastError: 'HTTP 500',
        });
        expect(await store.listDeliveries('s1', 2)).toHaveLength(2);
      });

      test('a delivery enqueued again (a retry after a crash) is stored once, as first written', async () => {
        const store = await open();
        await store.createSubscription(sub('s1'));
        await store.enqueueDeliveries([delivery('d1')]);
        await store.enqueueDeliveries([delivery('d1', { payload: { again: true } }), delivery('d2')]);
        const listed = await store.listDeliveries('s1', 10);
        expect(listed.map((d) => d.id).sort()).toEqual(['d1', 'd2']);
        expect(listed.find((d) => d.id === 'd1')?.payload).toEqual({ applicationId: 'd1' });
      });

      test('create/update with deliveries writes both or neither (the outbox commits with the application)', async () => {
        const store = await open();
        await store.createSubscription(sub('s1'));
        const ids = async () => (await store.listDeliveries('s1', 10)).map((d) => d.id).sort();
        await store.insertApplication(app('A1'), [], [], [audit('application:A1', 'create')], [delivery('d1')]);
        expect(await ids()).toEqual(['d1']);
        expect((await store.listDeliveries('s1', 10))[0]).toEqual(delivery('d1'));
        // A second insert of the same id fails: its delivery is not written either.
        await expect(store.insertApplication(app('A1'), [], [], [], [delivery('d2')])).rejects.toBeDefined();
        expect(await ids()).toEqual(['d1']);
        // An update that loses the race on rev writes nothing, its delivery included.
        expect(await store.updateApplication(app('A1', { rev: 1 }), 5, [], [], [], [delivery('d3')])).toBe(false);
        expect(await ids()).toEqual(['d1']);
        expect(await store.updateApplication(app('A1', { rev: 1 }), 0, [], [], [], [delivery('d3')])).toBe(true);
        expect(await ids()).toEqual(['d1', 'd3']);
        // The same delivery id again (a retried write of the same revision) is stored once.
        expect(await store.updateApplication(app('A1', { rev: 2 }), 1, [], [], [], [delivery('d3')])).toBe(true);
        expect(await ids()).toEqual(['d1', 'd3']);
        const due = await store.claimDueDeliveries('2025-03-03T10:00:00+05:00', 'A', 60_000, 10);
        expect(due.map((d) => d.id).sort()).toEqual(['d1', 'd3']);
      });

      test('subscriptions round-trip, oldest first', async () => {
        const store = await open();
        const older = {
          ...sub('s1'),
          active: false,
          serviceId: 'housing-queue-registration',
          provider: null,
          createdAt: '2025-02-01T00:00:00Z',
        };
        await store.createSubscription(sub('s2'));
        await store.createSubscription(older);
        expect(await store.listSubscriptions()).toEqual([older, sub('s2')]);
      });
    });

    describe('users, sessions, audit, drafts, acts, meta', () => {
      test('users (unique usernames) and sessions round-trip', async () => {
        const store = await open();
        expect(await store.countUsers()).toBe(0);
        await store.createUser(user('u1', 'officer'));
        await store.createUser({ ...user('u2', 'applicant'), roles: ['applicant'], actorRoles: [], providers: [] });
        await expect(store.createUser(user('u3', 'officer'))).rejects.toMatchObject({
          problem: { kind: 'conflict', code: 'store.duplicate' },
        });
        expect(await store.countUsers()).toBe(2);
        expect(await store.getUser('u1')).toEqual(user('u1', 'officer'));
        expect(await store.getUser('u3')).toBeUndefined();
        expect((await store.getUserByUsername('applicant'))?.roles).toEqual(['applicant']);
        expect(await store.getUserByUsername('nobody')).toBeUndefined();
        await store.setPasswordHash('u1', 'scrypt$131072$8$1$c2FsdA==$aGFzaA==');
        expect(await store.getUser('u1')).toEqual({
          ...user('u1', 'officer'),
          passwordHash: 'scrypt$131072$8$1$c2FsdA==$aGFzaA==',
        });
        await store.setPasswordHash('u1', user('u1', 'officer').passwordHash);
        await store.createSession('hash1', 'u1', '2025-03-03T17:00:00+05:00');
        expect(await sessionOf(store, 'hash1')).toEqual({ userId: 'u1', expiresAt: '2025-03-03T17:00:00+05:00' });
        expect(await sessionOf(store, 'hash2')).toBeUndefined();
      });

      test('a session is read with its user, as getUser gives the user', async () => {
        const store = await open();
        const identity = { fullName: 'Сейітова Айгүл', iin: '920715401231' };
        await store.createUser({ ...user('u1', 'applicant'), identity });
        await store.createUser(user('u2', 'officer'));
        await store.createSession('hash1', 'u1', '2025-03-03T17:00:00+05:00', '2025-03-03T09:00:00+05:00');
        await store.createSession('hash2', 'u2', '2025-03-03T18:00:00+05:00');
        expect(await store.getSessionWithUser('hash1')).toEqual({
          session: { userId: 'u1', expiresAt: '2025-03-03T17:00:00+05:00', createdAt: '2025-03-03T09:00:00+05:00' },
          user: await store.getUser('u1'),
        });
        expect(await store.getSessionWithUser('hash2')).toEqual({
          session: { userId: 'u2', expiresAt: '2025-03-03T18:00:00+05:00' },
          user: await store.getUser('u2'),
        });
        expect((await store.getSessionWithUser('hash1'))?.session.createdAt).toBe('2025-03-03T09:00:00+05:00');
        expect('createdAt' in (await store.getSessionWithUser('hash2'))!.session).toBe(false);
        expect(await store.getSessionWithUser('nope')).toBeUndefined();
      });

      test("a user's identity round-trips, and a user without one reads back without one", async () => {
        const store = await open();
        const identity = {
          fullName: 'Сейітова Айгүл Маратқызы',
          iin: '920715401231',
          phone: '+7 701 234 56 78',
          email: 'aigul.seitova@example.kz',
        };
        await store.createUser({ ...user('u2', 'applicant'), identity });
        await store.createUser(user('u1', 'officer'));
        expect((await store.getUser('u2'))?.identity).toEqual(identity);
        expect((await store.getUserByUsername('applicant'))?.identity).toEqual(identity);
        expect(await store.getUser('u1')).toEqual(user('u1', 'officer'));
        expect('identity' in (await store.getUser('u1'))!).toBe(false);
      });

      test('a session made on one instance is found on another', async () => {
        const a = await open();
        const b = await open();
        await a.createUser(user('u1', 'officer'));
        await a.createSession('hash1', 'u1', '2025-03-03T17:00:00+05:00');
        expect(await sessionOf(b, 'hash1')).toEqual({ userId: 'u1', expiresAt: '2025-03-03T17:00:00+05:00' });
      });

      test('sessions: touched, revoked, pruned (expired first, then the oldest beyond the cap)', async () => {
        const store = await open();
        await store.createUser(user('u1', 'officer'));
        await store.createUser({ ...user('u2', 'applicant'), roles: ['applicant'], actorRoles: [], providers: [] });
        const at = (minute: number) => `2025-03-03T09:${String(minute).padStart(2, '0')}:00+05:00`;
        for (let i = 1; i <= 4; i++) await store.createSession(`s${i}`, 'u1', at(30 + i), at(i));
        await store.createSession('other', 'u2', at(50), at(0));
        expect(await sessionOf(store, 's1')).toEqual({ userId: 'u1', expiresAt: at(31), createdAt: at(1) });
        await store.touchSession('s1', at(45));
        expect(await sessionOf(store, 's1')).toEqual({ userId: 'u1', expiresAt: at(45), createdAt: at(1) });
        await store.touchSession('nope', at(45));
        expect(await sessionOf(store, 'nope')).toBeUndefined();
        await store.deleteSession('s4');
        await store.deleteSession('s4');
        expect(await sessionOf(store, 's4')).toBeUndefined();
        // At 09:32 s2 (expired 09:32) goes; of s1 and s3, the cap of 1 keeps the newest sign-in (s3).
        expect(await store.pruneSessions('u1', 1, at(32))).toBe(2);
        expect(await sessionOf(store, 's1')).toBeUndefined();
        expect(await sessionOf(store, 's2')).toBeUndefined();
        expect(await sessionOf(store, 's3')).toEqual({ userId: 'u1', expiresAt: at(33), createdAt: at(3) });
        // Another user's sessions are not capped by this one's prune.
        expect(await sessionOf(store, 'other')).toEqual({ userId: 'u2', expiresAt: at(50), createdAt: at(0) });
      });

      test('throttle: hits counted over a sliding window, across instances hitting at once; reset forgets', async () => {
        const a = await open();
        const b = await open();
        const t0 = Date.parse('2025-03-03T09:00:00Z');
        const window = 60_000;
        expect(await a.throttlePeek('acct:x', window, t0)).toEqual({ count: 0, resetAt: t0 });
        expect(await a.throttleHit('acct:x', window, t0)).toEqual({ count: 1, resetAt: t0 + window });
        const counts = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).throttleHit('acct:x', window, t0 + 1_000)),
        );
        // Every concurrent hit counted: each sees itself and the hits before it (racing ones maybe), the last all.
        expect(counts.every((c) => c.count >= 2 && c.count <= 11)).toBe(true);
        expect(Math.max(...counts.map((c) => c.count))).toBe(11);
        expect(await b.throttlePeek('acct:x', window, t0 + 1_000)).toEqual({ count: 11, resetAt: t0 + window });
        expect(await a.throttlePeek('acct:y', window, t0 + 1_000)).toEqual({ count: 0, resetAt: t0 + 1_000 });
        // The first hit leaves the window at t0 + 60 s, the others at t0 + 61 s.
        expect((await a.throttlePeek('acct:x', window, t0 + window)).count).toBe(10);
        expect(await a.throttleHit('acct:x', window, t0 + window + 1_000)).toEqual({
          count: 1,
          resetAt: t0 + 2 * window + 1_000,
        });
        await b.throttleReset('acct:x');
        expect((await a.throttlePeek('acct:x', window, t0 + window + 1_000)).count).toBe(0);
      });

      test('audit: listed newest first (order of writing), by subject or all', async () => {
        const store = await open();
        await store.appendAudit(audit('definition:x', 'publish', '2025-03-01T00:00:00Z'));
        await store.appendAudit(audit('user:u1', 'login', '2025-03-02T00:00:00Z'));
        await store.appendAudit(audit('definition:x', 'amend', '2025-03-03T00:00:00Z'));
        // Written later with an earlier instant (another instance's clock): order of writing still rules.
        await store.appendAudit(audit('definition:x', 'late', '2025-02-01T00:00:00Z'));
        expect((await store.listAudit('definition:x', 10)).map((a) => a.action)).toEqual(['late', 'amend', 'publish']);
        expect((await store.listAudit(null, 2)).map((a) => a.action)).toEqual(['late', 'amend']);
        expect(await store.listAudit('user:u1', 10)).toEqual([audit('user:u1', 'login', '2025-03-02T00:00:00Z')]);
      });

      test('audit: paged newest first through a cursor, by subject or by kinds of subject', async () => {
        const store = await open();
        for (const [subject, action] of [
          ['definition:x', 'publish'],
          ['application:a1', 'create'],
          ['act:moj-1', 'register'],
          ['definitions:y', 'not-a-definition'],
          ['definition:y', 'amend'],
        ])
          await store.appendAudit(audit(subject, action, '2025-03-01T00:00:00Z'));
        const first = await store.pageAudit({ limit: 2 });
        expect(first.items.map((a) => a.action)).toEqual(['amend', 'not-a-definition']);
        const second = await store.pageAudit({ limit: 2, cursor: first.next! });
        expect(second.items.map((a) => a.action)).toEqual(['register', 'create']);
        const last = await store.pageAudit({ limit: 2, cursor: second.next! });
        expect([last.items.map((a) => a.action), last.next]).toEqual([['publish'], null]);
        const kinds = await store.pageAudit({ limit: 10, subjectPrefixes: ['definition:', 'act:'] });
        expect(kinds.items.map((a) => a.action)).toEqual(['amend', 'register', 'publish']);
        const one = await store.pageAudit({ limit: 10, subject: 'application:a1', subjectPrefixes: ['definition:'] });
        expect(one.items).toEqual([]);
        await expect(store.pageAudit({ limit: 2, cursor: 'not-a-cursor' })).rejects.toMatchObject({
          problem: { code: 'request.cursor' },
        });
      });

      test('drafts: created once, updated only from the revision stored, every revision kept; list newest first', async () => {
        const store = await open();
        const first = draft();
        expect(await store.saveDraft(first, null)).toBe(true);
        // The id is taken: a second create is refused, not an overwrite.
        expect(await store.saveDraft({ ...first, note: 'again' }, null)).toBe(false);
        expect(await store.saveDraft(draft({ id: 'd2', note: 'other', updatedAt: '2025-03-02T00:00:00Z' }), null)).toBe(
          true,
        );
        const second = { ...first, rev: 2, note: 'second', savedBy: 'reviewer', updatedAt: '2025-03-03T00:00:00Z' };
        expect(await store.saveDraft(second, 1)).toBe(true);
        // Two analysts both editing revision 1: the second save finds revision 2 and is refused.
        expect(await store.saveDraft({ ...first, rev: 2, note: 'lost?' }, 1)).toBe(false);
        expect(await store.getDraft('svc', 'd1')).toEqual(second);
        expect((await store.listDraftRevisions('svc', 'd1')).map((d) => [d.rev, d.note])).toEqual([
          [1, 'first'],
          [2, 'second'],
        ]);
        // A save that keeps the revision (an approval of revision 2) replaces it, again only from the stored one.
        const approved = { ...second, approvals: [{ rev: 2, by: 'reviewer', at: '2025-03-04T00:00:00Z' }] };
        expect(await store.saveDraft(approved, 2)).toBe(true);
        expect(await store.saveDraft({ ...approved, note: 'stale' }, 1)).toBe(false);
        expect(await store.getDraft('svc', 'd1')).toEqual(approved);
        expect((await store.listDraftRevisions('svc', 'd1')).map((d) => d.approvals.length)).toEqual([0, 1]);
        expect(await store.getDraft('svc', 'zz')).toBeUndefined();
        expect((await store.listDrafts('svc')).map((d) => d.id)).toEqual(['d1', 'd2']);
        expect(await store.listDrafts('other')).toEqual([]);
      });

      test('acts entered through the API: saved, replaced by id (first author and date kept), listed by id', async () => {
        const store = await open();
        const act = { type: 'order', title: { kk: 'Бұйрық', ru: 'Приказ' }, status: 'in-force' };
        const at = (d: string) => ({ createdAt: d, updatedAt: d });
        await store.saveAct({ id: 'b', act, createdBy: 'u1', ...at('2026-12-01T00:00:00Z') });
        await store.saveAct({ id: 'a', act, createdBy: 'u1', ...at('2026-12-01T00:00:00Z') });
        await store.saveAct({ id: 'a', act: { ...act, number: '9' }, createdBy: 'u2', ...at('2026-12-02T00:00:00Z') });
        expect(await store.listActs()).toEqual([
          {
            id: 'a',
            act: { ...act, number: '9' },
            createdBy: 'u1',
            createdAt: '2026-12-01T00:00:00Z',
            updatedAt: '2026-12-02T00:00:00Z',
          },
          { id: 'b', act, createdBy: 'u1', ...at('2026-12-01T00:00:00Z') },
        ]);
      });

      test('numbered series: 1, 2, 3… per series, each number given once across instances asking at once', async () => {
        const a = await open();
        const b = await open();
        expect(await a.nextNumber('application-2026')).toBe(1);
        expect(await b.nextNumber('application-2026')).toBe(2);
        expect(await a.nextNumber('document-2026')).toBe(1);
        const taken = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).nextNumber('application-2026')),
        );
        expect([...taken].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
      });

      test('meta: set, replaced, read', async () => {
        const store = await open();
        expect(await store.getMeta('k')).toBeUndefined();
        await store.setMeta('k', 'one');
        await store.setMeta('k', 'two');
        expect(await store.getMeta('k')).toBe('two');
      });
    });

    test('export and import: a copy into an empty store holds the same records', async () => {
      const source = await open();
      await fillWithEveryKind(source);
      const target = await open(await freshPlace());
      const counts = await target.importRecords(source.exportRecords());
      const expected = await source.countRecords();
      expect(counts).toEqual(expected);
      expect(await target.countRecords()).toEqual(expected);
      expect(expected).toEqual({
        application: 2,
        user: 1,
        session: 1,
        audit: 3,
        subscription: 1,
        delivery: 2,
        act: 1,
        draft: 1,
        meta: 1,
        counter: 1,
      } satisfies Record<StoreRecordKind, number>);
      expect(await target.getApplication('A1')).toEqual(await source.getApplication('A1'));
      expect(await target.listEvents('A1')).toEqual(await source.listEvents('A1'));
      expect(await target.getDocument('A1', 'receipt', 'ru')).toEqual(doc('A1', 'receipt', 'ru'));
      expect(await target.listAudit(null, 10)).toEqual(await source.listAudit(null, 10));
      expect(await target.listDraftRevisions('svc', 'd1')).toEqual(await source.listDraftRevisions('svc', 'd1'));
      expect(await target.listDeliveries('s1', 10)).toEqual(await source.listDeliveries('s1', 10));
      expect(await sessionOf(target, 'hash1')).toEqual(await sessionOf(source, 'hash1'));
      expect(await target.getMeta('calendar')).toBe('fp-1');
      expect(await target.listActs()).toEqual(await source.listActs());
      expect(await collect(target.exportRecords())).toEqual(await collect(source.exportRecords()));
      // The copy goes on numbering where the source stopped.
      expect(await target.nextNumber('application-2026')).toBe(3);
    });

    test('a copy into a store that holds records is refused, and writes nothing', async () => {
      const source = await open();
      await fillWithEveryKind(source);
      const target = await open(await freshPlace());
      await target.setMeta('mine', 'x');
      await expect(target.importRecords(source.exportRecords())).rejects.toMatchObject({
        problem: { kind: 'conflict', code: 'store.not-empty' },
      });
      expect(await target.countRecords()).toMatchObject({ meta: 1, application: 0, user: 0 });
    });

    async function freshPlace(): Promise<StorePlace> {
      const p = await target.place();
      places.push(p);
      return p;
    }
  });
}

/** One or more records of every kind a store holds. */
export async function fillWithEveryKind(store: Store): Promise<void> {
  await store.createUser(user('u1', 'officer'));
  await store.createSession('hash1', 'u1', '2025-03-03T17:00:00+05:00');
  await store.insertApplication(
    app('A1', { nextTimerAt: '2025-03-04T09:00:00+05:00' }),
    [event('A1', 1), event('A1', 2)],
    [doc('A1', 'receipt', 'kk'), doc('A1', 'receipt', 'ru')],
    [audit('application:A1', 'create')],
  );
  await store.insertApplication(app('A2', { provider: 'p2' }), [event('A2', 1)], [], []);
  await store.appendAudit(audit('user:u1', 'login', '2025-03-02T00:00:00Z'));
  await store.appendAudit(audit('definition:x', 'publish', '2025-03-01T00:00:00Z'));
  await store.createSubscription(sub('s1'));
  await store.enqueueDeliveries([delivery('d1'), delivery('d2', { status: 'delivered' })]);
  await store.saveAct({
    id: 'order-9',
    act: { type: 'order', title: { kk: 'Бұйрық', ru: 'Приказ' }, status: 'in-force' },
    createdBy: 'u1',
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
  });
  await store.saveDraft(draft(), null);
  await store.saveDraft(draft({ rev: 2, note: 'second', updatedAt: '2025-03-03T00:00:00Z' }), 1);
  await store.setMeta('calendar', 'fp-1');
  await store.nextNumber('application-2026');
  await store.nextNumber('application-2026');
}

async function collect(records: AsyncIterable<StoreRecord>): Promise<StoreRecord[]> {
  const out: StoreRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}
