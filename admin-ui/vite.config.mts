import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './scripts/precompress.mjs';

/**
 * Monaco's main module registers some 80 languages and the CSS, HTML and TypeScript language services (their workers
 * alone weigh 9 MB); the analysts edit JSON only. Their registrations load as empty modules, so none of it is built.
 */
const UNUSED_MONACO =
  /\/monaco-editor\/esm\/vs\/languages\/(definitions\/[^/]+|features\/(css|html|typescript))\/register\.js$/;
const monacoJsonOnly: Plugin = {
  name: 'qyzmet:monaco-json-only',
  enforce: 'pre',
  load: (id) => (UNUSED_MONACO.test(id) ? 'export {};' : null),
};

/**
 * rjsf's own notices would render markdown and its utils resolve `$id`s with fast-uri: neither happens in the service
 * forms (src/forms/plainMarkdown.tsx, src/forms/rjsfUri.ts say why), and both were a third of the applicant's form
 * download. Only rjsf's imports are redirected: ajv (the workbench's engine) keeps its own fast-uri.
 */
const RJSF = /\/node_modules\/@rjsf\//;
const rjsfLight: Plugin = {
  name: 'qyzmet:rjsf-light',
  enforce: 'pre',
  resolveId: (id, importer) => {
    if (!importer || !RJSF.test(importer)) return null;
    if (id === 'markdown-to-jsx/react') return fileURLToPath(new URL('src/forms/plainMarkdown.tsx', import.meta.url));
    if (id === 'fast-uri') return fileURLToPath(new URL('src/forms/rjsfUri.ts', import.meta.url));
    return null;
  },
};

/** Brotli and gzip copies beside each built text file, sent as they are by the runtime (scripts/precompress.mjs). */
function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'qyzmet:precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      handler: async () => {
        await precompress(outDir);
      },
    },
  };
}

// The admin UI is served by the runtime at /admin. The engine is compiled from its TypeScript sources (it is pure and
// runs in the browser), so previews and scenario runs use the very code the runtime uses. Monaco is bundled (no CDN)
// and loaded lazily: the workbench loads it when an editor is first shown, the inbox and the applicant page never.
// The manifest (dist/.vite, not served) is what runtime/src/bench/ui.bench.ts weighs first loads by.
export default defineConfig({
  base: '/admin/',
  plugins: [react(), monacoJsonOnly, rjsfLight, precompressed()],
  resolve: { alias: { '@qyzmet/engine': fileURLToPath(new URL('../engine/src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096, sourcemap: false, manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
