import { DocumentError } from './DocumentError';

/**
 * What the walk over a template's AST found: the data paths it reads, or the first construct we refuse.
 * Paths are dot-separated from the render context root ('data.applicant.fullName', 'application.registeredAt');
 * inside `{{#each list}}` the element is written `list[]` ('refusal.grounds[].message'), inside `{{#with x}}`
 * paths are prefixed with x. `this`, `@index`, `@key`, `@first`, `@last` and helper names are not data paths.
 */
export interface PlaceholderWalkOptions {
  /** Names of the helpers a template may call (a bare `{{date}}` is a helper call, not a path). */
  helpers: ReadonlySet<string>;
  /** Helpers that may open a block. */
  blockHelpers: ReadonlySet<string>;
  file?: string;
}

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;

/** A context prefix; null when a block's context is not a plain path (then relative paths inside are unknown). */
type Prefix = string | null;

interface Scope {
  /** Contexts pushed by `each` / `with`, innermost last; `../` walks back one. */
  contexts: Prefix[];
  /** Block params (`as |item i|`), innermost first: name → the path it stands for, null for indexes. */
  params: Array<Map<string, Prefix>>;
}

function join(prefix: string, parts: string[]): string {
  return prefix === '' ? parts.join('.') : [prefix, ...parts].join('.');
}

function isPath(node: Node | undefined): node is Path {
  return node !== undefined && node.type === 'PathExpression';
}

/** A bare identifier that Handlebars may read as a helper name (`{{date}}`, not `{{this.date}}` or `{{a.b}}`). */
function isSimpleId(path: Path): boolean {
  return path.parts.length === 1 && path.depth === 0 && !path.data && !/^\.|this\b/.test(path.original);
}

/**
 * Lists the data paths a parsed template references and rejects what documents must not contain
 * (partials, decorators, unescaped output, blocks of anything but if / unless / each / with).
 * Errors are {@link DocumentError}s located at the offending node (1-based line and column).
 *
 * @example
 * collectPlaceholders(Handlebars.parse('{{#each data.items}}{{name}}{{/each}}'), opts)
 * // ['data.items', 'data.items[].name']
 */
export function collectPlaceholders(ast: hbs.AST.Program, options: PlaceholderWalkOptions): string[] {
  const found = new Set<string>();

  const fail = (
    code: 'document.unsupported' | 'document.unknownHelper',
    node: Node,
    message: string,
    params?: Record<string, unknown>,
  ): never => {
    const start = node.loc?.start;
    throw new DocumentError({
      code,
      message: start ? `${message} (line ${start.line}, column ${start.column + 1})` : message,
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...(start ? { line: start.line, column: start.column + 1 } : {}),
      ...(params ? { params } : {}),
    });
  };

  /** The full path a PathExpression reads, or null when it is not a data path. */
  const resolve = (path: Path, scope: Scope): Prefix => {
    if (path.data) {
      // @root.x is the context root; other @-variables (@index, @key, @first, @last) are loop state.
      return path.parts[0] === 'root' && path.parts.length > 1 ? path.parts.slice(1).join('.') : null;
    }
    if (path.parts.length === 0) return null; // `this`, `..`
    const scoped = /^\.|this\b/.test(path.original);
    if (path.depth === 0 && !scoped) {
      for (const frame of scope.params) {
        if (frame.has(path.parts[0])) {
          const target = frame.get(path.parts[0]) ?? null;
          return target === null ? null : join(target, path.parts.slice(1));
        }
      }
    }
    const index = scope.contexts.length - 1 - path.depth;
    const prefix = index >= 0 ? scope.contexts[index] : '';
    return prefix === null ? null : join(prefix, path.parts);
  };

  const add = (path: Path, scope: Scope): Prefix => {
    const full = resolve(path, scope);
    if (full !== null) found.add(full);
    return full;
  };

  const expression = (node: Node, scope: Scope): Prefix => {
    if (isPath(node)) return add(node, scope);
    if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      call(sub.params, sub.hash, scope);
    }
    return null;
  };

  const call = (params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, scope: Scope): void => {
    for (const p of params) expression(p, scope);
    for (const pair of hash?.pairs ?? []) expression(pair.value, scope);
  };

  const program = (prog: hbs.AST.Program | undefined, scope: Scope): void => {
    for (const statement of prog?.body ?? []) visit(statement, scope);
  };

  const visit = (node: Node, scope: Scope): void => {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (!m.escaped) {
          fail(
            'document.unsupported',
            node,
            'unescaped output {{{ }}} is not allowed in documents: application data would be inserted as raw HTML; use {{ }}',
          );
        }
        const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
        if (isCall) return call(m.params, m.hash, scope);
        if (isPath(m.path) && isSimpleId(m.path) && options.helpers.has(m.path.original)) {
          // `{{date}}` inside `{{#each payments}}` would call the helper with nothing instead of printing the
          // field: Handlebars prefers helpers over fields of the same name, so we make the author choose.
          fail(
            'document.unsupported',
            node,
            `{{${m.path.original}}} is a helper name used without a value; to print the field write {{this.${m.path.original}}}, to format a value write {{${m.path.original} path.to.value}}`,
            { helper: m.path.original },
          );
        }
        if (isPath(m.path)) add(m.path, scope);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = b.path.original;
        if (!isSimpleId(b.path) || !options.blockHelpers.has(name)) {
          const known = options.helpers.has(name);
          fail(
            'document.unknownHelper',
            node,
            known
              ? `{{#${name}}} is not a block helper; blocks may use ${[...options.blockHelpers].join(', ')}, e.g. {{#if (${name} …)}}`
              : `{{#${name}}} opens a block with an unknown helper; use {{#if ${name}}}, {{#each ${name}}} or {{#with ${name}}}`,
            { helper: name },
          );
        }
        call(b.params, b.hash, scope);
        const first = b.params[0];
        const target: Prefix = isPath(first) ? resolve(first, scope) : null;
        if (name === 'each' || name === 'with') {
          const inner: Prefix = target === null ? null : name === 'each' ? `${target}[]` : target;
          const names = b.program?.blockParams ?? [];
          const frame = new Map<string, Prefix>();
          if (names[0] !== undefined) frame.set(names[0], inner);
          if (names[1] !== undefined) frame.set(names[1], null);
          program(b.program, { contexts: [...scope.contexts, inner], params: [frame, ...scope.params] });
        } else {
          program(b.program, scope);
        }
        program(b.inverse, scope);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return fail(
          'document.unsupported',
          node,
          'partials {{> name}} are not available in documents: each template holds its full wording',
        );
      case 'Decorator':
      case 'DecoratorBlock':
        return fail('document.unsupported', node, 'decorators {{* name}} are not available in documents');
      default:
        return fail('document.unsupported', node, `unexpected template construct ${node.type}`);
    }
  };

  program(ast, { contexts: [''], params: [] });
  return [...found];
}
