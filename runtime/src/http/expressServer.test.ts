import { IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createExpressServer } from './expressServer';

describe('a server whose requests and responses are express’s from the start', () => {
  const app = express();
  app.use(express.json());
  app.post('/echo', (req, res) => {
    res
      .status(201)
      .set('x-seen', req.get('x-sent') ?? '')
      .json({ body: req.body as unknown, app: req.app === app });
  });
  let server: Server;
  let base = '';
  const made: Array<{ request: unknown; response: unknown; isNodeRequest: boolean; isNodeResponse: boolean }> = [];

  beforeAll(async () => {
    server = createExpressServer(app);
    // Before express sees them: their prototypes are already the app's.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      made.push({
        request: Object.getPrototypeOf(req),
        response: Object.getPrototypeOf(res),
        isNodeRequest: req instanceof IncomingMessage,
        isNodeResponse: res instanceof ServerResponse,
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((ok) => server.close(ok)));

  test('node makes them with the app’s prototypes, and they are still node’s', async () => {
    const res = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sent': 'hello' },
      body: JSON.stringify({ a: 'Әсел' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-seen')).toBe('hello');
    expect(await res.json()).toEqual({ body: { a: 'Әсел' }, app: true });
    expect(made).toEqual([{ request: app.request, response: app.response, isNodeRequest: true, isNodeResponse: true }]);
  });

  test('each request of a kept-alive connection is made alike, and a route express does not know is its 404', async () => {
    made.length = 0;
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    const again = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1,2]',
    });
    expect(await again.json()).toEqual({ body: [1, 2], app: true });
    expect(made.map((m) => [m.request === app.request, m.response === app.response])).toEqual([
      [true, true],
      [true, true],
    ]);
  });
});
