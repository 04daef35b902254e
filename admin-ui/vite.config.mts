import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The admin UI is served by the runtime at /admin. The engine is compiled from its TypeScript sources (it is pure and
// runs in the browser), so previews and scenario runs use the very code the runtime uses. Monaco is bundled (no CDN)
// and loaded lazily: the workbench chunk pulls it in, the inbox and the applicant page do not.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: { alias: { '@qyzmet/engine': fileURLToPath(new URL('../engine/src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
