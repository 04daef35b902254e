import type { CountersStore } from '../Store';
import { guarded, isDuplicateKey, type Collections } from './connection';

/** How many times a number is tried before the series is reported busy (each try loses only to another taker). */
const MAX_TRIES = 100;

/**
 * Numbered series from unique keys: number n of a series is a document whose id names the series and n, so of
 * several instances taking the next number at once exactly one inserts it and the others try n + 1. (An `$inc` on one
 * counter document would be atomic on MongoDB but not on FerretDB 1.x; see locks.ts.) The documents stay: they are
 * the record of the numbers given.
 */
export class MongoCounters implements CountersStore {
  /**
   * The next number this process tries per series. Reading the last number sorts the series' documents, which
   * FerretDB 1.x does by scanning them all (it pushes no sort down), so a scan per submission made numbering quadratic:
   * the series is read once, then only when another instance has taken the number tried.
   */
  private readonly nextTry = new Map<string, number>();

  constructor(private readonly c: Collections) {}

  nextNumber(series: string): Promise<number> {
    return guarded(async () => {
      if (!this.nextTry.has(series)) {
        const last = await this.last(series);
        if (!this.nextTry.has(series)) this.nextTry.set(series, last + 1);
      }
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        // Taken synchronously, so concurrent callers in this process never try the same number.
        const n = this.nextTry.get(series)!;
        this.nextTry.set(series, n + 1);
        try {
          await this.c.counters.insertOne({ _id: counterKey(series, n), series, n });
          return n;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // Another instance took it: catch up with the series.
          const last = await this.last(series);
          if (this.nextTry.get(series)! <= last) this.nextTry.set(series, last + 1);
        }
      }
      throw new Error(`the series "${series}" stayed busy for ${MAX_TRIES} tries`);
    });
  }

  /** The last number given in a series (0 before the first). */
  async last(series: string): Promise<number> {
    const top = await this.c.counters.find({ series }).sort({ n: -1 }).limit(1).next();
    return (top?.n as number | undefined) ?? 0;
  }
}

export function counterKey(series: string, n: number): string {
  return `${series}#${n}`;
}
