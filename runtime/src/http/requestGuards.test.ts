import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { unsafeTextPointers } from '../applications/unsafeText';
import { exceedsDepth, inSequence, isIsoInstant, MAX_JSON_DEPTH, nulPointer } from './requestGuards';

const nested = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

test('the depth bound counts objects and arrays, not scalars, and stops at the first level past it', () => {
  expect(exceedsDepth(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
  expect(exceedsDepth(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  expect(exceedsDepth(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
  expect(exceedsDepth('x', 1)).toBe(false);
  expect(exceedsDepth(undefined, 1)).toBe(false);
  expect(
    exceedsDepth(
      Array.from({ length: 10_000 }, () => ({ a: [1] })),
      3,
    ),
  ).toBe(false);
});

test('instants carry their offset and exist', () => {
  expect(isIsoInstant('2026-03-31T18:30:00+05:00')).toBe(true);
  expect(isIsoInstant('2026-03-31T13:30:00Z')).toBe(true);
  for (const bad of ['1', '2026-03-31', '2026-03-31T18:30:00', '2026-02-30T10:00:00Z', '+275760-09-13T00:00:00Z'])
    expect(isIsoInstant(bad)).toBe(false);
});

test('unsafe characters are found where they are, by JSON pointer, at most 100', () => {
  expect(unsafeTextPointers({ 'a/b': { 'c~d': ['ok', 'x\u202Ey'] }, n: 1, z: null })).toEqual(['/a~1b/c~0d/1']);
  expect(unsafeTextPointers({ a: 'NUL\u0000', b: ['\u2067'], c: '\uD83D' })).toEqual(['/a', '/b/0', '/c']);
  // A proper surrogate pair (a character outside the BMP) and ordinary Kazakh text are fine.
  expect(unsafeTextPointers({ a: 'Әсел 𝔄 \uD83D\uDE00', b: 'ҚҰҮІ' })).toEqual([]);
  expect(unsafeTextPointers(Array.from({ length: 1000 }, () => '\u202D'))).toHaveLength(100);
});

test('nulPointer locates the first NUL in a string or a key, with the pointer escaped', () => {
  expect(nulPointer({ a: ['x', 'y\u0000'] })).toBe('/a/1');
  expect(nulPointer({ 'a/b~': { ['k\u0000']: 1 } })).toBe('/a~1b~0/k\u0000');
  expect(nulPointer('\u0000')).toBe('');
  expect(nulPointer({ a: 'clean', b: [1, null, true] })).toBeNull();
});

describe('inSequence on a real server', () => {
  let base = '';
  let close: () => void = () => undefined;
  const seen: string[] = [];
  const mark =
    (name: string, then: (next: NextFunction) => void = (next) => next()): RequestHandler =>
    (_req, _res, next) => {
      seen.push(name);
      then(next);
    };

  beforeAll(async () => {
    const app = express();
    app.get('/all', inSequence(mark('a'), mark('b'), mark('c')), (_req, res) => {
      res.json(seen);
    });
    app.get(
      '/passed',
      inSequence(
        mark('a'),
        mark('b', (next) => next(new Error('from b'))),
        mark('c'),
      ),
    );
    app.get(
      '/thrown',
      inSequence(
        mark('a'),
        mark('b', () => {
          throw new Error('thrown by b');
        }),
        mark('c'),
      ),
    );
    app.get(
      '/route',
      inSequence(
        mark('a', (next) => next('route')),
        mark('b'),
      ),
      (_req, res) => {
        res.json('skipped');
      },
    );
    app.get('/route', (_req, res) => {
      res.json(seen);
    });
    app.get('/none', inSequence(), (_req, res) => {
      res.json('none');
    });
    app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
      res.status(400).json({ error: error.message, seen });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());
  beforeEach(() => {
    seen.length = 0;
  });

  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, body: await res.json() };
  };

  test('runs the middlewares in order, then the route', async () => {
    expect(await get('/all')).toEqual({ status: 200, body: ['a', 'b', 'c'] });
    expect(await get('/none')).toEqual({ status: 200, body: 'none' });
  });

  test('an error passed on or thrown stops the run and reaches the error handler', async () => {
    expect(await get('/passed')).toEqual({ status: 400, body: { error: 'from b', seen: ['a', 'b'] } });
    seen.length = 0;
    expect(await get('/thrown')).toEqual({ status: 400, body: { error: 'thrown by b', seen: ['a', 'b'] } });
  });

  test("next('route') leaves the route, as express does", async () => {
    expect(await get('/route')).toEqual({ status: 200, body: ['a'] });
  });
});
