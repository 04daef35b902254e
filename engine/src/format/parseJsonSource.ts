import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from '../errors/problem';
import { parsePointer } from './jsonPointer';

/** A JSON file parsed with its source positions, so every problem can name its line and column. */
export interface JsonSource {
  file: string;
  text: string;
  value: unknown;
  /** The syntax tree with offsets. Built on first use: only a problem to locate needs it. */
  readonly tree: Node | undefined;
  /** Line starts (offsets), for offset → line:column. */
  readonly lineStarts: number[];
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** A JsonSource whose tree and line starts are computed when first read, then kept. */
class ParsedSource implements JsonSource {
  #tree?: { node: Node | undefined };
  #lineStarts?: number[];
  constructor(
    readonly file: string,
    readonly text: string,
    public value: unknown,
    tree?: Node,
  ) {
    if (tree) this.#tree = { node: tree };
  }
  get tree(): Node | undefined {
    this.#tree ??= { node: parseTree(this.text, [], STRICT) };
    return this.#tree.node;
  }
  get lineStarts(): number[] {
    return (this.#lineStarts ??= computeLineStarts(this.text));
  }
}

export function offsetToLineColumn(
  source: Pick<JsonSource, 'lineStarts'>,
  offset: number,
): { line: number; column: number } {
  const starts = source.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/**
 * Parses strict JSON (no comments, no trailing commas) and reports every syntax error with its line:column.
 * @example parseJsonSource('service.json', '{"id": "x"}').value // { id: 'x' }
 */
export function parseJsonSource(file: string, text: string): { source: JsonSource; problems: Problem[] } {
  // a BOM from a Windows editor is not an error of the author's
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Most files are valid and have no key twice: JSON.parse (~10 times faster than building the tree) settles that.
  const fast = parsedWithoutDuplicates(text);
  if (fast) return { source: new ParsedSource(file, text, fast.value), problems: [] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT);
  const source = new ParsedSource(file, text, undefined, tree);
  const problems: Problem[] = errors.map((e) => {
    const { line, column } = offsetToLineColumn(source, e.offset);
    const what = printParseErrorCode(e.error);
    return {
      code: 'json.syntax',
      kind: 'definition',
      message: `${file}:${line}:${column}: this is not valid JSON (${what}). JSON needs double-quoted keys and strings, commas between items and no trailing comma, e.g. {"id": "x", "kind": "state-service"}`,
      file,
      line,
      column,
      params: { error: what },
    };
  });
  if (problems.length === 0 && tree) {
    problems.push(...duplicateKeys(source, tree));
    source.value = JSON.parse(text);
  }
  return { source, problems };
}

/** A JSON string, or a colon outside strings: in valid JSON each such colon separates one key from its value. */
const STRING_OR_COLON = /"(?:[^"\\]|\\.)*"|:/g;

function keysWritten(text: string): number {
  let n = 0;
  STRING_OR_COLON.lastIndex = 0;
  for (let m = STRING_OR_COLON.exec(text); m; m = STRING_OR_COLON.exec(text)) if (m[0] === ':') n++;
  return n;
}

function keysKept(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  if (Array.isArray(value)) for (const item of value) n += keysKept(item);
  else
    for (const item of Object.values(value)) {
      n++;
      n += keysKept(item);
    }
  return n;
}

/**
 * The value, when the text is valid JSON and JSON.parse kept every key it holds (a key written twice leaves one
 * fewer); otherwise undefined, and the tree is built to say where.
 */
function parsedWithoutDuplicates(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return keysKept(value) === keysWritten(text) ? { value } : undefined;
}

/** JSON.parse keeps the last of two equal keys silently; an analyst's second "deadlines" would hide the first. */
function duplicateKeys(source: JsonSource, node: Node): Problem[] {
  const out: Problem[] = [];
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key) continue;
      if (seen.has(key.value)) {
        const { line, column } = offsetToLineColumn(source, key.offset);
        out.push({
          code: 'json.duplicateKey',
          kind: 'definition',
          file: source.file,
          line,
          column,
          message: `${source.file}:${line}:${column}: the key "${key.value}" appears twice in this object; JSON keeps only the last one, so merge them into one`,
        });
      }
      seen.add(key.value);
    }
  }
  for (const child of node.children ?? []) out.push(...duplicateKeys(source, child));
  return out;
}

/**
 * The line:column of the value at a pointer in the file; when the pointer names a missing key, the position of the
 * nearest existing parent (so "missing key" errors point at the object that lacks it).
 */
export function locateInSource(source: JsonSource, pointer: string): { line: number; column: number } {
  if (!source.tree) return { line: 1, column: 1 };
  let segs: Array<string | number> = parsePointer(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (;;) {
    const node = findNodeAtLocation(source.tree, segs);
    if (node) {
      // For a property value, point at its key: that is where an analyst looks.
      const at =
        node.parent && node.parent.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
      return offsetToLineColumn(source, at.offset);
    }
    if (segs.length === 0) return { line: 1, column: 1 };
    segs = segs.slice(0, -1);
  }
}
