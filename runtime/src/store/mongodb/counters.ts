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
  constructor(private readonly c: Collections) {}

  nextNumber(series: string): Promise<number> {
    return guarded(async () => {
      let n = (await this.last(series)) + 1;
      for (let tries = 0; tries < MAX_TRIES; tries++, n++) {
        try {
          await this.c.counters.insertOne({ _id: counterKey(series, n), series, n });
          return n;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          n = Math.max(n, await this.last(series));
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
