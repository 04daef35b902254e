import { EXAMPLE_ID } from '../definitions/exampleCopy';
import { serveExampleCopy } from './testServer';

/**
 * A document's wording edited in the workbench travels in the draft as text (`templates.ru: { text }`), not as a path
 * to a file the analyst cannot write: the draft checks, keeps the text, and its check renders the new wording.
 */

const example = serveExampleCopy(() => new Date('2026-12-07T10:00:00+05:00'));

test('a draft carries a wording as text: checked, kept as written, the base’s file still named for the other language', async () => {
  const drafts = `/admin/definitions/${EXAMPLE_ID}/drafts`;
  const draft = (
    await example.t.as('analyst', 'POST', drafts, {
      note: 'wording',
      legalRef: { act: 'moj-order-156-2013', paragraph: '11' },
    })
  ).body;
  const version = draft.materialised as { documents: Array<{ id: string; templates: Record<string, unknown> }> };
  const text = '<h1>Дубликат</h1><p>Заявитель: {{data.applicant.fullName}}</p>';
  version.documents[0].templates.ru = { text };
  const saved = await example.t.as('analyst', 'PUT', `${drafts}/${draft.id}`, { rev: draft.rev, version });
  expect(saved.status).toBe(200);
  const read = (await example.t.as('analyst', 'GET', `${drafts}/${draft.id}`)).body;
  const doc = read.materialised.documents[0];
  expect(doc.templates.ru).toEqual({ text });
  expect(typeof doc.templates.kk).toBe('string');
  const check = (await example.t.as('analyst', 'POST', `${drafts}/${draft.id}/check`)).body;
  expect(check.problems).toEqual([]);
  expect(JSON.stringify(check.changes)).toContain('/documents/0');

  // A wording that does not compile is a located problem of the draft, not a crash.
  version.documents[0].templates.ru = { text: '{{#each}}' };
  const broken = await example.t.as('analyst', 'PUT', `${drafts}/${draft.id}`, { rev: read.rev, version });
  expect(broken.status).toBe(200);
  const problems = (await example.t.as('analyst', 'POST', `${drafts}/${draft.id}/check`)).body.problems as Array<{
    pointer?: string;
  }>;
  expect(problems.length).toBeGreaterThan(0);
});
