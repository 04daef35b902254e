import { spawnSync } from 'node:child_process';
import { CLI, REPO } from '../definitions/exampleCopy';

// `qyzmet serve` on a MongoDB store it cannot open: the operator is told what to fix, with exit 1, not an internal
// error.
const serve = (mongodbUrl: string) =>
  spawnSync(process.execPath, [CLI, 'serve', '--no-demo'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, MONGODB_URL: mongodbUrl, PORT: '0' },
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
