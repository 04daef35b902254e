import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { REPO } from '../definitions/exampleCopy';
import { documentPaths, mismatchOf, type Method, type Operation } from './documentCheck';
import { startTestServer, type TestServer } from './testServer';

// Issue 16's fuzz run: ~2,000 requests generated (fast-check, a fixed seed) from the OpenAPI document against a real
// server (loopback, the store of the run, a copy of three services' definitions, the demo users): every operation,
// anonymous and as each demo role, path parameters valid or junk (broken percent-encoding, `constructor`,
// `__proto__`), query parameters, bodies from the schemas and broken ones (wrong types, deep nesting, huge arrays
// under the 1 MB limit, wrong content types and encodings). It holds when no answer is a 5xx, every error is
// problem+json whose status is the HTTP status, every answer is what the document declares, and no application is
// half written.

/** Fixed, so a run is repeatable; QYZMET_FUZZ_SEED explores another sample. */
const SEED = Number(process.env.QYZMET_FUZZ_SEED ?? 16);
const SERVICES = ['cadastral-passport-duplicate', 'housing-presence-certificate', 'housing-queue-registration'];
const REQUESTS = 2_000;
const clock = new Date('2026-03-03T10:00:00+05:00');
const ROLES = [null, 'applicant', 'officer', 'analyst', 'admin'] as const;
type Role = (typeof ROLES)[number];

interface Req {
  role: Role | 'junk-token';
  method: Method;
  template: string;
  path: string;
  query: string;
  body?: { text: string | Buffer; type?: string; encoding?: string };
}
interface Answer {
  status: number;
  type: string;
  text: string;
}

let t: TestServer;
let dir: string;
let startup = '';
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const tokens = new Map<Role, string>();

/** Sends the request as written (node:http, unlike fetch, neither resolves `..` nor re-encodes the path). */
function send(req: { method: string; path: string; headers: Record<string, string>; body?: string | Buffer }) {
  return new Promise<Answer>((ok, fail) => {
    const port = t.server.port;
    const r = request(
      { host: '127.0.0.1', port, path: req.path, method: req.method, headers: req.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', fail);
      },
    );
    r.on('error', fail);
    r.end(req.body);
  });
}

async function login(role: Exclude<Role, null>): Promise<string> {
  const answer = await send({
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: role, password: 'demo' }),
  });
  if (answer.status !== 200) throw new Error(`the demo user ${role} cannot sign in: ${answer.status} ${answer.text}`);
  return (JSON.parse(answer.text) as { token: string }).token;
}

async function call(req: Req): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (req.role === 'junk-token') headers.authorization = 'Bearer not-a-token';
  else if (req.role) headers.authorization = `Bearer ${tokens.get(req.role)}`;
  if (req.body?.type) headers['content-type'] = req.body.type;
  if (req.body?.encoding) headers['content-encoding'] = req.body.encoding;
  return send({
    method: req.method.toUpperCase(),
    path: `/api/v1${req.path}${req.query ? `?${req.query}` : ''}`,
    headers,
    body: req.body?.text,
  });
}

/** What the demo holds, to mix valid values among the junk. */
interface Known {
  services: string[];
  applications: string[];
  drafts: string[];
  acts: string[];
  webhooks: string[];
  versions: string[];
  events: string[];
  scenarios: Array<{ serviceId: string; file: string; at: string; data: unknown; events: unknown[] }>;
}

