import { applyOperation, JsonPatchError, type Operation } from 'fast-json-patch';
import type { Problem } from '../errors/problem';
import { escapeSegment, getAtPointer, parsePointer } from './jsonPointer';
import { originOf, pinOrigin, type Origin } from './origins';
import { closeGap, isUnder, openGap, rebase, splitLast, takeUnder, type AtPointer } from './pointerShift';
import type { ChangeDef, LegalRef } from './types';

/**
 * Amendments as data: a version written as `{ "basedOn": "<version id>", "changes": [RFC 6902 operations, each with
 * the legalRef of the amending act's item], …keys that replace the base's }` is materialised here into a whole
 * version, as if the analyst had written the copy. The patch itself is applied by fast-json-patch; this module keeps
 * what the library does not: where every part was written (so a problem in the result still points at the file and
 * line that wrote it) and which act item last changed each element (provenance).
 */

export type ChangeOp = ChangeDef['op'];

/** What an act item did to an element of a version, as the provenance of that element. */
export interface ChangeRecord {
  /** Where the element is in the materialised version (for a removal: where it was). */
  pointer: string;
  op: ChangeOp;
  from?: string;
  legalRef: LegalRef;
  /** The version whose `changes` hold this change, and its index there. */
  version: string;
  change: number;
  before?: unknown;
  after?: unknown;
}

export interface VersionProvenance {
  basedOn: string | null;
  /** Every change of the chain whose effect is still visible, oldest first; removals at the pointer they had. */
  changes: ChangeRecord[];
}

interface Tracked extends AtPointer {
  record: ChangeRecord;
}

/** Keys that belong to the amending file itself and are never patched. */
const OWN_ONLY = new Set(['id', 'basedOn', 'changes']);

const LIBRARY_MESSAGES: Record<string, string> = {
  OPERATION_PATH_UNRESOLVABLE: 'the base version has nothing at this path',
  OPERATION_FROM_UNRESOLVABLE: 'the base version has nothing at "from"',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: 'an array index must be a whole number or "-" (append)',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the index is past the end of the array',
  OPERATION_VALUE_REQUIRED: '"add", "replace" and "test" need a "value"',
  OPERATION_FROM_REQUIRED: '"move" and "copy" need a "from"',
  OPERATION_OP_INVALID: '"op" must be one of add, remove, replace, move, copy, test',
  OPERATION_PATH_INVALID: '"path" must be a JSON Pointer starting with "/"',
  OPERATION_NOT_AN_OBJECT: 'a change is an object { "op", "path", "value"?, "from"?, "legalRef" }',
  TEST_OPERATION_FAILED: 'the "test" does not hold',
  OPERATION_PATH_CANNOT_ADD: 'cannot add at this path',
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: 'the value contains undefined',
};

/** Definitions are JSON: a JSON round trip is a faithful copy (undefined stays undefined). */
const cloneJson = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** The deepest prefix of `path` that exists in `doc`, to say where in the base a path stops resolving. */
function deepestExisting(doc: unknown, path: string): string {
  const segments = parsePointer(path);
  let found = '';
  let cur: unknown = doc;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, s)) break;
    cur = (cur as Record<string, unknown>)[s];
    found += '/' + escapeSegment(s);
  }
  return found;
}

const describe = (v: unknown) =>
  v === undefined
    ? 'nothing'
    : Array.isArray(v)
      ? `an array of ${v.length}`
      : v === null
        ? 'null'
        : typeof v === 'object'
          ? 'an object'
          : JSON.stringify(v);

/** Bookkeeping of one materialisation: the origins and provenance lists follow each operation. */
class Tracker {
  constructor(
    /** The version's pointer in the service (`/versions/<i>`); every entry lies under it. */
    readonly at: string,
    readonly origins: Origin[],
    readonly provenance: Tracked[],
  ) {}

  private lists(): AtPointer[][] {
    return [this.origins, this.provenance];
  }

