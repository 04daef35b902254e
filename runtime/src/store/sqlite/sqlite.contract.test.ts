import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../contract/storeContract';
import { openSqliteStore } from './SqliteStore';

// The Store contract on the embedded store: each place is a fresh folder with its own SQLite file.
describeStoreContract({
  name: 'SQLite',
  skipReason: null,
  async place() {
    const dir = mkdtempSync(join(tmpdir(), 'qyzmet-sqlite-contract-'));
    return {
      open: async () => openSqliteStore(dir),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
