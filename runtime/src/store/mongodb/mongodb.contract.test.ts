import { describeStoreContract } from '../contract/storeContract';
import { openMongoStore } from './MongoStore';
import { dropDatabase, freshDatabaseUrl, mongoSkipReason } from './testServer';

// The Store contract on MongoDB (FerretDB in CI; any MongoDB at QYZMET_TEST_MONGODB_URL): each place is a fresh
// database on the server.
describeStoreContract({
  name: 'MongoDB',
  skipReason: mongoSkipReason(),
  async place() {
    const url = freshDatabaseUrl();
    return {
      open: () => openMongoStore(url),
      remove: () => dropDatabase(url),
    };
  },
});
