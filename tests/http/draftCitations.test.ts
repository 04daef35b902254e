import { EXAMPLE_ID } from '../definitions/exampleCopy';
import { item, ORDER, order999Act, underArrest } from '../definitions/order999';
import { serveExampleCopy } from './testServer';

/**
 * The act item a draft's changes cite is chosen once and kept until changed (issue 14): the workbench sends the whole
 * version at every save, and a change made under p.1 sub. 1 keeps that citation after the analyst moves on to sub. 2;
 * the edits made after cite sub. 2.
 */

const example = serveExampleCopy(() => new Date('2026-12-07T10:00:00+05:00'));

test('a change keeps the item it was made under; later edits cite the item chosen since', async () => {
  expect((await example.t.as('analyst', 'POST', '/admin/acts', { id: ORDER, ...order999Act(null) })).status).toBe(201);
  const drafts = `/admin/definitions/${EXAMPLE_ID}/drafts`;
  const url = (id: string) => `${drafts}/${id}`;
  let draft = (await example.t.as('analyst', 'POST', drafts, { legalRef: item('1') })).body;
  const version = JSON.parse(JSON.stringify(draft.materialised));
  version.deadlines[0].cases[0].duration = '2 workingDays';
  draft = (await example.t.as('analyst', 'PUT', url(draft.id), { rev: draft.rev, version })).body;
  draft = (await example.t.as('analyst', 'PUT', url(draft.id), { rev: draft.rev, legalRef: item('2') })).body;
  version.refusalGrounds.push(underArrest);
  draft = (await example.t.as('analyst', 'PUT', url(draft.id), { rev: draft.rev, version })).body;
  const citations = (draft.definition.changes as Array<{ path: string; legalRef: unknown }>).map((c) => [
    c.path.split('/')[1],
    c.legalRef,
  ]);
  expect(citations).toHaveLength(2);
  expect(citations).toEqual(
    expect.arrayContaining([
      ['deadlines', item('1')],
      ['refusalGrounds', item('2')],
    ]),
  );
  // Editing the term again, under sub. 2, makes it a change of sub. 2.
  version.deadlines[0].cases[0].duration = '3 workingDays';
  draft = (await example.t.as('analyst', 'PUT', url(draft.id), { rev: draft.rev, version })).body;
  expect((draft.definition.changes as Array<{ legalRef: unknown }>).map((c) => c.legalRef)).toEqual([
    item('2'),
    item('2'),
  ]);
});