async function discover(): Promise<Known> {
  const get = async (role: Role, path: string) => {
    const a = await call({ role, method: 'get', template: path, path, query: '' });
    if (a.status !== 200) throw new Error(`GET ${path}: ${a.status} ${a.text.slice(0, 200)}`);
    return JSON.parse(a.text) as { items: Array<Record<string, unknown>> } & Record<string, unknown>;
  };
  const services = (await get(null, '/services')).items;
  const applications = (await get('admin', '/applications?limit=20')).items.map((a) => String(a.id));
  const draft = await call({
    role: 'analyst',
    method: 'post',
    template: '',
    path: `/admin/definitions/${services[0].id as string}/drafts`,
    query: '',
    body: { text: JSON.stringify({ note: 'fuzz' }), type: 'application/json' },
  });
  const hook = await call({
    role: 'admin',
    method: 'post',
    template: '',
    path: '/admin/webhooks',
    query: '',
    body: {
      text: JSON.stringify({ url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-16-chars' }),
      type: 'application/json',
    },
  });
  const scenarios = services.flatMap(({ id }) => {
    const folder = join(dir, 'definitions', 'services', String(id), 'scenarios');
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .slice(0, 4)
      .map((file) => ({
        serviceId: String(id),
        file,
        ...(JSON.parse(readFileSync(join(folder, file), 'utf8')) as { at: string; data: unknown; events: unknown[] }),
      }));
  });
  return {
    services: services.map((s) => String(s.id)),
    applications,
    drafts: [JSON.parse(draft.text).id as string],
    acts: (await get('analyst', '/admin/acts')).items.slice(0, 5).map((a) => String(a.id)),
    webhooks: [JSON.parse(hook.text).id as string],
    versions: services.flatMap((s) => (s.versions as Array<{ id: string }>).map((v) => v.id)),
    events: [...new Set(scenarios.flatMap((s) => s.events.map((e) => (e as { type: string }).type)))],
    scenarios,
  };
}

// Junk that broke, or could break, a naive server: prototype keys, broken or overlong percent-encoding, path tricks.
const PROTO = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const JUNK_SEGMENTS = [
  ...PROTO,
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%C0%AF',
  '%00',
  '%FF',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%9F',
  'x'.repeat(2_000),
  'null',
  '-1',
  '1e309',
  '0x1F',
];
const JUNK_VALUES = [
  ...PROTO,
  'garbage',
  '',
  '1',
  '-1',
  '1e309',
  'NaN',
  '2026-13-45T99:99:00Z',
  '%E0%A4%A',
  'x'.repeat(5_000),
  '2026-03-03T10:00:00+05:00',
  '2026-02-01',
];
const INSTANTS = [
  '2026-03-03T10:00:00+05:00',
  '2026-03-20T18:45:00+05:00',
  '2027-12-30T10:00:00+05:00',
  '2028-01-10T10:00:00+05:00',
  '2031-06-01T09:00:00+05:00',
  '1900-01-01T00:00:00Z',
  'garbage',
  '1',
  '2026-02-30',
];

/** Bodies a parser or validator must refuse without falling over: built once, chosen by the generator. */
function brokenBodies(): Array<Req['body']> {
  const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}1${close.repeat(depth)}`;
  const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const hugeArray = `{"serviceId":"x","data":{"items":[${new Array(300_000).fill('0').join(',')}]}}`;
  const manyKeys = `{${Array.from({ length: 40_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
  const json = 'application/json';
  return [
    { text: nested(70, '[', ']'), type: json },
    { text: nested(5_000, '[', ']'), type: json },
    { text: deepObject(6_000), type: json },
    { text: `{"data":${deepObject(200)},"serviceId":"x","at":"2026-03-03T10:00:00+05:00"}`, type: json },
    { text: hugeArray, type: json },
    { text: manyKeys, type: json },
    { text: `"${'x'.repeat(1_100_000)}"`, type: json },
    { text: '{"a":', type: json },
    { text: '{"a":1}}', type: json },
    { text: "{'a':1}", type: json },
    { text: 'NaN', type: json },
    { text: '\u0000', type: json },
    { text: '', type: json },
    { text: '{"a":1}', type: 'text/plain' },
    { text: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
    { text: '<a>1</a>', type: 'application/xml' },
    { text: '{"a":1}' },
    { text: '{"a":1}', type: 'application/json; charset=utf-16' },
    { text: '{"a":1}', type: json, encoding: 'gzip' },
    { text: '{"a":1}', type: json, encoding: 'deflate' },
    { text: '{"a":1}', type: json, encoding: 'br' },
    { text: '{"a":1}', type: json, encoding: 'compress' },
    { text: gzipSync('{"username":"applicant","password":"x"}'), type: json, encoding: 'gzip' },
    { text: gzipSync(Buffer.alloc(20_000_000, ' ')), type: json, encoding: 'gzip' },
  ];
}

/** A value for a body member, valid for the demo or close to it, by the member's name and then its schema. */
function member(name: string, schema: Record<string, unknown>, k: Known): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.constantFrom(...JUNK_VALUES), fc.jsonValue({ maxDepth: 2 }));
  const mixed = (...valid: unknown[]) =>
    fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 3 }, { arbitrary: junk, weight: 1 });
  const scenario = fc.constantFrom(...k.scenarios);
  switch (name) {
    case 'serviceId':
      return mixed(...k.services);
    case 'data':
      return fc.oneof(
        { arbitrary: scenario.map((s) => s.data), weight: 3 },
        {
          arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
          weight: 1,
        },
        { arbitrary: junk, weight: 1 },
      );
    case 'type':
      return mixed(...k.events, ...PROTO);
    case 'at':
    case 'effectiveFrom':
    case 'publishedOn':
    case 'expectedFrom':
      return mixed(...INSTANTS, '2026-04-01', '2027-01-01', '2026-01-01');
    case 'events':
      return fc.oneof(
        scenario.map((s) => s.events),
        fc.array(
          fc.record(
            {
              type: mixed(...k.events, ...PROTO),
              at: mixed(...INSTANTS),
              actor: mixed('operator', 'specialist', 'head', '__proto__'),
            },
            { requiredKeys: ['type'] },
          ),
          { maxLength: 6 },
        ),
        junk,
      );
    case 'rev':
      return mixed(1, 2, 3, 0, -1, 1.5, 2 ** 53);
    case 'calendarDays':
      return mixed(10, 0, -1, 1.5, 1e15, 1e308);
    case 'username':
      return mixed('applicant', 'no-such-user', '__proto__', 'constructor');
    case 'password':
      return mixed('demo', 'wrong');
    case 'url':
      return mixed(
        'http://127.0.0.1:9/hook',
        'http://169.254.169.254/latest',
        'ftp://x',
        'http://[::1]/',
        'https://example.kz/hook',
      );
    case 'secret':
      return mixed('a-secret-of-16-chars', 'short');
    case 'file':
      return mixed(...k.scenarios.map((s) => s.file), '../../../etc/passwd', '__proto__');
    default:
      return fromSchema(schema, k, junk);
  }
}

function fromSchema(schema: Record<string, unknown>, k: Known, junk: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const valid: fc.Arbitrary<unknown> = (() => {
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    switch (schema.type) {
      case 'object':
        return Object.keys(props).length
          ? fc.record(Object.fromEntries(Object.entries(props).map(([n, s]) => [n, member(n, s, k)])), {
              requiredKeys: (schema.required as string[] | undefined) ?? [],
            })
          : fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
      case 'array':
        return fc.array(fromSchema((schema.items ?? {}) as Record<string, unknown>, k, junk), { maxLength: 3 });
      case 'integer':
        return fc.integer({ min: -2, max: 600 });
      case 'boolean':
        return fc.boolean();
      case 'string':
        return fc.string({ maxLength: 20 });
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: junk, weight: 1 });
}

/** A path parameter: a valid id of the right kind, or junk (written into the path as is). */
function parameter(template: string, name: string, k: Known): fc.Arbitrary<string> {
  const valid = (() => {
    if (name === 'draftId') return k.drafts;
    if (name === 'documentId') return ['duplicate', 'refusal-notice', 'receipt'];
    if (name === 'year') return ['2026', '2027', '2028', '2031', '1900', '99999', '2026.5'];
    if (template.startsWith('/applications')) return k.applications;
    if (template.startsWith('/admin/acts')) return k.acts;
    if (template.startsWith('/admin/webhooks')) return k.webhooks;
    return k.services;
  })().map(encodeURIComponent);
  const junk = fc.oneof(
    fc.constantFrom(...JUNK_SEGMENTS),
    fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
  );
  return fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 3 }, { arbitrary: junk, weight: 2 });
}

/** The query: each declared parameter left out, valid or junk; sometimes one given twice or one undeclared. */
function queryOf(op: Operation, k: Known): fc.Arbitrary<string> {
  const declared = (op.parameters ?? []).filter((p) => p.in === 'query');
  const value = (name: string, schema: Record<string, unknown>): fc.Arbitrary<string> => {
    const valid = (() => {
      if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String);
      if (schema.type === 'integer') return ['0', '1', '5', '500', '501', '-1', '1.5', '1e3'];
      if (['from', 'to'].includes(name) && k.versions.length) return [...k.versions, ...INSTANTS];
      if (['at', 'dueBefore', 'from', 'before'].includes(name)) return INSTANTS;
      if (name === 'duration')
        return ['3 workingDays', '10 calendarDays', '2 hours', '1e15 calendarDays', '-3 workingDays', 'garbage'];
      if (name === 'status') return ['in-progress', 'in-progress,done', 'bogus', 'registered'];
      if (name === 'subject') return k.services.map((s) => `definition:${s}`);
      if (name === 'serviceId') return k.services;
      return ['1', 'x'];
    })();
    return fc.oneof(
      { arbitrary: fc.constantFrom(...valid).map(encodeURIComponent), weight: 3 },
      { arbitrary: fc.constantFrom(...JUNK_VALUES).map(encodeURIComponent), weight: 1 },
      { arbitrary: fc.constantFrom('%E0%A4%A', '%', '%ZZ'), weight: 1 },
    );
  };
  const parts = declared.map((p) =>
    fc.option(
      value(p.name, p.schema).map((v) => `${p.name}=${v}`),
      { nil: undefined, freq: 2 },
    ),
  );
  // Now and then a parameter given twice, one no route reads, or a prototype key.
  const extra = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 6 },
    {
      arbitrary: fc.constantFrom(
        '__proto__[x]=1',
        'constructor=1',
        'limit=1&limit=2',
        'lang=ru',
        'lang=__proto__',
        'a[b][c]=1',
      ),
      weight: 1,
    },
  );
  return fc
    .tuple(fc.tuple(...parts), extra)
    .map(([given, x]) => [...given, x].filter((p) => p !== undefined).join('&'));
}

