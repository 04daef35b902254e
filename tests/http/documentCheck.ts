import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { openApiDocument } from '../../runtime/src/http/openapi';

/**
 * Checks an answer of the API against its OpenAPI document: the status is declared for the operation, the media type
 * for that status, and a JSON body matches the declared schema; an error is problem+json whose `status` is the HTTP
 * status. The HTTP suites call the API through `as(...)` (testServer.ts), which runs this on every answer, so each
 * suite also checks the document the admin UI's types are generated from.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
export const documentPaths = openApiDocument.paths as unknown as Record<string, Partial<Record<Method, Operation>>>;

export interface Answer {
  method: string;
  /** The path under /api/v1, with or without its query. */
  path: string;
  status: number;
  /** The Content-Type header. */
  type: string;
  text: string;
}

/** Answered by the guards, the body parser and authentication, before express picks a route. */
const BEFORE_ROUTING = [400, 401, 413, 415, 429];

const ajv = new Ajv2020({ strict: false, allErrors: false });
ajv.addSchema({ ...openApiDocument, $id: 'openapi' });
const validators = new Map<string, ValidateFunction>();
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** `/applications/{id}` for `/applications/A-1`: the template of the document a concrete path falls under, if any. */
export function templateOf(path: string): string | undefined {
  // Express routes /a/b/ as /a/b (its routers are not strict).
  const segments = path
    .split('?')[0]
    .replace(/(.)\/+$/, '$1')
    .split('/');
  let best: { template: string; literals: number } | undefined;
  for (const template of Object.keys(documentPaths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const fits = parts.every((p, i) => {
      if (/^\{\w+\}$/.test(p)) return segments[i] !== '';
      literals++;
      return p === segments[i];
    });
    // /admin/acts/{id} and a literal sibling would both fit: the more literal one is what express routes to.
    if (fits && (!best || literals > best.literals)) best = { template, literals };
  }
  return best?.template;
}

/** Why the answer does not match the document, or undefined when it does. */
export function mismatchOf(answer: Answer): string | undefined {
  const type = answer.type.split(';')[0].trim();
  const where = `${answer.method.toUpperCase()} ${answer.path} → ${answer.status} ${type}`;
  const head = answer.text.slice(0, 300);
  if (answer.status >= 500) return `${where}: a server error; ${head}`;
  const json = type === 'application/json' || type.endsWith('+json');
  let body: unknown;
  if (json) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `${where}: the body is not JSON; ${head}`;
    }
  }
  if (answer.status >= 400) {
    if (type !== 'application/problem+json') return `${where}: an error that is not problem+json; ${head}`;
    const p = body as { type?: unknown; title?: unknown; status?: unknown };
    if (typeof p?.type !== 'string' || typeof p.title !== 'string' || p.status !== answer.status)
      return `${where}: a problem without type, title or the HTTP status; ${head}`;
  }
  const template = templateOf(answer.path);
  const operation = template ? documentPaths[template][answer.method.toLowerCase() as Method] : undefined;
  // An undocumented path or method: the API's own "no endpoint", or what any request may get before routing.
  if (!template || !operation)
    return (answer.status === 404 && (body as { code?: unknown } | undefined)?.code === 'route.unknown') ||
      BEFORE_ROUTING.includes(answer.status)
      ? undefined
      : `${where}: not in the document`;
  const response = operation.responses[String(answer.status)];
  if (!response) return `${where}: status not documented for ${answer.method.toLowerCase()} ${template}; ${head}`;
  if (!response.content && answer.text === '') return undefined;
  if (!response.content?.[type]) return `${where}: media type not documented for ${template}`;
  if (!json) return undefined;
  const ref = `openapi#/${pointer('paths', template, answer.method.toLowerCase(), 'responses', String(answer.status), 'content', type, 'schema')}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.getSchema(ref);
    if (!validate) return `${where}: no schema at ${ref}`;
    validators.set(ref, validate);
  }
  return validate(body) ? undefined : `${where}: ${ajv.errorsText(validate.errors)} in ${head}`;
}

/** Throws when the answer does not match the document. */
export function checkAnswer(answer: Answer): void {
  const mismatch = mismatchOf(answer);
  if (mismatch) throw new Error(`the answer does not match the OpenAPI document: ${mismatch}`);
}
