import type { Store } from './Store';
import { resolve } from 'node:path';
import { redact } from './mongodb/mongoUrl';
import { openSqliteStore } from './sqlite/SqliteStore';

/**
 * Where the runtime keeps its data: a MongoDB database when a URL is given (MONGODB_URL: production, several
 * instances), else the embedded SQLite file in the data folder (QYZMET_DATA: a laptop or one office).
 */
export interface StoreLocation {
  mongodbUrl?: string;
  dataDir: string;
}

export function storeLocationFromEnv(dataDir?: string): StoreLocation {
  return {
    mongodbUrl: process.env.MONGODB_URL || undefined,
    dataDir: dataDir ?? process.env.QYZMET_DATA ?? './data',
  };
}

export async function openStore(at: StoreLocation): Promise<Store> {
  if (!at.mongodbUrl) return openSqliteStore(at.dataDir);
  // The driver is required only here: a start on the embedded store does not pay for loading it (~0.4 s).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openMongoStore } = require('./mongodb/MongoStore') as typeof import('./mongodb/MongoStore');
  return openMongoStore(at.mongodbUrl);
}

/** Where the store is, for a log line (a MongoDB URL without its password). */
export function describeStore(at: StoreLocation): string {
  return at.mongodbUrl ? `MongoDB ${redact(at.mongodbUrl)}` : `SQLite in ${resolve(at.dataDir)}`;
}