  /**
   * Before an operation shifts the items of an array or carries a value away, each of them gets an origin record of
   * its own: otherwise an item inherited whole is located through its ancestor's record, by the index it had.
   */
  pin(doc: unknown, pointers: string[]): void {
    // No fallback file is needed: the tracker's first entry covers the whole version.
    for (const pointer of pointers) {
      const { parent } = splitLast(pointer);
      const container = getAtPointer(doc, parent);
      if (Array.isArray(container))
        container.forEach((_, n) => pinOrigin(this.origins, `${this.at}${parent}/${n}`, ''));
      if (getAtPointer(doc, pointer) !== undefined) pinOrigin(this.origins, this.at + pointer, '');
    }
  }

  /** An item enters an array at `pointer` (the later items move up), or a place is overwritten (its records go). */
  makeRoom(pointer: string, insertIntoArray: boolean): void {
    for (const list of this.lists()) {
      if (insertIntoArray) openGap(list, pointer);
      else takeUnder(list, pointer);
    }
  }

  remove(pointer: string, parentIsArray: boolean): { origins: Origin[]; provenance: Tracked[] } {
    return {
      origins: closeGap(this.origins, pointer, parentIsArray),
      provenance: closeGap(this.provenance, pointer, parentIsArray),
    };
  }

  /** What is recorded at or under `pointer`, copied to lie under a placeholder until it is put at its destination. */
  carry(pointer: string): { origins: Origin[]; provenance: Tracked[] } {
    return { origins: rebase(this.origins, pointer, '\0'), provenance: rebase(this.provenance, pointer, '\0') };
  }
}

/**
 * Why a change's `path` or `from` cannot be handed to the library, or undefined: a pointer without its leading "/"
 * makes our own pointer code throw (and the library ignores a bad `from`), and a way through the prototype makes the
 * library throw a TypeError; both must be located problems, not stack traces.
 */
function pointerMistake(
  pointer: string | undefined,
  key: 'path' | 'from',
): { key: 'path' | 'from'; code: string; message: string } | undefined {
  if (pointer === undefined || pointer === '') return undefined;
  const Key = key === 'path' ? 'Path' : 'From';
  if (!pointer.startsWith('/'))
    return {
      key,
      code: `amendment.operation${Key}Invalid`,
      message: `"${key}": "${pointer}" is not a JSON Pointer, which starts with "/", e.g. "/${pointer}"`,
    };
  const segments = parsePointer(pointer);
  if (segments.some((s, i) => s === '__proto__' || (s === 'prototype' && segments[i - 1] === 'constructor')))
    return {
      key,
      code: `amendment.operation${Key}Banned`,
      message: `"${key}": "${pointer}" goes through "__proto__" or "constructor/prototype", which no version has`,
    };
  return undefined;
}

/** The concrete pointer an `add`/`move`/`copy` target names ("-" → the appended index). */
function concreteTarget(doc: unknown, path: string): { pointer: string; parentIsArray: boolean } {
  const { parent, last } = splitLast(path);
  const container = getAtPointer(doc, parent);
  if (Array.isArray(container))
    return { pointer: last === '-' ? `${parent}/${container.length}` : path, parentIsArray: true };
  return { pointer: path, parentIsArray: false };
}

/**
 * Materialises every version of `service` that is written as an amendment, in place, following chains. `origins`
 * (the assembler's record of where each part was written) is updated so that locating a pointer inside a
 * materialised version finds the base's file or the change that wrote it. Returns the provenance of every version by
 * id, the problems (located at the change), and the pointers of versions that could not be materialised.
 *
 * @example
 *   // versions: [{ id: 'v1', deadlines: [{ id: 'service', duration: '1 workingDays' }], … },
 *   //            { id: 'v2', basedOn: 'v1', changes: [{ op: 'replace', path: '/deadlines/0/duration',
 *   //              value: '2 workingDays', legalRef: { act: 'order-999', paragraph: '1' } }] }]
 *   applyAmendments(service, origins, locate).provenance.get('v2')?.changes[0]
 *   // { pointer: '/deadlines/0/duration', op: 'replace', before: '1 workingDays', after: '2 workingDays', … }
 */
