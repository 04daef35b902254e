import { RE2JS } from 're2js';
import type { RegExpEngine } from 'ajv/dist/types';

/**
 * Analysts' `pattern`s run on anonymous input, so they run with RE2 semantics (re2js, pure JS, also in the browser):
 * matching is linear in the input, where a backtracking engine spends 2^n steps on `^(.+)+X$`. The JSON Schema
 * (ECMAScript) syntax is translated to RE2's; what RE2 cannot run (backreferences, lookaround) throws here.
 */
function compileLinear(source: string, flags = ''): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(source), flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
}

/** ajv's `code.regExp`: every `pattern` / `patternProperties` of a form is matched by RE2. */
export const linearRegExp: RegExpEngine = Object.assign(
  (source: string, flags: string) => {
    const re = compileLinear(source, flags);
    // ajv keys its compiled patterns by toString(): each pattern must name itself, as a RegExp does.
    return { test: (s: string) => re.test(s), toString: () => `/${source}/${flags}` };
  },
  { code: 'linearRegExp' },
);

/** Why RE2 cannot run `source`, or undefined when it can. */
export function linearRegExpProblem(source: string): string | undefined {
  try {
    compileLinear(source);
    return undefined;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return `the pattern ${JSON.stringify(source)} cannot run in linear time (${reason}); backreferences and lookaround are not supported, write the check without them`;
  }
}
