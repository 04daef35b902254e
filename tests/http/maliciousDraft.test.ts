import { symlinkSync } from 'node:fs';
import { EXAMPLE_ID } from '../definitions/exampleCopy';
import { serveExampleCopy } from './testServer';

/**
 * Drafts are untrusted input (issue 16): a template path leading out of the definitions is refused with a located
 * error and nothing outside is ever read or quoted; a draft whose check is slow or huge is checked in a worker thread
 * with a time budget, so `/health` keeps answering while it runs.
 */

const example = serveExampleCopy(() => new Date('2026-12-07T10:00:00+05:00'));
const drafts = `/admin/definitions/${EXAMPLE_ID}/drafts`;

/** Text of files the definitions must never leak (their first bytes, as a check once quoted them). */
const SECRETS = [/root:.*:0:0:/, /PATH=/, /startServer/];

function leaksNothing(body: unknown): void {
  const text = JSON.stringify(body);
  for (const s of SECRETS) expect(text).not.toMatch(s);
}

interface Timed<T> {
  result: T;
  /** The slowest /health answer measured while `work` ran, in ms. */
  slowestHealth: number;
  healthCalls: number;
}

/** Runs `work` while asking /health every 20 ms; the slowest answer says whether the event loop stayed free. */
async function whileHealthAnswers<T>(label: string, work: () => Promise<T>): Promise<Timed<T>> {
  const health = example.t.api.replace(/\/api\/v1$/, '/health');
  let done = false;
  let slowestHealth = 0;
  let healthCalls = 0;
  const probe = (async () => {
    while (!done) {
      const start = performance.now();
      const res = await fetch(health);
      await res.text();
      slowestHealth = Math.max(slowestHealth, performance.now() - start);
      healthCalls++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work().finally(() => {
    done = true;
  });
  await probe;
  console.log(`${label}: slowest /health ${slowestHealth.toFixed(1)} ms over ${healthCalls} calls`);
  return { result, slowestHealth, healthCalls };
}

async function newDraft(): Promise<{ id: string; rev: number; version: any }> {
  const created = await example.t.as('analyst', 'POST', drafts, {
    note: 'malicious',
    legalRef: { act: 'moj-order-156-2013', paragraph: '11' },
  });
  expect(created.status).toBe(201);
  return { id: created.body.id, rev: created.body.rev, version: created.body.materialised };
}

/** Saves a whole version naming `path` as the Russian template of the first document. */
async function saveTemplatePath(path: string) {
  const d = await newDraft();
  d.version.documents[0].templates.ru = path;
  return example.t.as('analyst', 'PUT', `${drafts}/${d.id}`, { rev: d.rev, version: d.version });
}

describe('a template path outside the definitions is refused, located, and nothing outside is read', () => {
  test.each([
    ['an absolute path', '/etc/passwd'],
    ['/proc/self/environ', '/proc/self/environ'],
    ['a path climbing out', '../../../runtime/src/server.ts'],
    ['a path climbing far out', '../../../../../../../../../../../etc/passwd'],
  ])('%s', async (_label, path) => {
    const res = await saveTemplatePath(path);
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.code).toBe('definition.pathOutside');
    expect(res.body.location.file).toMatch(/^draft:/);
    // Located in the draft as stored: the whole version sent became a change of the base's document.
    expect(res.body.location.pointer).toBe('/changes/0/value/templates/ru');
    expect(res.body.errors[0].pointer).toBe('/changes/0/value/templates/ru');
    leaksNothing(res.body);
  });

  test('a symlink in the service folder that points outside', async () => {
    symlinkSync('/etc/passwd', example.copy.path(`services/${EXAMPLE_ID}/templates/innocent.ru.hbs`));
    const res = await saveTemplatePath('../templates/innocent.ru.hbs');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('definition.pathOutside');
    leaksNothing(res.body);
    // Nor does the workbench's copy of the service's files follow it.
    const files = await example.t.as('analyst', 'GET', `/admin/definitions/${EXAMPLE_ID}/files`);
    expect(files.status).toBe(200);
    expect(Object.keys(files.body.files).some((f) => f.includes('innocent'))).toBe(false);
    leaksNothing(files.body);
  });

  test('a template file inside the service folder is still accepted', async () => {
    const d = await newDraft();
    const res = await example.t.as('analyst', 'PUT', `${drafts}/${d.id}`, { rev: d.rev, version: d.version });
    expect(res.status).toBe(200);
  });
});

describe('a draft too big or too deep is refused before anything compiles it (by the API’s own request guards)', () => {
  test('nested 100 levels', async () => {
    const d = await newDraft();
    const deep = JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`);
    const res = await example.t.as('analyst', 'PUT', `${drafts}/${d.id}`, {
      rev: d.rev,
      note: 'deep',
      scenarios: [deep],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.tooDeep');
  });

  test('more changes than an amending order makes (each materialised on every read)', async () => {
    const d = await newDraft();
    const changes = Array.from({ length: 1001 }, (_, i) => ({
      op: 'add',
      path: `/machine/states/s${i}`,
      value: { status: 'registered' },
    }));
    const res = await example.t.as('analyst', 'PUT', `${drafts}/${d.id}`, { rev: d.rev, changes });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('draft.tooManyChanges');
    expect(res.body.errors[0].pointer).toBe('/changes/1000');
  });

  test('a 2 MB wording', async () => {
    const d = await newDraft();
    d.version.documents[0].templates.ru = { text: `<p>${'x'.repeat(2 * 1024 * 1024)}</p>` };
    const res = await example.t.as('analyst', 'PUT', `${drafts}/${d.id}`, { rev: d.rev, version: d.version });
    expect(res.status).toBe(413);
    expect(res.type).toContain('application/problem+json');
  });
});

/** What an analyst could send that once blocked or crashed the runtime (issue 16), as changes to the whole version. */
const SLOW_DRAFTS: Array<[string, (version: any) => void]> = [
  [
    'an `always` cycle a → b → a (refused)',
    (version) => {
      const states = version.machine.states;
      const step = (target: string) => ({ ...states.received, always: [{ ...states.received.always[0], target }] });
      states['loop-a'] = step('loop-b');
      states['loop-b'] = step('loop-a');
      states.received.always = [{ ...states.received.always[1], target: 'loop-a', guard: undefined }];
    },
  ],
  [
    'a ReDoS pattern ^(.+)+X$ (run in linear time)',
    (version) => {
      version.form.properties.applicant.properties.fullName.pattern = '^(.+)+X$';
    },
  ],
  [
    'an 8,000-property form (refused)',
    (version) => {
      const properties = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`p${i}`, { type: 'string' }]));
      version.form.properties.extra = { type: 'object', properties };
    },
  ],
  [
    'a huge template of 900 KB (refused)',
    (version) => {
      version.documents[0].templates.ru = { text: '<p>{{data.applicant.fullName}}</p>'.repeat(26_000) };
    },
  ],
];

describe('a draft that is slow to check is rejected or stopped while /health keeps answering', () => {
  const budget = process.env.QYZMET_DRAFT_CHECK_MS;
  beforeAll(() => {
    process.env.QYZMET_DRAFT_CHECK_MS = '8000';
  });
  afterAll(() => {
    if (budget === undefined) delete process.env.QYZMET_DRAFT_CHECK_MS;
    else process.env.QYZMET_DRAFT_CHECK_MS = budget;
  });

  test.each(SLOW_DRAFTS)('%s', async (label, change) => {
    const d = await newDraft();
    change(d.version);
    const saved = await example.t.as('analyst', 'PUT', `${drafts}/${d.id}`, { rev: d.rev, version: d.version });
    expect(saved.status).toBeLessThan(500);
    leaksNothing(saved.body);
    if (saved.status !== 200) return;
    const {
      result: check,
      slowestHealth,
      healthCalls,
    } = await whileHealthAnswers(label, () => example.t.as('analyst', 'POST', `${drafts}/${d.id}/check`));
    const codes = check.body.code ?? check.body.problems?.map((p: { code: string }) => p.code).join(', ');
    console.log(`${label}: check ${check.status} ${codes}`);
    expect([200, 422]).toContain(check.status);
    if (check.status === 422) expect(check.body.code).toMatch(/^draft\.check(Timeout|Failed)$/);
    // The engine refuses what it must not run; a pattern RE2 runs in linear time is an analyst's right.
    else if (label.endsWith('(refused)')) expect(check.body.problems.length).toBeGreaterThan(0);
    leaksNothing(check.body);
    // 100 ms is the aim; a loaded 2-core machine running the check beside it gets slack.
    expect(slowestHealth).toBeLessThan(1000);
    expect(healthCalls).toBeGreaterThan(0);
  });

  test('a check over its budget is stopped with a located 422, and the next check runs in a fresh worker', async () => {
    const d = await newDraft();
    process.env.QYZMET_DRAFT_CHECK_MS = '1';
    const stopped = await example.t.as('analyst', 'POST', `${drafts}/${d.id}/check`);
    process.env.QYZMET_DRAFT_CHECK_MS = '8000';
    expect(stopped.status).toBe(422);
    expect(stopped.type).toContain('application/problem+json');
    expect(stopped.body.code).toBe('draft.checkTimeout');
    expect(stopped.body.params).toMatchObject({ budgetMs: 1, part: expect.any(String) });
    const again = await example.t.as('analyst', 'POST', `${drafts}/${d.id}/check`);
    expect(again.status).toBe(200);
    expect(again.body.problems).toEqual([]);
  });

  test('a check whose worker runs out of memory is a 422, and the runtime lives on', async () => {
    const d = await newDraft();
    // Stop the worker (budget 1 ms), so the next one starts with a heap too small for anything.
    process.env.QYZMET_DRAFT_CHECK_MS = '1';
    await example.t.as('analyst', 'POST', `${drafts}/${d.id}/check`);
    process.env.QYZMET_DRAFT_CHECK_MS = '8000';
    process.env.QYZMET_DRAFT_CHECK_HEAP_MB = '4';
    const starved = await example.t.as('analyst', 'POST', `${drafts}/${d.id}/check`);
    delete process.env.QYZMET_DRAFT_CHECK_HEAP_MB;
    expect(starved.status).toBe(422);
    expect(starved.body.code).toBe('draft.checkFailed');
    expect((await example.t.as('analyst', 'POST', `${drafts}/${d.id}/check`)).status).toBe(200);
  });
});

describe('what a draft keeps as sent has the documented shape', () => {
  test.each([
    ['a legalRef without an act', { legalRef: {} }, '/legalRef'],
    ['a legalRef that is text', { legalRef: 'p. 11' }, '/legalRef'],
    ['a scenario without its file', { scenarios: [{ scenario: {} }] }, '/scenarios/0'],
    ['scenarios that are not a list', { scenarios: { file: 'x.json' } }, '/scenarios'],
  ])('%s is a 422 at its pointer', async (_label, body, pointer) => {
    const created = await example.t.as('analyst', 'POST', drafts, { note: 'shape', ...body });
    expect(created.status).toBe(422);
    expect(created.body.errors[0].pointer).toBe(pointer);
    const d = await newDraft();
    const saved = await example.t.as('analyst', 'PUT', `${drafts}/${d.id}`, { rev: d.rev, ...body });
    expect(saved.status).toBe(422);
    expect(saved.body.errors[0].pointer).toBe(pointer);
  });

  test.each(['valueOf', 'constructor', '__proto__', 'toString'])(
    'the act "%s" is unknown, not a property',
    async (id) => {
      for (const path of [`/admin/acts/${id}`, `/admin/acts/${id}/clauses`]) {
        const res = await example.t.as('analyst', 'GET', path);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('act.unknown');
      }
    },
  );
});
