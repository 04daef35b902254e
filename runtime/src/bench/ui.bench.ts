import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { EngineBenchResult } from './engine.bench';

/** One entry of Vite's build manifest (dist/.vite/manifest.json): a chunk, its static imports and its css. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The views' source modules (App.tsx loads each lazily): what the analyst and the applicant open first. */
const WORKBENCH = ['src/analyst/ServicesList.tsx', 'src/analyst/Workbench.tsx'];
const APPLICANT = ['src/applicant/Catalogue.tsx'];
const APPLICANT_FORM = ['src/applicant/ApplyPage.tsx'];
const KB = 1000;

/**
 * The files a browser fetches to show views of the UI: index.html, the entry chunk and each view's chunk with their
 * static imports and css, transitively. Dynamic imports (Monaco, the diagram's layout) are left out: they load when
 * their tab opens; so are workers and fonts, fetched only when the editor that uses them starts.
 */
export function firstLoadFiles(manifest: Manifest, views: string[]): string[] {
  const files = new Set<string>(['index.html']);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of ['index.html', ...views]) visit(key);
  return [...files];
}

/** Bytes on the wire when served brotli-compressed at the quality the build precompresses with (11). */
function brotliBytes(path: string): number {
  return brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Every file of the build but the precompressed copies and Vite's own folder (.vite, not served). */
function distBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || /\.(br|gz)$/.test(entry.name)) continue;
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? distBytes(path) : statSync(path).size;
  }
  return total;
}

/**
 * The admin UI's weight (issue 18) from a build with its manifest (`npm run build -w admin-ui`): what the workbench,
 * the applicant's catalogue and a service's form make a browser download on first load, brotli-compressed, and the
 * build's size.
 */
export function uiBench(distDir: string): EngineBenchResult[] {
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  // The other sections' figures still count when the UI was not built (`npm run bench` does not build it).
  if (!existsSync(manifestFile))
    return [{ name: 'admin UI', value: 0, unit: 'kB', note: `${manifestFile} is missing: npm run build -w admin-ui` }];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const firstLoad = (views: string[]) => {
    const files = firstLoadFiles(manifest, views);
    const bytes = files.reduce((sum, f) => sum + brotliBytes(join(distDir, f)), 0);
    return { kB: Math.round(bytes / KB), files: files.length };
  };
  const workbench = firstLoad(WORKBENCH);
  const applicant = firstLoad(APPLICANT);
  const form = firstLoad(APPLICANT_FORM);
  return [
    {
      name: 'admin UI: workbench first load (brotli)',
      value: workbench.kB,
      unit: 'kB',
      target: '≤ 2 MB',
      met: workbench.kB <= 2000,
      note: `${workbench.files} files: index.html, entry, services list, workbench and their static imports`,
    },
    {
      name: 'admin UI: applicant first load (brotli)',
      value: applicant.kB,
      unit: 'kB',
      target: '≤ 150 kB',
      met: applicant.kB <= 150,
      note: `${applicant.files} files: index.html, entry, the catalogue and their static imports`,
    },
    {
      // The "applicant page" is this one too: an applicant on a phone often opens a service's form by a link.
      name: 'admin UI: applicant form opened by a link (brotli)',
      value: form.kB,
      unit: 'kB',
      target: '≤ 150 kB',
      met: form.kB <= 150,
      note: `${form.files} files: index.html, entry, the form page, rjsf with its validator and their static imports`,
    },
    {
      name: 'admin UI: dist total (uncompressed)',
      value: Math.round(distBytes(distDir) / KB),
      unit: 'kB',
      note: 'every file of the build, without its .br/.gz copies',
    },
  ];
}
