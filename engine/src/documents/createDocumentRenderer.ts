import Handlebars from 'handlebars';
import { collectPlaceholders } from './collectPlaceholders';
import type { DocumentContext } from './DocumentContext';
import { DocumentError, type TemplateLocation } from './DocumentError';
import { BLOCK_HELPERS, DOCUMENT_HELPERS } from './documentHelpers';

/** A template compiled once, rendered many times. */
export interface CompiledTemplate {
  /** The body HTML of the document for one render context (HTML-escaped data). */
  render(context: DocumentContext): string;
  /** Data paths the template reads, in order of first use ('data.applicant.fullName', 'refusal.grounds[].message'). */
  readonly placeholders: string[];
  /** Where the template came from, as given to compile. */
  readonly where: TemplateLocation;
}

/** Compiles document templates in its own Handlebars environment. */
export interface DocumentRenderer {
  /**
   * Parses, checks and compiles a template. Throws a {@link DocumentError}: `document.syntax` (with line and column),
   * `document.unknownHelper`, `document.unsupported`.
   */
  compile(template: string, where: TemplateLocation): CompiledTemplate;
  /** The helper names templates may use. */
  readonly helpers: readonly string[];
}

/** A template text parsed and checked; its JavaScript is generated at its first render. */
interface Checked {
  placeholders: string[];
  program: unknown;
  /** The document helpers the template may call (those it names). */
  helpers: string[];
  delegate?: HandlebarsTemplateDelegate;
}

const MAX_CACHED_TEXTS = 2_000;

/** Handlebars' own compiler passes, exported on every environment made by `Handlebars.create()` but not typed. */
interface CompilerPasses {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => {
    compile(program: unknown, options: CompileOptions, context: undefined, asObject: true): unknown;
  };
  Parser: { lexer: { yylloc?: { first_line: number; first_column: number } } };
  template(spec: unknown): HandlebarsTemplateDelegate;
}

/**
 * Render options set explicitly so that an upgrade of Handlebars cannot loosen them: no access to prototype
 * properties or methods (`{{constructor.name}}`, `{{__proto__}}` render nothing), no helperMissing fallback.
 */
const RUNTIME_OPTIONS: Handlebars.RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
};

/** A Handlebars environment with the built-in helpers but `log` (it writes to the console: no I/O in a document). */
function documentEnvironment(helpers: string[]): typeof Handlebars {
  const env = Handlebars.create();
  env.unregisterHelper('log');
  for (const name of helpers) env.registerHelper(name, DOCUMENT_HELPERS[name] as Handlebars.HelperDelegate);
  return env;
}

/**
 * Every one-part name a template mentions: a superset of the helpers it calls (knownHelpersOnly lets a template call
 * a helper by its name only); the data paths among them do no harm.
 */
function namesInTemplate(ast: hbs.AST.Program): Set<string> {
  const names = new Set<string>();
  const visitor = new Handlebars.Visitor();
  visitor.PathExpression = (path) => {
    if (path.parts.length === 1) names.add(path.parts[0]);
  };
  visitor.accept(ast);
  return names;
}

/**
 * Creates a document renderer with its own Handlebars environment: the document helpers only (the global
 * Handlebars instance and its helpers are never touched), HTML escaping on, knownHelpersOnly at compile time so
 * that a misspelt helper fails when the definition is loaded, not when an officer issues the document.
 *
 * @example
 * const renderer = createDocumentRenderer();
 * const tpl = renderer.compile('<p>{{data.applicant.fullName}}, {{date application.registeredAt}}</p>',
 *   { documentId: 'certificate', lang: 'kk', file: 'certificate.kk.hbs' });
 * tpl.placeholders // ['data.applicant.fullName', 'application.registeredAt']
 * tpl.render(context) // '<p>Әлия Сейітова, 2025 жылғы 3 наурыз</p>'
 *
 * `plainText: true` compiles sentences that a document prints later (a ground's fact): no HTML escaping here, so
 * the document escapes them once.
 */
