import { appendFileSync, copyFileSync, rmSync } from 'node:fs';
import { applyEdits, findNodeAtLocation, modify, parseTree, type JSONPath } from 'jsonc-parser';
import type { ExampleCopy } from './exampleCopy';

/**
 * Breaks a definition on purpose by editing its JSON TEXT in place: jsonc-parser edits at a JSON Pointer keep every
 * other line where it was, and they keep working when the example is reformatted (other people edit it).
 * A mutation that changes nothing throws, so a case can never silently test an untouched file.
 */
export type Mutation =
  | { file: string; set: string; value: unknown }
  | { file: string; insert: string; value: unknown }
  | { file: string; remove: string }
  | { file: string; renameKey: string; to: string }
  | { file: string; regex: string; replace: string }
  | { deleteFile: string }
  | { copyFile: string; to: string }
  | { appendTo: string; text: string };

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** "/machine/states/x/0" → ["machine", "states", "x", 0] (all-digit segments are array indexes). */
export function toPath(pointer: string): JSONPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function editText(text: string, m: Extract<Mutation, { file: string }>): string {
  if ('regex' in m) {
    const re = new RegExp(m.regex, 'g');
    const count = [...text.matchAll(re)].length;
    if (count !== 1) throw new Error(`/${m.regex}/ matches ${count} times in ${m.file}, expected once`);
    return text.replace(re, m.replace);
  }
  const tree = parseTree(text);
  if (!tree) throw new Error(`${m.file} is not JSON`);
  if ('renameKey' in m) {
    const node = findNodeAtLocation(tree, toPath(m.renameKey));
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (!key) throw new Error(`${m.file} has no key at ${m.renameKey}`);
    return text.slice(0, key.offset) + JSON.stringify(m.to) + text.slice(key.offset + key.length);
  }
  if ('remove' in m) {
    if (!findNodeAtLocation(tree, toPath(m.remove))) throw new Error(`${m.file} has nothing at ${m.remove} to remove`);
    return applyEdits(text, modify(text, toPath(m.remove), undefined, FORMAT));
  }
  if ('insert' in m) return applyEdits(text, modify(text, toPath(m.insert), m.value, { ...FORMAT, isArrayInsertion: true }));
  return applyEdits(text, modify(text, toPath(m.set), m.value, FORMAT));
}

export function applyMutation(copy: ExampleCopy, m: Mutation): void {
  if ('deleteFile' in m) rmSync(copy.path(m.deleteFile));
  else if ('copyFile' in m) copyFileSync(copy.path(m.copyFile), copy.path(m.to));
  else if ('appendTo' in m) appendFileSync(copy.path(m.appendTo), m.text);
  else {
    const before = copy.read(m.file);
    const after = editText(before, m);
    if (after === before) throw new Error(`mutation ${JSON.stringify(m)} changed nothing`);
    copy.write(m.file, after);
  }
}
