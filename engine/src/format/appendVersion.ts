import type { AssembledDefinition } from './assembleDefinition';
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
  const inside = (pointer: string) => pointer === at || pointer.startsWith(`${at}/`);
  return {
    ...base,
    value: { ...def, versions: [...def.versions, version.value] },
    locate(pointer) {
      if (!inside(pointer)) return base.locate(pointer);
      const inner = pointer.slice(at.length) || '/';
      const where = version.source ? locateInSource(version.source, pointer.slice(at.length)) : { line: 1, column: 1 };
      return { file: version.file, pointer: inner, ...where };
    },
    resolvePath: (pointer, relPath) => (inside(pointer) ? resolvePath(relPath) : base.resolvePath(pointer, relPath)),
  };
}