export function createDocumentRenderer(options: { plainText?: boolean } = {}): DocumentRenderer {
  const helperNames = Object.keys(DOCUMENT_HELPERS);
  const env = documentEnvironment(helperNames);
  const passes = env as unknown as CompilerPasses;
  // Each render wraps every helper of its environment anew (Handlebars' per-call setup): a template runs in an
  // environment with only the document helpers it names, one environment per set of names (never changed after).
  const environments = new Map<string, CompilerPasses>();
  const environmentFor = (helpers: string[]): CompilerPasses => {
    const key = helpers.join(' ');
    let e = environments.get(key);
    if (!e) environments.set(key, (e = documentEnvironment(helpers) as unknown as CompilerPasses));
    return e;
  };

  const known = new Set([...helperNames, ...BLOCK_HELPERS, 'lookup']);
  const compileOptions: CompileOptions = {
    knownHelpersOnly: true,
    knownHelpers: { ...Object.fromEntries(helperNames.map((n) => [n, true])), log: false },
    // Plain text (a ground's fact sentence) is escaped once, where the document prints it.
    noEscape: options.plainText === true,
    strict: false,
    data: true,
  };

  const located = (
    where: TemplateLocation,
    problem: Omit<ConstructorParameters<typeof DocumentError>[0], 'file'>,
  ): DocumentError =>
    new DocumentError({
      ...problem,
      ...(where.file !== undefined ? { file: where.file } : {}),
      params: { documentId: where.documentId, lang: where.lang, ...problem.params },
    });

  const name = (where: TemplateLocation): string => where.file ?? `${where.documentId} (${where.lang})`;

  function parse(template: string, where: TemplateLocation): hbs.AST.Program {
    try {
      return env.parse(template, where.file !== undefined ? { srcName: where.file } : {});
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const ex = e as { lineNumber?: number; column?: number };
      let line: number | undefined;
      let column: number | undefined;
      if (typeof ex.lineNumber === 'number') {
        // Errors raised by Handlebars' AST checks (mismatched block) carry the node's location.
        line = ex.lineNumber;
        column = typeof ex.column === 'number' ? ex.column + 1 : undefined;
      } else {
        // The generated parser throws a plain Error whose text names the line only; the token where it stopped
        // stays in the (synchronous, shared) lexer, so we read it right away for the column.
        const loc = passes.Parser.lexer.yylloc;
        const fromText = /on line (\d+)/.exec(message);
        line = fromText ? Number(fromText[1]) : loc?.first_line;
        if (loc && loc.first_line === line) column = loc.first_column + 1;
      }
      const first = message.split('\n')[0].replace(/ - \d+:\d+$/, '');
      const detail = message.split('\n').slice(1).join('\n');
      throw located(where, {
        code: 'document.syntax',
        message:
          `template syntax error in ${name(where)}` +
          (line !== undefined ? ` at line ${line}${column !== undefined ? `, column ${column}` : ''}` : '') +
          `: ${first}${detail ? `\n${detail}` : ''}`,
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
      });
    }
  }

  // By template text: versions of a service and services sharing a fragment repeat their wording (at start 376
  // templates are 156 texts). Cleared when large, since drafts compiled in the workbench add texts for ever.
  const byText = new Map<string, Checked>();

  function compile(template: string, where: TemplateLocation): CompiledTemplate {
    let entry = byText.get(template);
    if (!entry) {
      entry = check(template, where);
      if (byText.size >= MAX_CACHED_TEXTS) byText.clear();
      byText.set(template, entry);
    }
    const checked = entry;
    return {
      placeholders: checked.placeholders,
      where,
      render(context: DocumentContext): string {
        if (context === null || typeof context !== 'object' || (context.lang !== 'kk' && context.lang !== 'ru')) {
          throw located(where, {
            code: 'document.context',
            message: `render context of ${name(where)} must have lang "kk" or "ru", got ${JSON.stringify((context as { lang?: unknown } | null)?.lang)}`,
          });
        }
        try {
          // Generating the JavaScript is most of a compile and cannot fail on a checked program: it waits for the
          // first render, as Handlebars.compile itself waits.
          checked.delegate ??= environmentFor(checked.helpers).template(
            new passes.JavaScriptCompiler().compile(checked.program, compileOptions, undefined, true),
          );
          return checked.delegate(context, RUNTIME_OPTIONS);
        } catch (e) {
          if (e instanceof DocumentError) {
            const problem = e.toJSON();
            throw located(where, { ...problem, message: `${name(where)}: ${problem.message}` });
          }
          throw e;
        }
      },
    };
  }

  /** Parses a template and runs Handlebars' checking pass, so that its errors surface when the definition compiles. */
  function check(template: string, where: TemplateLocation): Checked {
    const ast = parse(template, where);
    let placeholders: string[];
    try {
      placeholders = collectPlaceholders(ast, {
        helpers: known,
        blockHelpers: BLOCK_HELPERS,
        ...(where.file !== undefined ? { file: where.file } : {}),
      });
    } catch (e) {
      if (e instanceof DocumentError) throw located(where, e.toJSON());
      throw e;
    }

    try {
      // Handlebars.compile defers both of its passes to the first render; the checking one runs now so that
      // knownHelpersOnly errors surface when the definition is compiled.
      const program = new passes.Compiler().compile(ast, compileOptions);
      const named = namesInTemplate(ast);
      return { placeholders, program, helpers: helperNames.filter((n) => named.has(n)) };
    } catch (e) {
      const ex = e as { message?: string; lineNumber?: number; column?: number };
      const helper = /unknown helper (\S+)/.exec(ex.message ?? '')?.[1];
      const line = typeof ex.lineNumber === 'number' ? ex.lineNumber : undefined;
      const column = typeof ex.column === 'number' ? ex.column + 1 : undefined;
      const at = line !== undefined ? ` at line ${line}${column !== undefined ? `, column ${column}` : ''}` : '';
      throw located(where, {
        code: helper ? 'document.unknownHelper' : 'document.syntax',
        message: helper
          ? `unknown helper "${helper}" in ${name(where)}${at}; document helpers are: ${[...known].join(', ')}`
          : `template error in ${name(where)}${at}: ${(ex.message ?? String(e)).replace(/ - \d+:\d+$/, '')}`,
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
        ...(helper ? { params: { helper } } : {}),
      });
    }
  }

  return { compile, helpers: helperNames };
}
