import { join, relative, resolve } from 'node:path';
import {
  appendVersion,
  assembleDefinition,
  compileService,
  languageParity,
  type AssembledDefinition,
  type ChangeDef,
  type CompileEnv,
  type Problem,
} from '@qyzmet/engine';
import type { DefinitionDraft } from '../store/Store';

/**
 * A service's definition with a draft appended, compiled: the same on the main thread (materialising, publishing)
 * and in the draft-check worker, which rebuilds the service's definition from the files plus the versions published
 * over them (`publishedChain`) since a compiled service cannot cross a thread.
 */

export interface DraftBase {
  root: string;
  serviceId: string;
  /** The service's definition as in force: its files with the versions published through the admin API. */
  assembled: AssembledDefinition;
  /** Confined to the service's folder and definitions/shared/ (serviceCompileEnv). */
  env: CompileEnv;
}

export interface AppendedVersion {
  version: Record<string, unknown>;
  draftId: string;
}

/** What each definition made by `withDraft` was made from, so a worker can make it again. */
const madeFrom = new WeakMap<AssembledDefinition, AppendedVersion & { parent: AssembledDefinition }>();

/** The service with the version appended, problems inside it located in `draft:<id>`. */
export function withDraft(base: DraftBase, version: Record<string, unknown>, draftId: string): AssembledDefinition {
  const dir = join(base.root, 'services', base.serviceId);
  // A template a draft names itself is read from the service folder.
  const drafted = appendVersion(base.assembled, { value: version, file: `draft:${draftId}` }, (rel) =>
    relative(process.cwd(), resolve(dir, rel)),
  );
  madeFrom.set(drafted, { parent: base.assembled, version, draftId });
  return drafted;
}

export function compileDraft(base: DraftBase, version: Record<string, unknown>, draftId: string) {
  return compileService(withDraft(base, version, draftId), base.env);
}

/** The draft compiled as it would be in force: from its own date, or before publication from the expected one. */
export function compileForRuns(base: DraftBase, d: DefinitionDraft) {
  const version = d.expectedFrom && !d.publishedAt ? { ...d.definition, effectiveFrom: d.expectedFrom } : d.definition;
  return compileDraft(base, version, d.id);
}

/** Kazakh and Russian texts the draft writes (its changes and the keys it replaces), each needing the other. */
export function draftParity(d: DefinitionDraft): Problem[] {
  const { changes, basedOn: _b, ...own } = d.definition as { changes?: ChangeDef[]; basedOn?: unknown };
  const found = [
    ...languageParity(own),
    ...(changes ?? []).flatMap((c, k) => languageParity(c.value, `/changes/${k}/value`)),
  ];
  return found.map((p) => ({ ...p, file: `draft:${d.id}` }));
}

/** The files' entry of a definition and the versions appended over it, oldest first. */
export function publishedChain(assembled: AssembledDefinition): { entryFile: string; appended: AppendedVersion[] } {
  const appended: AppendedVersion[] = [];
  let at = assembled;
  for (let made = madeFrom.get(at); made; made = madeFrom.get(at)) {
    appended.unshift({ version: made.version, draftId: made.draftId });
    at = made.parent;
  }
  return { entryFile: at.entryFile, appended };
}

/** The definition `publishedChain` describes, assembled again from the files (problems: the files'). */
export function rebuildDefinition(
  root: string,
  serviceId: string,
  env: CompileEnv,
  chain: { entryFile: string; appended: AppendedVersion[] },
): { assembled?: AssembledDefinition; problems: Problem[] } {
  const { definition, problems } = assembleDefinition(chain.entryFile, env.readText);
  if (!definition) return { problems };
  let assembled = definition;
  for (const { version, draftId } of chain.appended)
    assembled = withDraft({ root, serviceId, assembled, env }, version, draftId);
  return { assembled, problems };
}
