import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '../store/Store';

/**
 * Writes what was published through the admin API back as definition files, so the definitions folder can be kept in
 * git: each published version as `versions/<id>.json` exactly as it was written (`basedOn` + cited `changes`), its
 * `$include` in service.json, the scenarios published with it, and the acts registered or dated through the API
 * (an act of a registry file is updated in that file; a new one goes to `shared/acts/registered-through-api.json`).
 */

export interface ExportReport {
  out: string;
  versions: string[];
  scenarios: string[];
  acts: string[];
}

const API_ACTS = 'registered-through-api.json';
const writeJson = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 2) + '\n');

/** @example await exportDefinitions(store, 'definitions', 'cadastral-passport-duplicate', 'out/definitions') */
export async function exportDefinitions(
  store: Store,
  definitionsRoot: string,
  serviceId: string,
  out: string = definitionsRoot,
): Promise<ExportReport> {
  if (resolve(out) !== resolve(definitionsRoot)) cpSync(definitionsRoot, out, { recursive: true });
  const report: ExportReport = { out, versions: [], scenarios: [], acts: [] };
  const serviceDir = join(out, 'services', serviceId);
  const entryFile = join(serviceDir, 'service.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { versions: Array<Record<string, unknown>> };
  const published = (await store.listDrafts(serviceId))
    .filter((d) => d.publishedAt)
    .sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
  for (const d of published) {
    const id = String(d.definition.id);
    mkdirSync(join(serviceDir, 'versions'), { recursive: true });
    writeJson(join(serviceDir, 'versions', `${id}.json`), d.definition);
    const include = `versions/${id}.json`;
    if (!entry.versions.some((v) => v.$include === include)) entry.versions.push({ $include: include });
    report.versions.push(include);
    for (const s of d.scenarios) {
      mkdirSync(join(serviceDir, 'scenarios'), { recursive: true });
      writeJson(join(serviceDir, 'scenarios', s.file), s.scenario);
      report.scenarios.push(`scenarios/${s.file}`);
    }
  }
  writeJson(entryFile, entry);

  const actsDir = join(out, 'shared', 'acts');
  const registries = existsSync(actsDir) ? readdirSync(actsDir).filter((f) => f.endsWith('.json')) : [];
  const read = (f: string) => JSON.parse(readFileSync(join(actsDir, f), 'utf8')) as { acts: Record<string, unknown> };
  const files = new Map(registries.map((f) => [f, read(f)]));
  for (const { id, act } of await store.listActs()) {
    const home = [...files].find(([f, r]) => f !== API_ACTS && id in r.acts)?.[0] ?? API_ACTS;
    if (!files.has(home))
      files.set(home, { description: 'Acts registered through the admin API (qyzmet export).', acts: {} } as never);
    files.get(home)!.acts[id] = act;
    report.acts.push(`${home}#${id}`);
  }
  for (const f of new Set(report.acts.map((a) => a.split('#')[0]))) writeJson(join(actsDir, f), files.get(f));
  return report;
}
