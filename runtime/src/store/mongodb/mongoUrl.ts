import { domainError } from '@qyzmet/engine';

// What the runtime reads from a MongoDB URL without the driver: `qyzmet serve` on the embedded store, and the CLI's
// store commands, load the driver (~0.4 s) only when a MongoDB store is opened.

/** The database named in the URL's path; a URL without one is refused rather than writing into "test". */
export function databaseName(url: string): string {
  let path: string;
  try {
    // mongodb+srv and host lists parse as far as the path with a neutral scheme.
    path = new URL(url.replace(/^mongodb(\+srv)?:\/\/[^/]*/, 'http://host')).pathname;
  } catch {
    path = '';
  }
  const name = decodeURIComponent(path.replace(/^\//, ''));
  if (!name)
    throw domainError(
      'request',
      'store.mongodb-url',
      `the MongoDB URL names no database: put its name after the hosts, e.g. mongodb://db1,db2,db3/qyzmet?replicaSet=rs0`,
      { params: { url: redact(url) } },
    );
  return name;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
