import cases from './validate.cases.json';
import { assertBuilt, copyExample, positionOf, runValidate, type CliProblem, type CliRun } from './exampleCopy';
import { applyMutation, type Mutation } from './mutateDefinition';

/**
 * Breaks a copy of the example service on purpose and checks that `qyzmet validate` names the exact file, JSON
 * Pointer and line:column, a code and a plain-words message — the contract of DESIGN.md ("exit 1 with errors located
 * by file, JSON pointer and line:column"). The cases live in validate.cases.json.
 */

interface Case {
  name: string;
  mutations: Mutation[];
  expect: {
    file: string;
    pointer: string | null;
    /** A regular expression; the problem's line:column is the first character of its first match. */
    at: string;
    code: string;
    messageIncludes: string[];
  };
}

const STACK_TRACE = 'at Object.';

function parseJsonOutput(run: CliRun): { ok: boolean; problems: CliProblem[] } {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`validate --json did not print JSON (exit ${run.status}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

/** A readable dump of what the CLI did report, for the failure message. */
const dump = (problems: CliProblem[]) =>
  problems.map((p) => `  ${p.code} ${p.file}:${p.line}:${p.column} ${p.pointer ?? '(no pointer)'} — ${p.message}`).join('\n');

beforeAll(assertBuilt);

describe('qyzmet validate locates each broken definition', () => {
  const table = (cases as { cases: Case[] }).cases;

  for (const c of table) {
    test(c.name, () => {
      const copy = copyExample();
      try {
        for (const m of c.mutations) applyMutation(copy, m);
        const result = runValidate(copy, true);
        expect(result.stderr).not.toContain(STACK_TRACE);
        expect(result.stdout).not.toContain(STACK_TRACE);
        const out = parseJsonOutput(result);
        expect(result.status).toBe(1);
        expect(out.ok).toBe(false);

        const file = `definitions/${c.expect.file}`;
        const { line, column } = positionOf(copy.read(c.expect.file), c.expect.at);
        const samePointer = (p: { pointer?: string }) =>
          c.expect.pointer === null ? p.pointer === undefined : p.pointer === c.expect.pointer;
        const found = out.problems.find((p) => p.code === c.expect.code && p.file === file && samePointer(p));
        if (!found) throw new Error(`no ${c.expect.code} problem in ${file} at pointer ${c.expect.pointer}; reported:\n${dump(out.problems)}`);
        expect({ line: found.line, column: found.column }).toEqual({ line, column });
        expect(found.severity ?? 'error').toBe('error');
        for (const words of c.expect.messageIncludes) expect(found.message).toContain(words);
      } finally {
        copy.remove();
      }
    });
  }

  test('the untouched copy is valid: exit 0, ok true, no problems', () => {
    const copy = copyExample();
    try {
      const result = runValidate(copy, true);
      const out = parseJsonOutput(result);
      expect(out.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      expect(out.ok).toBe(true);
      expect(result.status).toBe(0);
    } finally {
      copy.remove();
    }
  });
});

describe('qyzmet validate, human output', () => {
  test.each([
    ['a located problem (dangling target)', 'machine.unknownTarget', /examinaton/],
    ['a syntax error', 'json.syntax', null],
  ] as const)('prints file:line:column: for %s, without a stack trace', (_what, code, mentions) => {
    const c = (cases as { cases: Case[] }).cases.find((k) => k.expect.code === code)!;
    const copy = copyExample();
    try {
      for (const m of c.mutations) applyMutation(copy, m);
      const result = runValidate(copy, false);
      const { line, column } = positionOf(copy.read(c.expect.file), c.expect.at);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(`definitions/${c.expect.file}:${line}:${column}:`);
      if (mentions) expect(result.stdout).toMatch(mentions);
      expect(result.stdout + result.stderr).not.toContain(STACK_TRACE);
    } finally {
      copy.remove();
    }
  });
});

/**
 * Regression guard (engine/src/format/assembleDefinition.ts + compiler/compileService.ts): when an "$include" cannot
 * be read, its place holds {} and the meta-schema used to report "missing the required key" for every key the
 * analyst did write. Only the include's own problem may be reported.
 */
describe('a failed "$include" reports only its own problem', () => {
  const onlyProblems = (mutation: Mutation, code: string) => {
    const copy = copyExample();
    try {
      applyMutation(copy, mutation);
      const result = runValidate(copy, true);
      const out = parseJsonOutput(result);
      expect(result.status).toBe(1);
      const errors = out.problems.filter((p) => p.severity !== 'warning');
      expect(errors.map((p) => p.code)).toEqual(errors.map(() => code));
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      copy.remove();
    }
  };

  test('an "$include" of a missing file reports include.missingFile only', () => {
    onlyProblems({ file: 'services/cadastral-passport-duplicate/service.json', set: '/versions/0/$include', value: 'versions/2026-order-66.json' }, 'include.missingFile');
  });

  test('a syntax error in the included version file reports json.syntax only', () => {
    onlyProblems({ file: 'services/cadastral-passport-duplicate/versions/2026-order-65.json', regex: '("id"\\s*:\\s*"2026-order-65")\\s*,', replace: '$1' }, 'json.syntax');
  });
});
