// Brotli and gzip copies of the built admin UI's text files (x.js → x.js.br, x.js.gz), made once at build time so
// that the runtime sends them as they are (runtime/src/http/adminAssets.ts) instead of compressing on each request.
// vite.config.mts runs it after each build; by hand:
//
//   node scripts/precompress.mjs <dir>
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** What compresses well; images and woff2 fonts are compressed already. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|ttf|otf|wasm|map)$/;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function filesOf(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(sep)
          .some((part) => part.startsWith('.')),
    ); // .vite: not served
}

/**
 * Writes the .br (quality 11, the smallest: the cost is paid once) and .gz (level 9) copies of every compressible
 * file under dir, each only when smaller than the file (else the runtime sends the file itself). zlib's async calls
 * run on libuv's thread pool, so the files compress in parallel. Resolves to the number of copies written.
 */
export async function precompress(dir) {
  let written = 0;
  await Promise.all(
    (await filesOf(dir)).map(async (path) => {
      const body = await readFile(path);
      const copies = await Promise.all([
        brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }).then((b) => ['.br', b]),
        gzipped(body, { level: constants.Z_BEST_COMPRESSION }).then((b) => ['.gz', b]),
      ]);
      for (const [suffix, copy] of copies)
        if (copy.length < body.length) {
          await writeFile(path + suffix, copy);
          written++;
        } else await rm(path + suffix, { force: true }); // a copy of an earlier build would be sent instead
    }),
  );
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs <dir>');
    process.exit(2);
  }
  console.log(`precompress: ${await precompress(dir)} .br/.gz copies in ${dir}`);
}