const COSTLY = ['post /auth/login', 'post /auth/logout', 'patch /admin/acts/{id}', 'post /admin/acts'];

function requests(k: Known): Req[] {
  const broken = brokenBodies();
  const operations = Object.entries(documentPaths).flatMap(([template, ops]) =>
    (Object.entries(ops) as Array<[Method, Operation]>).map(([method, op]) => ({ template, method, op })),
  );
  // Every role calls every operation, those it may call more often, so that most requests get past the door.
  const roleFor = (template: string) => {
    const likely: Role[] = template.startsWith('/admin') ? ['analyst', 'admin'] : ['applicant', 'officer'];
    return fc.oneof(
      { arbitrary: fc.constantFrom<Role>(...ROLES), weight: 6 },
      { arbitrary: fc.constantFrom<Role>(...likely), weight: 6 },
      { arbitrary: fc.constant<'junk-token'>('junk-token'), weight: 1 },
    );
  };
  const requestOf = ({ template, method, op }: (typeof operations)[number]): fc.Arbitrary<Req> => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const path = fc
      .tuple(...names.map((n) => parameter(template, n, k)))
      .map((values) => template.replace(/\{(\w+)\}/g, () => values.shift()!));
    const schema = op.requestBody?.content['application/json']?.schema;
    const props = Object.keys((schema?.properties ?? {}) as object);
    // An application or a simulation of a real scenario: its service, data, arrival and events belong together.
    const scenario = fc.constantFrom(...k.scenarios).map((sc) => ({
      text: JSON.stringify(Object.fromEntries(Object.entries(sc).filter(([n]) => props.includes(n)))),
      type: 'application/json',
    }));
    const body: fc.Arbitrary<Req['body']> = schema
      ? fc.oneof(
          { arbitrary: scenario, weight: props.includes('data') && props.includes('serviceId') ? 4 : 1 },
          {
            arbitrary: member('', schema, k).map((v) => ({ text: JSON.stringify(v) ?? '', type: 'application/json' })),
            weight: 6,
          },
          { arbitrary: fc.constantFrom(...broken), weight: 2 },
          { arbitrary: fc.constant(undefined), weight: 1 },
        )
      : fc.constant(undefined);
    return fc.record({
      role: roleFor(template),
      method: fc.constant(method),
      template: fc.constant(template),
      path,
      query: queryOf(op, k),
      body,
    });
  };
  // A third as many calls of the operations that cost a password hash (or, after a sign-out, a new sign-in) or a
  // reload of the definitions each: the run stays within a minute and still calls each a few dozen times.
  const weighted = operations.map((o) => ({
    arbitrary: requestOf(o),
    weight: COSTLY.includes(`${o.method} ${o.template}`) ? 1 : 3,
  }));
  // First every operation once by every caller (anonymous and each role), whatever the draw; then the draw.
  const sweep = operations.flatMap((o, i) =>
    ROLES.map((role) => ({ ...fc.sample(requestOf(o), { seed: SEED + i, numRuns: 1 })[0], role })),
  );
  return [...sweep, ...fc.sample(fc.oneof(...weighted), { seed: SEED, numRuns: REQUESTS - sweep.length })];
}

