import { mismatchOf, templateOf, type Answer } from './documentCheck';

// The checker every HTTP suite's as() runs: it must accept what the document declares and name what it does not.
const problem = (status: number, code = 'x') =>
  JSON.stringify({ type: `https://qyzmet.kz/problems/${code}`, title: 'T', status, code });
const answer = (over: Partial<Answer>): Answer => ({
  method: 'get',
  path: '/services',
  status: 200,
  type: 'application/json; charset=utf-8',
  text: JSON.stringify({ items: [] }),
  ...over,
});

test.each([
  ['/services/abc', '/services/{id}'],
  ['/services/abc/', '/services/{id}'],
  ['/services/abc/versions?x=1', '/services/{id}/versions'],
  ['/admin/acts/a/clauses', '/admin/acts/{id}/clauses'],
  ['/admin/definitions/a/drafts/b/scenarios/accept', '/admin/definitions/{id}/drafts/{draftId}/scenarios/accept'],
  ['/services//versions', undefined],
  ['/nowhere', undefined],
])('%s falls under %s', (path, template) => {
  expect(templateOf(path)).toBe(template);
});

test.each<[string, Partial<Answer>, RegExp | undefined]>([
  ['a documented answer', {}, undefined],
  ['a body that breaks the schema', { text: JSON.stringify({ items: 1 }) }, /must be array/],
  ['an undocumented status', { status: 409, type: 'application/problem+json', text: problem(409) }, /not documented/],
  ['a server error', { status: 500, type: 'application/problem+json', text: problem(500) }, /server error/],
  ['an error that is not a problem', { status: 404, text: '{}' }, /not problem\+json/],
  ['a problem whose status lies', { status: 404, type: 'application/problem+json', text: problem(400) }, /HTTP status/],
  ['an answer that is not JSON', { text: '<html>' }, /not JSON/],
  ['an undocumented path', { path: '/nowhere', text: '{}' }, /not in the document/],
  [
    'the API\'s "no endpoint" on an undocumented path',
    { path: '/nowhere', status: 404, type: 'application/problem+json', text: problem(404, 'route.unknown') },
    undefined,
  ],
  [
    'a refusal before routing on an undocumented path',
    { path: '/nowhere', status: 401, type: 'application/problem+json', text: problem(401) },
    undefined,
  ],
  [
    'an empty 204 declared without content',
    { method: 'post', path: '/auth/logout', status: 204, type: '', text: '' },
    undefined,
  ],
])('%s', (_name, over, expected) => {
  const mismatch = mismatchOf(answer(over));
  if (expected) expect(mismatch).toMatch(expected);
  else expect(mismatch).toBeUndefined();
});
