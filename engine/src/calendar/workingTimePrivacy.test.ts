import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * WorkingTime's per-day tables (typed arrays indexed by day) are the calendar module's private representation: code
 * outside engine/src/calendar that read them (local midnights from `dayStart`, offsets from `offsetMinutes`) wrote
 * its own zone arithmetic, and went wrong outside the coverage. Outside the module only `calendar`, `schedule`,
 * `timeZone` and `coverage` may be read; anything else goes through a function of the module. The fields are taken
 * from the interface itself, so a new table is private without editing this test.
 */

const REPO = resolve(__dirname, '../../..');
const CALENDAR = __dirname;
const PUBLIC = new Set(['calendar', 'schedule', 'timeZone', 'coverage']);

function privateFields(): Set<string> {
  const file = join(CALENDAR, 'compileWorkingTime.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'WorkingTime')
      for (const m of node.members) if (m.name && ts.isIdentifier(m.name)) names.add(m.name.text);
  });
  for (const p of PUBLIC) names.delete(p);
  return names;
}

// Names common enough elsewhere (`window.open`, `result.reason`) count only when indexed like a table: `x.open[i]`.
const COMMON_WORDS = new Set(['open', 'working', 'reason', 'weekday', 'details', 'slots']);

/** Reads of private WorkingTime fields in one file's text, as "line:column .name". */
function privateReads(fileName: string, text: string, fields: Set<string>): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && fields.has(node.name.text)) {
      const indexed = ts.isElementAccessExpression(node.parent) && node.parent.expression === node;
      if (!COMMON_WORDS.has(node.name.text) || indexed) {
        const { line, character } = source.getLineAndCharacterOfPosition(node.name.getStart());
        found.push(`${line + 1}:${character + 1} .${node.name.text}`);
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const fields = privateFields();

test('the private fields are read off the WorkingTime interface', () => {
  expect([...fields]).toEqual(expect.arrayContaining(['dayStart', 'offsetMinutes', 'intervalStart', 'dayCount']));
  expect(fields.has('timeZone')).toBe(false);
});

test.each([
  ['const first = wt.dayStart[0];', true],
  ['const n = service.workingTime.dayCount;', true],
  ['if (wt.working[day]) n++;', true],
  ['const zone = wt.timeZone; const from = wt.coverage.from;', false],
  ['window.open(url); const why = result.reason;', false],
])('the checker itself: %s → private read: %s', (text, expected) => {
  expect(privateReads('x.ts', text, fields).length > 0).toBe(expected);
});

test('no code outside engine/src/calendar reads the tables of a WorkingTime', () => {
  const roots = ['engine/src', 'runtime/src', 'admin-ui/src', 'tests'].map((d) => join(REPO, d));
  const files = roots.flatMap(sources).filter((f) => !f.startsWith(CALENDAR + sep));
  expect(files.length).toBeGreaterThan(50);
  const reads = files.flatMap((f) =>
    privateReads(f, readFileSync(f, 'utf8'), fields).map((r) => `${relative(REPO, f)}:${r}`),
  );
  expect(reads).toEqual([]);
});
