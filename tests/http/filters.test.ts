import { startTestServer, type TestServer } from './testServer';

/**
 * The inbox's saved filters (C4: GET/PUT /api/v1/me/filters) over real HTTP with a real store: kept per user, at
 * most 20, a bad body refused with each mistake located by its JSON pointer, and one user never sees another's.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ now: () => new Date('2026-03-03T10:00:00+05:00') });
}, 90_000);
afterAll(() => t?.server.close());

const filter = (i: number) => ({
  id: `f${i}`,
  name: `Менің жұмысым ${i}`,
  query: { assignee: 'me', due: 'overdue', q: '900101300017', status: 'registered,in-progress' },
});

test('a new user has no saved filters; signed out, the filters are not there to read', async () => {
  expect((await t.as('officer', 'GET', '/me/filters')).body).toEqual({ items: [] });
  expect((await t.as(null, 'GET', '/me/filters')).status).toBe(401);
  expect((await t.as(null, 'PUT', '/me/filters', { items: [] })).status).toBe(401);
});

test('PUT replaces the list, GET reads it back as saved; another user sees none of them', async () => {
  const put = await t.as('officer', 'PUT', '/me/filters', { items: [filter(1), filter(2)] });
  expect(put.status).toBe(200);
  expect(put.body.items.map((f: { id: string }) => f.id)).toEqual(['f1', 'f2']);
  const read = await t.as('officer', 'GET', '/me/filters');
  expect(read.body.items).toEqual([filter(1), filter(2)]);
  // Another user (the admin, who also works the inbox) has a list of their own: empty.
  expect((await t.as('admin', 'GET', '/me/filters')).body).toEqual({ items: [] });
  await t.as('admin', 'PUT', '/me/filters', { items: [{ id: 'a', name: 'Бос', query: { assignee: 'none' } }] });
  expect((await t.as('officer', 'GET', '/me/filters')).body.items.map((f: { id: string }) => f.id)).toEqual([
    'f1',
    'f2',
  ]);
  // Deleting is saving the list without it.
  await t.as('officer', 'PUT', '/me/filters', { items: [filter(2)] });
  expect((await t.as('officer', 'GET', '/me/filters')).body.items).toEqual([filter(2)]);
  expect((await t.as('admin', 'GET', '/me/filters')).body.items).toEqual([
    { id: 'a', name: 'Бос', query: { assignee: 'none' } },
  ]);
});

test('twenty filters are kept, a twenty-first is refused and the saved list stays as it was', async () => {
  const twenty = Array.from({ length: 20 }, (_, i) => filter(i));
  expect((await t.as('analyst', 'PUT', '/me/filters', { items: twenty })).status).toBe(200);
  const more = await t.as('analyst', 'PUT', '/me/filters', { items: [...twenty, filter(20)] });
  expect(more.status).toBe(400);
  expect(more.body.code).toBe('filters.invalid');
  expect(more.body.errors).toEqual([expect.objectContaining({ pointer: '/items', code: 'maxItems' })]);
  expect((await t.as('analyst', 'GET', '/me/filters')).body.items).toHaveLength(20);
});

test('a bad body is a 400 with each mistake located by its pointer, in Kazakh and Russian too', async () => {
  const bad = await t.as('reviewer', 'PUT', '/me/filters', {
    items: [
      { id: 'x', name: '', query: {} },
      { id: 'y', name: 'ж'.repeat(81), query: { due: 'tomorrow', colour: 'red', q: 7 } },
      { id: 'x', name: 'Қайталанған', query: [] },
    ],
  });
  expect(bad.status).toBe(400);
  const at = Object.fromEntries(bad.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]));
  expect(at).toEqual({
    '/items/0/name': 'length',
    '/items/1/name': 'length',
    '/items/1/query/due': 'enum',
    '/items/1/query/colour': 'additionalProperties',
    '/items/1/query/q': 'type',
    '/items/2/id': 'unique',
    '/items/2/query': 'type',
  });
  expect(bad.body.errors[0].messages.kk).toContain('таңба');
  expect(bad.body.errors[0].messages.ru).toContain('знаков');
  expect((await t.as('reviewer', 'PUT', '/me/filters', { filters: [] })).body.errors).toEqual([
    expect.objectContaining({ pointer: '/items', code: 'type' }),
  ]);
  // Nothing of the refused bodies was kept.
  expect((await t.as('reviewer', 'GET', '/me/filters')).body).toEqual({ items: [] });
  // A name of exactly 80 characters is fine; surrounding spaces are trimmed.
  const ok = await t.as('reviewer', 'PUT', '/me/filters', {
    items: [{ id: 'z', name: ` ${'ж'.repeat(80)} `, query: { due: 'today' } }],
  });
  expect(ok.status).toBe(200);
  expect(ok.body.items[0].name).toBe('ж'.repeat(80));
});
