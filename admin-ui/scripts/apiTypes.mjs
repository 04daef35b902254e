// The admin UI's types of the runtime's API, generated from its OpenAPI document (runtime/src/http/openapi.ts) by
// openapi-typescript, so that the UI does not write the API's shapes a second time by hand.
//
//   node scripts/apiTypes.mjs           reads runtime/dist (`npm run api-types -w admin-ui` builds it first) and
//                                       rewrites src/shell/api.generated.ts, which is committed: the UI's build does
//                                       not depend on generation
//   node scripts/apiTypes.mjs --stdin   reads a document as JSON on stdin and writes the file's text to stdout: how
//                                       tests/http/apiTypes.test.ts regenerates it in memory to find a stale file
//                                       (openapi-typescript's dependencies are ES modules, which jest cannot require)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `/**
 * Generated from the runtime's OpenAPI document (runtime/src/http/openapi.ts) by openapi-typescript: do not edit.
 * Regenerate with \`npm run api-types -w admin-ui\`; tests/http/apiTypes.test.ts fails while this file is stale.
 * The UI names these shapes through \`Schemas\` in ./api.ts.
 */

`;

/** The text of api.generated.ts for an OpenAPI document. */
export async function generateApiTypes(document) {
  return HEADER + astToString(await openapiTS(document, { silent: true }));
}

if (process.argv.includes('--stdin')) {
  process.stdout.write(await generateApiTypes(JSON.parse(readFileSync(0, 'utf8'))));
} else {
  const { openApiDocument } = createRequire(import.meta.url)('../../runtime/dist/http/openapi.js');
  const file = new URL('../src/shell/api.generated.ts', import.meta.url);
  writeFileSync(file, await generateApiTypes(JSON.parse(JSON.stringify(openApiDocument))));
  console.log(`wrote ${file.pathname}`);
}