export function applyAmendments(
  service: unknown,
  origins: Origin[],
  locate: (file: string, pointer: string) => { line: number; column: number },
  entryFile: string,
): { provenance: Map<string, VersionProvenance>; problems: Problem[]; failed: string[] } {
  const provenance = new Map<string, VersionProvenance>();
  const problems: Problem[] = [];
  const failed: string[] = [];
  const versions = (service as { versions?: unknown })?.versions;
  if (!Array.isArray(versions)) return { provenance, problems, failed };

  const state = new Map<number, 'visiting' | 'done' | 'failed'>();
  const indexOfId = (id: string) =>
    versions.findIndex((v) => v && typeof v === 'object' && (v as { id?: unknown }).id === id);

  const problem = (at: string, code: string, message: string, params: Record<string, unknown> = {}) => {
    const o = originOf(origins, at, entryFile);
    const { line, column } = locate(o.file, o.pointer);
    problems.push({
      code,
      kind: 'definition',
      message: `${o.file}:${line}:${column}: ${message}`,
      file: o.file,
      pointer: at,
      line,
      column,
      params,
    });
  };

  /** How many versions lie below each version in its chain (0: written whole), to order provenance oldest first. */
  const depth = new Map<string, number>();
  /** The versions being materialised, innermost last, to name a cycle by its members. */
  const stack: number[] = [];
  const idOf = (n: number) => String((versions[n] as { id?: unknown } | null)?.id ?? n);

  const fail = (n: number) => {
    if (state.get(n) !== 'failed') failed.push(`/versions/${n}`);
    state.set(n, 'failed');
    return false;
  };

  const materialise = (i: number): boolean => {
    const seen = state.get(i);
    if (seen === 'done') return true;
    if (seen === 'failed') return false;
    const at = `/versions/${i}`;
    const own = versions[i] as Record<string, unknown>;
    const id = idOf(i);
    if (!own || typeof own !== 'object' || typeof own.basedOn !== 'string') {
      state.set(i, 'done');
      depth.set(id, 0);
      provenance.set(id, { basedOn: null, changes: [] });
      return true;
    }
    if (seen === 'visiting') {
      // Every member of the cycle is told, each with the cycle read from itself.
      const members = stack.slice(stack.indexOf(i));
      members.forEach((m, k) => {
        const chain = [...members.slice(k), ...members.slice(0, k), m].map(idOf).join(' → ');
        problem(
          `/versions/${m}/basedOn`,
          'amendment.cycle',
          `version "${idOf(m)}" is based, through its chain, on itself: ${chain}`,
        );
        fail(m);
      });
      return false;
    }
    state.set(i, 'visiting');
    stack.push(i);
    const built = build(i, at, own, id);
    stack.pop();
    if (!built) return fail(i);
    state.set(i, 'done');
    return true;
  };

  /** Materialises version `i` (written as an amendment) once its base is; false when it cannot be. */
  const build = (i: number, at: string, own: Record<string, unknown>, id: string): boolean => {
    const basedOn = own.basedOn as string;
    const j = indexOfId(basedOn);
    if (j < 0) {
      const ids = versions.map((v) => (v as { id?: unknown })?.id).filter((x) => typeof x === 'string');
      problem(
        `${at}/basedOn`,
        'amendment.unknownBase',
        `"basedOn": "${basedOn}" names no version of this service; it has ${ids.map((x) => `"${x}"`).join(', ')}`,
        { basedOn },
      );
      return false;
    }
    if (!materialise(j)) {
      if (state.get(i) !== 'failed')
        problem(
          `${at}/basedOn`,
          'amendment.baseFailed',
          `the base version "${basedOn}" has problems of its own (listed above); this version cannot be built before they are fixed`,
        );
      return false;
    }
    const changes = own.changes;
    if (!Array.isArray(changes)) {
      problem(
        at,
        'amendment.noChanges',
        `a version with "basedOn" lists its "changes" (an array of RFC 6902 operations, each with a "legalRef"), e.g. [{ "op": "replace", "path": "/deadlines/0/duration", "value": "2 workingDays", "legalRef": { "act": "…", "paragraph": "1" } }]`,
      );
      return false;
    }

    // Where the amending file's own parts were written, kept for locating its keys and its changes.
    const ownOrigins = takeUnder(origins, at);
    const ownRoot = originOf([...origins, ...ownOrigins], at, entryFile);
    const base = versions[j] as Record<string, unknown>;
    const doc = cloneJson(base);
    delete doc.basedOn;
    delete doc.changes;
    const baseProvenance = provenance.get(idOf(j))?.changes ?? [];
    const tracker = new Tracker(
      at,
      [{ at, ...originOf(origins, `/versions/${j}`, entryFile) }, ...rebase(origins, `/versions/${j}`, at)],
      baseProvenance.filter((r) => r.op !== 'remove').map((r) => ({ at: at + r.pointer, record: r })),
    );
    let removed: ChangeRecord[] = baseProvenance.filter((r) => r.op === 'remove');
    const locateChange = (k: number, key?: string) => {
      const p = `${at}/changes/${k}${key ? '/' + key : ''}`;
      return originOf([{ at, ...ownRoot }, ...ownOrigins], p, entryFile);
    };
    const changeProblem = (
      k: number,
      key: string | undefined,
      code: string,
      message: string,
      params: Record<string, unknown>,
    ) => {
      const o = locateChange(k, key);
      const { line, column } = locate(o.file, o.pointer);
      problems.push({
        code,
        kind: 'definition',
        message: `${o.file}:${line}:${column}: change ${k}: ${message}`,
        file: o.file,
        pointer: `${at}/changes/${k}${key ? '/' + key : ''}`,
        line,
        column,
        params,
      });
    };

    let ok = true;
    changes.forEach((raw, k) => {
      if (!ok) return;
      const change = raw as ChangeDef;
      const path = typeof change?.path === 'string' ? change.path : undefined;
      const from =
        typeof change?.from === 'string' && (change.op === 'move' || change.op === 'copy') ? change.from : undefined;
      const mistake = pointerMistake(path, 'path') ?? pointerMistake(from, 'from');
      if (mistake) {
        changeProblem(k, mistake.key, mistake.code, mistake.message, { path, ...(from !== undefined ? { from } : {}) });
        ok = false;
        return;
      }
      const first = path ? parsePointer(path)[0] : undefined;
      if (
        path === '' ||
        (first !== undefined && (OWN_ONLY.has(first) || Object.prototype.hasOwnProperty.call(own, first)))
      ) {
        changeProblem(
          k,
          'path',
          'amendment.ownKey',
          path === ''
            ? `"path": "" names the whole version; write the keys it replaces beside "basedOn" instead`
            : `"${path}" is written beside "basedOn" in this file (or is the version's id, basedOn or changes); change it in one place only`,
          { path },
        );
        ok = false;
        return;
      }
      const before = path !== undefined ? cloneJson(getAtPointer(doc, path)) : undefined;
      const target = path !== undefined ? concreteTarget(doc, path) : undefined;
      const fromParentIsArray = from !== undefined && Array.isArray(getAtPointer(doc, splitLast(from).parent));
      if (path !== undefined && change.op !== 'test') tracker.pin(doc, from !== undefined ? [path, from] : [path]);
      const { legalRef, note, ...operation } = (change ?? {}) as ChangeDef;
      try {
        applyOperation(doc, cloneJson(operation) as Operation, true, true, true, k);
      } catch (e) {
        if (!(e instanceof JsonPatchError)) throw e;
        const fromFailed = e.name === 'OPERATION_FROM_UNRESOLVABLE';
        const missingAt = fromFailed ? from! : (path ?? '');
        const exists = deepestExisting(doc, missingAt);
        const where = [
          'OPERATION_PATH_UNRESOLVABLE',
          'OPERATION_FROM_UNRESOLVABLE',
          'OPERATION_PATH_CANNOT_ADD',
          'OPERATION_VALUE_OUT_OF_BOUNDS',
        ].includes(e.name)
          ? `; in the base version "${basedOn}" the path resolves as far as "${exists || '/'}" (${describe(getAtPointer(doc, exists))})`
          : e.name === 'TEST_OPERATION_FAILED'
            ? `: it expects ${describe(change.value)}, the base version "${basedOn}" has ${describe(getAtPointer(doc, missingAt))}`
            : '';
        changeProblem(
          k,
          fromFailed ? 'from' : 'path',
          `amendment.${e.name.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}`,
          `${change?.op ?? '?'} "${missingAt}": ${LIBRARY_MESSAGES[e.name] ?? e.message}${where}`,
          { path, ...(from !== undefined ? { from } : {}), basePointer: exists, baseVersion: basedOn },
        );
        ok = false;
        return;
      }
      if (change.op === 'test' || !path || !target) return;
      const record = (pointer: string, extra: Partial<ChangeRecord> = {}): ChangeRecord => ({
        pointer: pointer.slice(at.length),
        op: change.op,
        legalRef,
        version: id,
        change: k,
        ...extra,
      });
      const abs = at + path;
      if (change.op === 'remove') {
        const { parentIsArray } = concreteTarget(doc, path);
        tracker.remove(abs, parentIsArray);
        removed.push(record(abs, { before }));
        return;
      }
      let carried: { origins: Origin[]; provenance: Tracked[] } = { origins: [], provenance: [] };
      if (change.op === 'move') {
        const fromAbs = at + from!;
        const taken = tracker.remove(fromAbs, fromParentIsArray);
        carried = {
          origins: rebase(taken.origins, fromAbs, '\0'),
          provenance: rebase(taken.provenance, fromAbs, '\0'),
        };
      }
      // A copy carries what is recorded at its source before the room made for it shifts the source's neighbours.
      if (change.op === 'copy') carried = tracker.carry(at + from!);
      // After a move the target is resolved on the document as it now is (the item left its old place first).
      const dest = change.op === 'move' ? concreteTarget(doc, path) : target;
      const destAbs =
        at +
        (change.op === 'move' && splitLast(path).last === '-'
          ? dest.pointer.replace(/\/(\d+)$/, (_, n: string) => `/${Number(n) - 1}`)
          : dest.pointer);
      tracker.makeRoom(destAbs, dest.parentIsArray && change.op !== 'replace');
      if (change.op === 'add' || change.op === 'replace') {
        const valueAt = `${at}/changes/${k}/value`;
        tracker.origins.push({ at: destAbs, ...locateChange(k, 'value') }, ...rebase(ownOrigins, valueAt, destAbs));
      } else {
        tracker.origins.push(...rebase(carried.origins, '\0', destAbs));
        tracker.provenance.push(...rebase(carried.provenance, '\0', destAbs));
      }
      const after = cloneJson(getAtPointer(doc, destAbs.slice(at.length)));
      // An add into an array shifts what was there; only an overwritten place has a "before".
      const overwrote = before !== undefined && !(change.op !== 'replace' && dest.parentIsArray);
      tracker.provenance.push({
        at: destAbs,
        record: record(destAbs, {
          ...(overwrote ? { before } : {}),
          after,
          ...(from !== undefined ? { from } : {}),
        }),
      });
    });
    if (!ok) return false;

    // Keys written beside basedOn replace the base's, and are located in the amending file; what earlier versions
    // recorded beneath them no longer describes their value.
    const ownKeyOrigins: Origin[] = [];
    for (const key of Object.keys(own)) {
      const keyAt = `${at}/${key}`;
      takeUnder(tracker.origins, keyAt);
      takeUnder(tracker.provenance, keyAt);
      removed = removed.filter((r) => !isUnder(at + r.pointer, keyAt));
      doc[key] = own[key];
      ownKeyOrigins.push({ at: keyAt, file: ownRoot.file, pointer: `${ownRoot.pointer}/${key}` });
    }
    versions[i] = doc;
    // Includes inside the file's own keys (and its changes) keep locating there; its root now is the base's.
    const insideOwnKeys = ownOrigins.filter(
      (o) => o.at !== at && Object.keys(own).some((key) => isUnder(o.at, `${at}/${key}`)),
    );
    origins.push(...tracker.origins, ...ownKeyOrigins, ...insideOwnKeys);
    const visible = tracker.provenance.map((t) => ({ ...t.record, pointer: t.at.slice(at.length) }));
    depth.set(id, (depth.get(idOf(j)) ?? 0) + 1);
    // Oldest first: by how deep in the chain the version that made the change lies, then by the change's index.
    const age = (r: ChangeRecord) => depth.get(r.version) ?? 0;
    provenance.set(id, {
      basedOn,
      changes: [...visible, ...removed].sort((a, b) => age(a) - age(b) || a.change - b.change),
    });
    return true;
  };

  versions.forEach((_, i) => materialise(i));
  return { provenance, problems, failed };
}