beforeAll(async () => {
  // Drafts may be published: a copy of the definitions keeps the repository's untouched.
  dir = mkdtempSync(join(tmpdir(), 'qyzmet-fuzz-'));
  // Three services of different shapes (a duplicate, a certificate, a queue) keep the start short.
  cpSync(join(REPO, 'definitions'), join(dir, 'definitions'), {
    recursive: true,
    filter: (src) => !/[/\\]services[/\\]/.test(src) || SERVICES.some((s) => src.includes(s)),
  });
  const t0 = Date.now();
  t = await startTestServer({ definitionsRoot: join(dir, 'definitions'), now: () => clock });
  const t1 = Date.now();
  for (const r of ROLES) if (r) tokens.set(r, await login(r));
  startup = `server started in ${t1 - t0} ms, demo users signed in in ${Date.now() - t1} ms`;
}, 120_000);
afterAll(async () => {
  agent.destroy();
  await t?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every application, as the admin (every provider) sees them. */
async function allApplications(): Promise<Array<{ id: string; state: string }>> {
  const all: Array<{ id: string; state: string }> = [];
  for (let offset = 0; ; offset += 500) {
    const a = await call({
      role: 'admin',
      method: 'get',
      template: '',
      path: '/applications',
      query: `limit=500&offset=${offset}`,
    });
    const page = JSON.parse(a.text) as { items: Array<{ id: string; state: string }>; total: number };
    all.push(...page.items);
    if (page.items.length < 500) return all;
  }
}

test(`${REQUESTS} generated requests: no 5xx, every error a problem, every answer as documented, nothing half written`, async () => {
  const k = await discover();
  const before = (await allApplications()).length;
  const generated = requests(k);
  // The server logs each 5xx with its stack on stderr: keep those lines to report the causes.
  const logged: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (!/internal (error|problem)/.test(String(chunk))) return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    logged.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  const histogram = new Map<number, number>();
  const findings = new Map<string, { count: number; example: string }>();
  let submitted = 0;
  const spent = new Map<string, number>();
  const byOperation = new Map<string, Map<number, number>>();
  const counts = (m: Map<number, number>) =>
    [...m]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  const started = Date.now();
  try {
    for (const req of generated) {
      const sent = Date.now();
      const answer = await call(req);
      const op = `${req.method} ${req.template}`;
      spent.set(op, (spent.get(op) ?? 0) + Date.now() - sent);
      const ofOp = byOperation.get(op) ?? new Map<number, number>();
      byOperation.set(op, ofOp.set(answer.status, (ofOp.get(answer.status) ?? 0) + 1));
      histogram.set(answer.status, (histogram.get(answer.status) ?? 0) + 1);
      if (req.template === '/applications' && req.method === 'post' && answer.status === 201) submitted++;
      // A signed-out role signs in again, so the rest of the run is not all 401s.
      if (req.template === '/auth/logout' && answer.status < 300 && req.role && req.role !== 'junk-token')
        tokens.set(req.role, await login(req.role).catch(() => tokens.get(req.role as Role)!));
      const mismatch = mismatchOf({
        method: req.method,
        path: `${req.path}${req.query ? `?${req.query}` : ''}`,
        status: answer.status,
        type: answer.type,
        text: answer.text,
      });
      if (mismatch) {
        const key = `${req.method} ${req.template} → ${answer.status}${answer.status >= 500 ? '' : `: ${mismatch.replace(/^.*?→ \d+ \S*: /, '').slice(0, 80)}`}`;
        const seen = findings.get(key) ?? { count: 0, example: `${req.role ?? 'anonymous'} ${mismatch.slice(0, 400)}` };
        findings.set(key, { ...seen, count: seen.count + 1 });
      }
    }
  } finally {
    process.stderr.write = write;
  }
  const seconds = (Date.now() - started) / 1000;
  const serverErrors = [...histogram].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  console.log(
    [
      startup,
      `fuzz: ${generated.length} requests in ${seconds.toFixed(1)} s (seed ${SEED}), ${serverErrors} 5xx`,
      `slowest operations (total ms): ${[...spent]
        .sort(([, a], [, b]) => b - a)
        .slice(0, 12)
        .map(([op, ms]) => `${op} ${ms}`)
        .join(', ')}`,
      `statuses: ${counts(histogram)}`,
      `by operation:\n${[...byOperation].map(([op, m]) => `  ${op}: ${counts(m)}`).join('\n')}`,
      ...[...findings].map(([key, f]) => `  ${f.count}× ${key}\n      ${f.example}`),
      ...(logged.length
        ? ['server log of the 5xx (first of each):', ...new Set(logged.map((l) => l.slice(0, 1_500)))].slice(0, 30)
        : []),
    ].join('\n'),
  );

  // Nothing half written: the applications are those there were plus those acknowledged with 201, and each reads
  // back with an unbroken chain of events from registration to its state.
  const after = await allApplications();
  const broken: string[] = [];
  let chainedEvents = 0;
  for (const app of after) {
    const one = await call({ role: 'admin', method: 'get', template: '', path: `/applications/${app.id}`, query: '' });
    const events = await call({
      role: 'admin',
      method: 'get',
      template: '',
      path: `/applications/${app.id}/events`,
      query: '',
    });
    if (one.status !== 200 || events.status !== 200) {
      broken.push(`${app.id}: ${one.status}/${events.status}`);
      continue;
    }
    const items = (JSON.parse(events.text) as { items: Array<{ seq: number; fromState: string; toState: string }> })
      .items;
    const chained = items.every(
      (e, i) => e.seq === (items[0]?.seq ?? 0) + i && (i === 0 || e.fromState === items[i - 1].toState),
    );
    if (!chained || (items.length && items[items.length - 1].toState !== app.state))
      broken.push(`${app.id}: events do not replay to its state ${app.state}`);
    chainedEvents += items.length;
  }
  console.log(
    `stored: ${before} applications before, ${submitted} acknowledged (201), ${after.length} after; ` +
      `${after.length} read back, ${chainedEvents} events chained, ${broken.length} broken`,
  );
  expect({ serverErrors, findings: [...findings.keys()], broken, after: after.length }).toEqual({
    after: before + submitted,
    serverErrors: 0,
    findings: [],
    broken: [],
  });
}, 240_000);
