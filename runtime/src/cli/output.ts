import type { Problem } from '@qyzmet/engine';

/** Output helpers shared by the commands: JSON on stdout for --json, plain lines otherwise, problems on stderr. */

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}` : '';
  // Messages from the compiler already start with their location; do not repeat it.
  const message = where && p.message.startsWith(where) ? p.message : `${where ? `${where}: ` : ''}${p.message}`;
  return `${p.severity === 'warning' ? 'warning' : 'error'}: ${message}${p.pointer !== undefined && !message.includes(p.pointer || '/') ? ` (at ${p.pointer || '/'})` : ''}`;
}

/** Reports a user error (bad argument, unreadable file) and returns exit code 1. */
export function fail(message: string, json: boolean, code = 'input.invalid', exitCode = 1): number {
  if (json) printJson({ error: { code, message } });
  process.stderr.write(`qyzmet: ${message}\n`);
  return exitCode;
}
