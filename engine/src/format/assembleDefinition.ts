import { isProblemError, type Problem } from '../errors/problem';
import { applyAmendments, type VersionProvenance } from './applyAmendments';
import { appendPointer, formatPointer, getAtPointer, parsePointer } from './jsonPointer';
import { originOf, type Origin } from './origins';
import { locateInSource, parseJsonSource, type JsonSource } from './parseJsonSource';
import { dirname, joinPath } from './paths';

/**
 * Reads a definition file's text by its path; undefined when it does not exist. Injected: the engine does no I/O. It
 * may throw a ProblemError (a path the reader refuses, e.g. outside the definitions): that becomes a located problem.
 */
export type ReadText = (path: string) => string | undefined;

export interface Location {
  file: string;
  pointer: string;
  line: number;
  column: number;
}

/** A definition with its includes resolved, able to say where any part of it was written. */
export interface AssembledDefinition {
  entryFile: string;
  value: unknown;
  /** Source file, pointer in that file, and line:column of a pointer into the assembled value. */
  locate(pointer: string): Location;
  /** Resolves a path written at `pointer` (e.g. a template file) relative to the file that wrote it. */
  resolvePath(pointer: string, relPath: string): string;
  /** Every file read (entry and includes), for watchers and caches. */
  files: string[];
  /**
   * Pointers (in the assembled value) where an include failed: checks skip them, the include's own problem says why.
   */
  failedIncludes: string[];
  /** For every version id: the version it amends and the act items that changed its elements (empty for originals). */
  provenance: Map<string, VersionProvenance>;
  /**
   * Problems of materialising versions appended after assembly (a draft written as an amendment); assembly's own are
   * returned beside the definition.
   */
  materialisationProblems?: Problem[];
}

export interface AssembleOptions {
  /**
   * Version files appended to the service's `versions` (drafts kept by the runtime, read through `readText` like any
   * file), so that a draft is assembled, materialised and located exactly like a version on disk.
   */
  appendVersions?: string[];
}

const INCLUDE = '$include';

/**
 * Reads a definition file and resolves `{"$include": "file.json#/pointer", ...overrides}` anywhere in it: the
 * included value (an object) is shallow-merged with the sibling keys, which win. Paths are relative to the including
 * file. Shared fragments (the grounds of art. 19-1 of the Law "On state services") are reused this way.
 *
 * @example
 *   const { definition, problems } = assembleDefinition('definitions/services/x/service.json', readText);
 *   definition?.locate('/versions/0/machine/initial') // { file: '.../service.json', line: 12, column: 7, ... }
 */
