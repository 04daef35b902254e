import { PasswordGate } from './passwordGate';

/** The gate in front of password checks: a bounded number run, a bounded number wait, the rest are refused at once. */

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('two run at once, two wait in order, the fifth is refused at once; places pass on as work ends', async () => {
  const gate = new PasswordGate(2, 2);
  const started: number[] = [];
  const gates = Array.from({ length: 5 }, () => deferred());
  const runs = gates.map((g, i) =>
    gate.run(async () => {
      started.push(i);
      await g.promise;
      return i;
    }),
  );
  await new Promise((r) => setImmediate(r));
  expect(started).toEqual([0, 1]);
  expect(await runs[4]).toBeUndefined();
  gates[1].resolve();
  expect(await runs[1]).toEqual({ value: 1 });
  await new Promise((r) => setImmediate(r));
  expect(started).toEqual([0, 1, 2]);
  gates[0].resolve();
  gates[2].resolve();
  gates[3].resolve();
  expect(await Promise.all(runs.slice(0, 4))).toEqual([0, 1, 2, 3].map((value) => ({ value })));
  // Everything finished: the gate is empty again.
  expect(await gate.run(async () => 'again')).toEqual({ value: 'again' });
});

test('a failing check frees its place', async () => {
  const gate = new PasswordGate(1, 0);
  await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(await gate.run(async () => 1)).toEqual({ value: 1 });
});
