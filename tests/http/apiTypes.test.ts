import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openApiDocument } from '../../runtime/src/http/openapi';

// The admin UI's API types are generated from the runtime's OpenAPI document and committed (the UI's build does not
// run the generator). This test regenerates them in memory from the document's source, with the script that
// `npm run api-types -w admin-ui` runs, and fails when a change of the document was not carried over to the file.
const ui = resolve(__dirname, '../../admin-ui');
const FILE = 'admin-ui/src/shell/api.generated.ts';

test(`${FILE} is what openapi-typescript makes of the OpenAPI document now`, () => {
  const generated = execFileSync(process.execPath, [join(ui, 'scripts/apiTypes.mjs'), '--stdin'], {
    input: JSON.stringify(openApiDocument),
    encoding: 'utf8',
  });
  const committed = readFileSync(join(ui, 'src/shell/api.generated.ts'), 'utf8');
  if (committed === generated) return;
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  throw new Error(
    `${FILE} is stale from line ${line + 1} (committed: ${JSON.stringify(a[line])}, generated: ` +
      `${JSON.stringify(b[line])}); run \`npm run api-types -w admin-ui\` and commit the file`,
  );
});
