import { spawnSync } from 'node:child_process';
import { CLI, REPO } from '../definitions/exampleCopy';

// `qyzmet serve` on a MongoDB store it cannot open: the operator is told what to fix, with exit 1, not an internal
// error.
const serve = (mongodbUrl: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, 'serve', '--no-demo'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, MONGODB_URL: mongodbUrl, PORT: '0', ...env },
  });

test('a MONGODB_URL without a database name is refused, saying how to write one', () => {
  const out = serve('mongodb://127.0.0.1:27017');
  expect(out.status).toBe(1);
  expect(out.stderr).toMatch(/^qyzmet serve: cannot open the store: the MongoDB URL names no database: .*\/qyzmet\?/);
});

test('a MongoDB server that does not answer is named, with its password hidden', () => {
  const out = serve('mongodb://qyzmet:s3cret@127.0.0.1:1/qyzmet?serverSelectionTimeoutMS=500');
  expect(out.status).toBe(1);
  expect(out.stderr).toMatch(
    /cannot open the store: no MongoDB server answered at mongodb:\/\/qyzmet:\*\*\*@127\.0\.0\.1:1/,
  );
  expect(out.stderr).not.toContain('s3cret');
});

// Settings read by different parts (sessions, webhooks, the scheduler) fail alike: the variable and what it must be.
test.each([
  [
    'QYZMET_SESSION_IDLE_MIN',
    'half an hour',
    /QYZMET_SESSION_IDLE_MIN "half an hour" is not a positive number of minutes/,
  ],
  ['QYZMET_TIMER_LEASE_MS', '1.5', /QYZMET_TIMER_LEASE_MS "1.5" is not a positive whole number of milliseconds/],
  ['QYZMET_WEBHOOK_ALLOW', '10.0.0.0/99', /QYZMET_WEBHOOK_ALLOW: "10.0.0.0\/99" is not a network/],
  ['QYZMET_WORKERS', '0', /QYZMET_WORKERS "0" is not a positive whole number of processes/],
])('%s set wrong stops serve with exit 1 naming it, not an internal error', (name, value, message) => {
  const out = serve('mongodb://127.0.0.1:1/qyzmet?serverSelectionTimeoutMS=500', { [name]: value });
  expect(out.status).toBe(1);
  expect(out.stderr).toMatch(message);
  expect(out.stderr).not.toContain('internal error');
});
