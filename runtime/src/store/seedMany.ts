import type { Status } from '@qyzmet/engine';
import type { ApplicationsStore, StoredApplication } from './Store';

/** One bulk insert per batch (a transaction on SQLite, an insertMany on MongoDB): large enough to amortise a commit
 * or a round trip, small enough to bound memory. */
const BATCH = 10_000;
const PROVIDERS = 20;
const STATUSES: readonly Status[] = [
  'registered',
  'in-progress',
  'in-progress',
  'suspended',
  'approved',
  'refused',
  'withdrawn',
];
const HOUR = 3_600_000;

/** Deterministic spread (no randomness, so two runs load the same rows): a multiplicative hash of the index. */
function spread(i: number, mod: number): number {
  return (Math.imul(i + 1, 2_654_435_761) >>> 0) % mod;
}

/**
 * Inserts `n` synthetic applications shaped like `template` into any store (for the inbox benchmarks: 1,000,000 rows
 * on SQLite, 100,000 on MongoDB), the same rows whichever store takes them. Row i gets the
 * id `<template.id>-<i>`, one of 20 providers (`<template.provider>-00`…`-19`), a status from a fixed mix (about 4 in
 * 7 open), a registration instant spread over a year from template.registeredAt, a due instant 1 to 30 days later
 * (none for one row in 50), applicant `<template.applicantId>-<i mod 5000>`, and a number counted per provider as the
 * runtime counts them (`SYN03-CPD-2025-000001`, …; 50,000 each for a million rows).
 *
 * @example
 * await insertSyntheticApplications(store, 1_000_000, template);
 */
export async function insertSyntheticApplications(
  store: Pick<ApplicationsStore, 'bulkInsertApplications'>,
  n: number,
  template: StoredApplication,
): Promise<void> {
  const base = Date.parse(template.registeredAt);
  for (let start = 0; start < n; start += BATCH) {
    const batch: StoredApplication[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const h = spread(i, 1 << 30);
      const registered = new Date(base + (h % (365 * 24)) * HOUR).toISOString();
      const due = i % 50 === 0 ? null : new Date(Date.parse(registered) + (1 + (h % 30)) * 24 * HOUR).toISOString();
      const status = STATUSES[(h >>> 3) % STATUSES.length];
      const id = `${template.id}-${i}`;
      const provider = String(i % PROVIDERS).padStart(2, '0');
      batch.push({
        ...template,
        id,
        number: `SYN${provider}-CPD-2025-${String(Math.floor(i / PROVIDERS) + 1).padStart(6, '0')}`,
        provider: `${template.provider}-${provider}`,
        applicantId: `${template.applicantId}-${i % 5000}`,
        status,
        registeredAt: registered,
        dueAt: due,
        nextTimerAt: status === 'in-progress' ? due : null,
        createdAt: registered,
        updatedAt: registered,
        rev: 0,
        snapshot: { ...template.snapshot, id, status, registeredAt: registered },
      });
    }
    await store.bulkInsertApplications(batch);
  }
}
