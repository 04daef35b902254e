import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ProblemError } from '@qyzmet/engine';
import { FixedWindowCounter, perMinute } from './rateLimits';

describe('FixedWindowCounter', () => {
  test("counts each key in its own window from the key's first hit, and starts again when the window ends", () => {
    let now = 1_000;
    const counter = new FixedWindowCounter(60_000, () => now);
    expect(counter.hit('a')).toEqual({ hits: 1, resetInMs: 60_000 });
    now += 20_000;
    expect(counter.hit('a')).toEqual({ hits: 2, resetInMs: 40_000 });
    expect(counter.hit('b')).toEqual({ hits: 1, resetInMs: 60_000 });
    now += 40_000; // a's window ends now; b's has 20 s to go
    expect(counter.hit('a')).toEqual({ hits: 1, resetInMs: 60_000 });
    expect(counter.hit('b')).toEqual({ hits: 2, resetInMs: 20_000 });
  });

  test('forgets the windows that ended, so a flood of one-off clients does not stay in memory', () => {
    let now = 0;
    const counter = new FixedWindowCounter(60_000, () => now);
    for (let i = 0; i < 1000; i++) counter.hit(`ip:${i}`);
    expect(counter.size).toBe(1000);
    now = 60_000;
    counter.hit('late');
    expect(counter.size).toBe(1);
  });
});

describe('perMinute on a real server', () => {
  let now = 0;
  let base = '';
  let close: () => void = () => undefined;

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      (req as Request & { user?: { id: string } }).user =
        req.headers['x-user'] === undefined ? undefined : { id: String(req.headers['x-user']) };
      next();
    });
    app.get('/', perMinute(2, 'rate.test', 'tests', { clock: () => now, skip: (req) => !!req.headers['x-skip'] }));
    app.get('/', (_req, res) => {
      res.json({ ok: true });
    });
    app.use((error: ProblemError, _req: Request, res: Response, _next: NextFunction) => {
      res.status(429).json({ code: error.problem.code, message: error.problem.message });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => server.close();
  });
  afterAll(() => close());

  const get = (headers: Record<string, string> = {}) => fetch(base, { headers });

  test('says what is left in the RateLimit headers; one over the limit is refused with Retry-After, per user', async () => {
    const first = await get({ 'x-user': 'u1' });
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('2;w=60');
    expect(first.headers.get('ratelimit')).toBe('limit=2, remaining=1, reset=60');
    now += 15_500;
    expect((await get({ 'x-user': 'u1' })).headers.get('ratelimit')).toBe('limit=2, remaining=0, reset=45');
    const over = await get({ 'x-user': 'u1' });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('45');
    expect(await over.json()).toEqual({ code: 'rate.test', message: 'more than 2 tests a minute; try again in 45 s' });
    // Another user, and the anonymous client by address, count apart; a skipped request is not counted.
    expect((await get({ 'x-user': 'u2' })).status).toBe(200);
    expect((await get()).headers.get('ratelimit')).toBe('limit=2, remaining=1, reset=60');
    const skipped = await get({ 'x-user': 'u2', 'x-skip': '1' });
    expect(skipped.status).toBe(200);
    expect(skipped.headers.get('ratelimit')).toBeNull();
    const second = await get({ 'x-user': 'u2' });
    expect(second.status).toBe(200);
    expect(second.headers.get('ratelimit')).toBe('limit=2, remaining=0, reset=60');
    now += 45_000;
    expect((await get({ 'x-user': 'u1' })).status).toBe(200);
  });
});
