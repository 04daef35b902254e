import { applyAmendments } from './applyAmendments';
import type { AssembledDefinition } from './assembleDefinition';
import { originOf, type Origin } from './origins';
import { locateInSource, type JsonSource } from './parseJsonSource';
import type { ServiceDef } from './types';

/** A version added after the ones on disk: a draft, or a version published through the admin API. */
export interface AppendedVersion {
  /** The version as written. */
  value: unknown;
  /** What problems inside it name as their file, e.g. `draft:<id>`. */
  file: string;
  /** Its JSON text when there is one (the analyst's editor): problems inside it then carry their line and column. */
  source?: JsonSource;
}

/**
 * The assembled definition with one more version at the end, so that the compiler checks a draft together with the
 * versions it follows (effective periods, shared acts). Problems inside the new version are located in it — its
 * `file`, a pointer relative to the version — and the template paths it names resolve through `resolvePath`: a drafted
 * version writes them relative to the service folder, and only the caller knows how to read a path from there.
 * A version written as an amendment (`basedOn` + `changes`) is materialised here as on disk: its inherited parts
 * locate in the base's files, its changes in its own text, and its problems are in `materialisationProblems`.
 *
 * @example
 *   const drafted = appendVersion(assembled, { value: draft, file: 'draft:42' }, (rel) => joinPath(serviceDir, rel));
 *   compileService(drafted, env).problems[0]?.file // 'draft:42' when the draft is what is wrong
 */
export function appendVersion(
  base: AssembledDefinition,
  version: AppendedVersion,
  resolvePath: (relPath: string) => string,
): AssembledDefinition {
  const def = base.value as ServiceDef;
  const at = `/versions/${def.versions.length}`;
  // The versions before it are whole already: only the appended one is materialised (its `basedOn` may name any of
  // them), so they go in without their own basedOn/changes and come back unchanged afterwards.
  const whole = def.versions.map((v) => {
    const { basedOn: _basedOn, changes: _changes, ...rest } = v;
    return rest;
  });
  const value = { ...def, versions: [...whole, JSON.parse(JSON.stringify(version.value ?? null))] };
  const origins: Origin[] = [
    { at: '', file: BASE, pointer: '' },
    { at, file: version.file, pointer: '' },
  ];
  const inVersion = (pointer: string) =>
    version.source ? locateInSource(version.source, pointer) : { line: 1, column: 1 };
  const locateIn = (file: string, pointer: string) => (file === BASE ? base.locate(pointer) : inVersion(pointer));
  const amended = applyAmendments(value, origins, locateIn, BASE);
  const appended = value.versions[def.versions.length];
  value.versions = [...def.versions, appended];
  const id = (appended as { id?: unknown })?.id;
  const provenance = new Map(base.provenance);
  if (typeof id === 'string' && amended.provenance.has(id)) provenance.set(id, amended.provenance.get(id)!);
  return {
    ...base,
    value,
    provenance,
    failedIncludes: [...base.failedIncludes, ...amended.failed],
    materialisationProblems: [...(base.materialisationProblems ?? []), ...amended.problems],
    locate(pointer) {
      const o = originOf(origins, pointer, BASE);
      if (o.file === BASE) return base.locate(o.pointer);
      return { file: o.file, pointer: o.pointer || '/', ...inVersion(o.pointer) };
    },
    resolvePath(pointer, relPath) {
      const o = originOf(origins, pointer, BASE);
      return o.file === BASE ? base.resolvePath(o.pointer, relPath) : resolvePath(relPath);
    },
  };
}

/** The file name standing for "the definition this version is appended to" in the origins. */
const BASE = '\0base';
