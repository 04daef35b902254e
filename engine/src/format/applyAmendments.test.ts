import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '../calendar';
import { compileService } from '../compiler';
import type { Problem } from '../errors/problem';
import table from './applyAmendments.cases.json';
import { assembleDefinition, type AssembledDefinition } from './assembleDefinition';
import { getAtPointer } from './jsonPointer';
import { offsetToLineColumn, parseJsonSource } from './parseJsonSource';

/**
 * Amendments as data (applyAmendments.ts, called by assembleDefinition): every case of applyAmendments.cases.json
 * builds a service in memory from the shared fixture plus the case's own files, assembles it (and compiles it when
 * the case says so, for what only the meta-schema or the compiler can see) and compares what it expects: values of
 * the materialised versions, their provenance, where parts of them locate, how template paths resolve, and the exact
 * list of problems with their code, file, line, column and pointer.
 */

type Json = unknown;

interface ExpectedProblem {
  code: string;
  file: string;
  pointer: string;
  /** A regular expression (flag m) matched in `file`: the problem's line:column is the first character of its match. */
  at: string;
  params?: Record<string, Json>;
  messageIncludes?: string[];
}

interface Case {
  name: string;
  /** Version files listed in service.json as `$include`s, in order. */
  versions: string[];
  /** Version files appended as drafts (assembleDefinition's `appendVersions`). */
  appendVersions?: string[];
  /** Files added to (or replacing) the fixture's: a JSON value is written with a 2-space indent, a string as is. */
  files: Record<string, Json>;
  /** Also compile the service (meta-schema, references, templates); its problems join the assembler's. */
  compile?: boolean;
  expect: {
    /** By version id: values at pointers of the materialised version; "$absent" means nothing is there. */
    versions?: Record<string, Record<string, Json>>;
    /** By version id: the provenance; each record is compared on the keys written ("$absent": the key is missing). */
    provenance?: Record<string, { basedOn: string | null; changes: Array<Record<string, Json>> }>;
    /** Where a pointer of the assembled value was written: file and pointer inside that file. */
    locate?: Array<{ pointer: string; file: string; filePointer: string }>;
    /** How a relative path written at a pointer resolves (template files of documents). */
    resolvePath?: Array<{ pointer: string; relPath: string; path: string }>;
    /** Every error (warnings aside), in any order. */
    problems?: ExpectedProblem[];
  };
}

const ABSENT = '$absent';

const { fixture, cases } = table as unknown as {
  fixture: { service: Record<string, Json>; files: Record<string, Json> };
  cases: Case[];
};

const repoRoot = join(__dirname, '../../..');
const readRepoJson = <T>(rel: string): T => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as T;
const workingTime = compileWorkingTime(
  readRepoJson<CalendarData>('definitions/calendars/kz.calendar.json'),
  readRepoJson<ScheduleData>('definitions/calendars/schedules/provider-default.schedule.json'),
);

const asText = (v: Json) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

function filesOf(c: Case): Record<string, string> {
  const files: Record<string, string> = {
    'service.json': asText({ ...fixture.service, versions: c.versions.map((f) => ({ $include: f })) }),
  };
  for (const [path, content] of Object.entries({ ...fixture.files, ...c.files })) files[path] = asText(content);
  return files;
}

/** line:column of the first match of `at` in the file's text, as the expected position of a problem. */
function positionOf(files: Record<string, string>, file: string, at: string): { line: number; column: number } {
  const text = files[file];
  if (text === undefined) throw new Error(`the case expects a problem in "${file}", which it does not write`);
  const match = new RegExp(at, 'm').exec(text);
  if (!match) throw new Error(`"${at}" does not occur in ${file}:\n${text}`);
  return offsetToLineColumn(parseJsonSource(file, text).source, match.index);
}

/** The actual record seen through the keys the case wrote, so a case states only what it is about. */
function project(actual: Record<string, Json>, expected: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.keys(expected).map((k) => [k, k in actual ? actual[k] : ABSENT]));
}

function build(c: Case): { files: Record<string, string>; definition?: AssembledDefinition; problems: Problem[] } {
  const files = filesOf(c);
  const readText = (p: string) => files[p];
  const { definition, problems } = assembleDefinition('service.json', readText, { appendVersions: c.appendVersions });
  if (!definition || !c.compile) return { files, definition, problems };
  const compiled = compileService(definition, {
    sharedActs: {},
    workingTime: (id) => (id === 'provider-default' ? workingTime : undefined),
    readText,
  });
  const errors = [...problems, ...compiled.problems];
  if (compiled.service && errors.every((p) => p.severity === 'warning')) {
    // What the compiler hands on is the assembler's provenance, for every version.
    for (const v of compiled.service.versions) expect(v.provenance).toEqual(definition.provenance.get(v.id));
    expect(compiled.service.versions).toHaveLength(c.versions.length + (c.appendVersions?.length ?? 0));
  }
  return { files, definition, problems: errors };
}

describe('amendments as data: materialised versions, provenance and located problems', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { files, definition, problems } = build(c);
    const errors = problems.filter((p) => p.severity !== 'warning');

    const expectedProblems = (c.expect.problems ?? []).map((p) => ({
      code: p.code,
      file: p.file,
      pointer: p.pointer,
      ...positionOf(files, p.file, p.at),
    }));
    const order = (a: { file?: string; pointer?: string; code: string }, b: typeof a) =>
      `${a.file} ${a.pointer} ${a.code}`.localeCompare(`${b.file} ${b.pointer} ${b.code}`);
    expect(
      errors
        .map((p) => ({ code: p.code, file: p.file, pointer: p.pointer, line: p.line, column: p.column }))
        .sort(order),
    ).toEqual(expectedProblems.sort(order));
    for (const want of c.expect.problems ?? []) {
      const got = errors.find((p) => p.code === want.code && p.pointer === want.pointer)!;
      // The message starts with where it is, so a terminal or an editor can jump there.
      expect(got.message.startsWith(`${got.file}:${got.line}:${got.column}: `)).toBe(true);
      if (want.params) expect(got.params).toMatchObject(want.params);
      for (const words of want.messageIncludes ?? []) expect(got.message).toContain(words);
    }
    if (!definition) return;

    const versions = (definition.value as { versions: Array<{ id: string }> }).versions;
    for (const [id, pointers] of Object.entries(c.expect.versions ?? {})) {
      const version = versions.find((v) => v.id === id);
      expect(version).toBeDefined();
      for (const [pointer, value] of Object.entries(pointers))
        expect([pointer, getAtPointer(version, pointer) ?? ABSENT]).toEqual([pointer, value]);
    }

    for (const [id, want] of Object.entries(c.expect.provenance ?? {})) {
      const got = definition.provenance.get(id);
      expect(got).toBeDefined();
      expect(got!.basedOn).toBe(want.basedOn);
      const records = got!.changes as unknown as Array<Record<string, Json>>;
      expect(records.map((r, k) => project(r, want.changes[k] ?? {}))).toEqual(want.changes);
    }

    for (const { pointer, file, filePointer } of c.expect.locate ?? []) {
      const where = definition.locate(pointer);
      expect({ pointer, file: where.file, filePointer: where.pointer }).toEqual({ pointer, file, filePointer });
    }

    for (const { pointer, relPath, path } of c.expect.resolvePath ?? [])
      expect([pointer, definition.resolvePath(pointer, relPath)]).toEqual([pointer, path]);
  });
});
