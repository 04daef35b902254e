import { addCalendarDays, addDuration, registrationInstant, startOfCivilDay, type WorkingTime } from '@qyzmet/engine';

export interface BenchResult {
  name: string;
  opsPerSec: number;
  note?: string;
}

/** Runs `op` over the prepared instants for ~`ms` milliseconds after a warm-up; one core, one thread. */
function measure(
  name: string,
  instants: Float64Array,
  op: (t: number) => number,
  ms = 400,
  note?: string,
): BenchResult {
  let sink = 0;
  const n = instants.length;
  for (let i = 0; i < 50_000; i++) sink += op(instants[i % n]);
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10_000; i++) sink += op(instants[(ops + i) % n]);
    ops += 10_000;
    elapsed = performance.now() - start;
  }
  if (sink === 42) console.log(''); // keeps the results alive
  return { name, opsPerSec: Math.round((ops / elapsed) * 1000), ...(note ? { note } : {}) };
}

/**
 * Deadline computations per second on the compiled calendar (target: ≥ 1,000,000/s for addDuration in working
 * days). Instants are spread over the coverage, leaving a year at its end so no term runs out of it.
 */
export function calendarBench(wt: WorkingTime): BenchResult[] {
  const first = startOfCivilDay(wt.coverage.from, wt.timeZone);
  const span = startOfCivilDay(addCalendarDays(wt.coverage.to, -399), wt.timeZone) - first;
  const instants = new Float64Array(4096);
  let x = 12345;
  for (let i = 0; i < instants.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648; // deterministic spread, no Math.random
    instants[i] = first + Math.floor((x / 2147483648) * span);
  }
  return [
    measure(
      'calendar: addDuration 5 workingDays',
      instants,
      (t) => addDuration(wt, t, { amount: 5, unit: 'workingDays' }).dueAt,
    ),
    measure(
      'calendar: addDuration 30 calendarDays',
      instants,
      (t) => addDuration(wt, t, { amount: 30, unit: 'calendarDays' }).dueAt,
    ),
    measure('calendar: addDuration 3 months', instants, (t) => addDuration(wt, t, { amount: 3, unit: 'months' }).dueAt),
    measure(
      'calendar: addDuration 4 workingHours',
      instants,
      (t) => addDuration(wt, t, { amount: 4, unit: 'workingHours' }).dueAt,
    ),
    measure('calendar: registrationInstant', instants, (t) => registrationInstant(wt, t).registeredAt),
    measure(
      'calendar: registration + 15 workingDays',
      instants,
      (t) => addDuration(wt, registrationInstant(wt, t).registeredAt, { amount: 15, unit: 'workingDays' }).dueAt,
    ),
    measure(
      'calendar: addDuration 15 workingDays with explanation texts',
      instants,
      (t) => addDuration(wt, t, { amount: 15, unit: 'workingDays' }).explanation.length,
      400,
      'explanations are built lazily on first read; this is the cost when they are read (luxon formatting)',
    ),
  ];
}