export function assembleDefinition(
  entryFile: string,
  readText: ReadText,
  options: AssembleOptions = {},
): { definition?: AssembledDefinition; problems: Problem[] } {
  const problems: Problem[] = [];
  const sources = new Map<string, JsonSource | null>();
  const origins: Origin[] = [{ at: '', file: entryFile, pointer: '' }];
  const failedIncludes: string[] = [];

  const load = (file: string, from?: { file: string; pointer: string }): JsonSource | null => {
    if (sources.has(file)) return sources.get(file)!;
    const where = () => (from ? locateIn(from.file, from.pointer) : { line: 1, column: 1 });
    let text: string | undefined;
    try {
      text = readText(file);
    } catch (e) {
      if (!isProblemError(e)) throw e;
      sources.set(file, null);
      const { line, column } = where();
      problems.push({
        ...e.problem,
        kind: 'definition',
        message: `${from?.file ?? file}:${line}:${column}: ${e.problem.message}`,
        file: from?.file ?? file,
        pointer: from?.pointer,
        line,
        column,
      });
      return null;
    }
    if (text === undefined) {
      sources.set(file, null);
      const { line, column } = where();
      problems.push({
        code: 'include.missingFile',
        kind: 'definition',
        message: from
          ? `${from.file}:${line}:${column}: the included file "${file}" does not exist; "$include" takes a path relative to this file, e.g. {"$include": "../../../shared/grounds/law-state-services-art-19-1.json#/grounds/unreliable-documents"}`
          : `${file}: the file does not exist`,
        file: from?.file ?? file,
        pointer: from?.pointer,
        line,
        column,
      });
      return null;
    }
    const { source, problems: syntax } = parseJsonSource(file, text);
    problems.push(...syntax);
    sources.set(file, syntax.length ? null : source);
    return syntax.length ? null : source;
  };

  const locateIn = (file: string, pointer: string) => {
    const src = sources.get(file);
    return src ? locateInSource(src, pointer) : { line: 1, column: 1 };
  };

  const resolve = (node: unknown, file: string, filePointer: string, at: string, stack: string[]): unknown => {
    if (Array.isArray(node))
      return node.map((item, i) => resolve(item, file, appendPointer(filePointer, i), appendPointer(at, i), stack));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj[INCLUDE] === 'string') {
      const ref = obj[INCLUDE] as string;
      const hash = ref.indexOf('#');
      const target = joinPath(dirname(file), hash < 0 ? ref : ref.slice(0, hash));
      const targetPointer = hash < 0 ? '' : ref.slice(hash + 1);
      const includeAt = appendPointer(filePointer, INCLUDE);
      const key = `${target}#${targetPointer}`;
      if (stack.includes(key)) {
        failedIncludes.push(at);
        problems.push({
          code: 'include.cycle',
          kind: 'definition',
          message: `${file}: "$include" of "${ref}" includes itself (${[...stack, key].join(' → ')})`,
          file,
          pointer: includeAt,
          ...locateIn(file, includeAt),
        });
        return {};
      }
      const src = load(target, { file, pointer: includeAt });
      if (!src) {
        failedIncludes.push(at);
        return {};
      }
      let included: unknown;
      try {
        included = getAtPointer(src.value, targetPointer);
      } catch {
        included = undefined;
      }
      if (included === undefined) {
        failedIncludes.push(at);
        problems.push({
          code: 'include.missingPointer',
          kind: 'definition',
          message: `${file}:${locateIn(file, includeAt).line}: "${ref}": the file "${target}" has nothing at "${targetPointer}"`,
          file,
          pointer: includeAt,
          ...locateIn(file, includeAt),
        });
        return {};
      }
      origins.push({ at, file: target, pointer: targetPointer });
      const base = resolve(included, target, targetPointer, at, [...stack, key]);
      const overrides = Object.keys(obj).filter((k) => k !== INCLUDE);
      if (overrides.length === 0) return base;
      if (base === null || typeof base !== 'object' || Array.isArray(base)) {
        problems.push({
          code: 'include.notObject',
          kind: 'definition',
          message: `${file}: "${ref}" is not an object, so keys beside "$include" cannot be merged into it`,
          file,
          pointer: includeAt,
          ...locateIn(file, includeAt),
        });
        return base;
      }
      const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
      for (const k of overrides) {
        origins.push({ at: appendPointer(at, k), file, pointer: appendPointer(filePointer, k) });
        merged[k] = resolve(obj[k], file, appendPointer(filePointer, k), appendPointer(at, k), stack);
      }
      return merged;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj))
      out[k] = resolve(v, file, appendPointer(filePointer, k), appendPointer(at, k), stack);
    return out;
  };

  const entry = load(entryFile);
  if (!entry) return { problems };
  const value = resolve(entry.value, entryFile, '', '', [`${entryFile}#`]);
  const versions = (value as { versions?: unknown })?.versions;
  for (const file of options.appendVersions ?? []) {
    if (!Array.isArray(versions)) break;
    const src = load(file);
    if (!src) continue;
    const at = `/versions/${versions.length}`;
    origins.push({ at, file, pointer: '' });
    versions.push(resolve(src.value, file, '', at, [`${file}#`]));
  }

  const amended = applyAmendments(value, origins, locateIn, entryFile);
  problems.push(...amended.problems);
  failedIncludes.push(...amended.failed);
  const definition: AssembledDefinition = {
    entryFile,
    value,
    files: [...sources.keys()].filter((f) => sources.get(f)),
    failedIncludes,
    provenance: amended.provenance,
    locate(pointer) {
      const o = originOf(origins, pointer, entryFile);
      return { ...o, ...locateIn(o.file, o.pointer) };
    },
    resolvePath(pointer, relPath) {
      return joinPath(dirname(originOf(origins, pointer, entryFile).file), relPath);
    },
  };
  return { definition, problems };
}

export { formatPointer, parsePointer };
