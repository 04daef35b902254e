import { Router } from 'express';
import { domainError } from '@qyzmet/engine';
import type { RuntimeContext } from '../../runtimeContext';
import { requireUser } from '../context';
import { fieldError, type FieldError } from '../../fieldError';

/** At most this many saved filters per user: one-click views, not an archive. */
export const MAX_FILTERS = 20;
const MAX_NAME = 80;
/** The inbox's query parameters a saved filter may hold, each a string (GET /applications reads them). */
const QUERY_KEYS = ['q', 'status', 'serviceId', 'provider', 'assignee', 'due'] as const;
const DUE = ['overdue', 'today'];
/** A search text or an id: longer is no query a person typed. */
const MAX_VALUE = 500;

export interface SavedFilter {
  id: string;
  name: string;
  query: Partial<Record<(typeof QUERY_KEYS)[number], string>>;
}

const keyOf = (userId: string) => `filters:${userId}`;

/** The field errors of a PUT /me/filters body; none when it is a valid `{ items }`. */
export function filterErrors(body: unknown): FieldError[] {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !Array.isArray((body as { items?: unknown }).items))
    return [
      fieldError('/items', 'type', 'items must be an array', 'items тізім болуы керек', 'items должен быть списком'),
    ];
  const items = (body as { items: unknown[] }).items;
  const errors: FieldError[] = [];
  if (items.length > MAX_FILTERS)
    errors.push(
      fieldError(
        '/items',
        'maxItems',
        `at most ${MAX_FILTERS} saved filters`,
        `Ең көбі ${MAX_FILTERS} сақталған сүзгі`,
        `Не больше ${MAX_FILTERS} сохранённых фильтров`,
      ),
    );
  const ids = new Set<string>();
  items.forEach((item, i) => {
    const at = `/items/${i}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push(
        fieldError(at, 'type', 'a filter is an object', 'Сүзгі нысан болуы керек', 'Фильтр должен быть объектом'),
      );
      return;
    }
    const { id, name, query, ...rest } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id.length < 1 || id.length > 100)
      errors.push(
        fieldError(`${at}/id`, 'type', 'id: 1 to 100 characters', 'id: 1–100 таңба', 'id: от 1 до 100 знаков'),
      );
    else if (ids.has(id))
      errors.push(fieldError(`${at}/id`, 'unique', 'the id is used twice', 'id екі рет қолданылған', 'id повторяется'));
    else ids.add(id);
    if (typeof name !== 'string' || name.trim().length < 1 || name.trim().length > MAX_NAME)
      errors.push(
        fieldError(
          `${at}/name`,
          'length',
          `a name of 1 to ${MAX_NAME} characters`,
          `Атауы 1–${MAX_NAME} таңба болуы керек`,
          `Название — от 1 до ${MAX_NAME} знаков`,
        ),
      );
    for (const key of Object.keys(rest))
      errors.push(
        fieldError(`${at}/${key}`, 'additionalProperties', 'unknown member', 'Белгісіз өріс', 'Неизвестное поле'),
      );
    if (!query || typeof query !== 'object' || Array.isArray(query)) {
      errors.push(
        fieldError(
          `${at}/query`,
          'type',
          'query must be an object',
          'query нысан болуы керек',
          'query должен быть объектом',
        ),
      );
      return;
    }
    for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
      const where = `${at}/query/${key}`;
      if (!(QUERY_KEYS as readonly string[]).includes(key))
        errors.push(
          fieldError(
            where,
            'additionalProperties',
            `unknown parameter; one of ${QUERY_KEYS.join(', ')}`,
            'Белгісіз сүзгі параметрі',
            'Неизвестный параметр фильтра',
          ),
        );
      else if (typeof value !== 'string' || value.length > MAX_VALUE)
        errors.push(
          fieldError(
            where,
            'type',
            `a string of at most ${MAX_VALUE} characters`,
            `Ең көбі ${MAX_VALUE} таңбалы мәтін`,
            `Строка не длиннее ${MAX_VALUE} знаков`,
          ),
        );
      else if (key === 'due' && !DUE.includes(value))
        errors.push(
          fieldError(where, 'enum', 'due is overdue or today', 'Мерзім сүзгісі белгісіз', 'Неизвестный фильтр срока'),
        );
    }
  });
  return errors;
}

/** The signed-in user's own settings: the inbox's saved filters (C4). */
export function meRoutes(ctx: RuntimeContext): Router {
  const r = Router();
  r.get('/me/filters', async (req, res) => {
    const user = requireUser(req);
    const stored = await ctx.store.getMeta(keyOf(user.id));
    res.json({ items: stored ? (JSON.parse(stored) as SavedFilter[]) : [] });
  });
  r.put('/me/filters', async (req, res) => {
    const user = requireUser(req);
    const errors = filterErrors(req.body);
    if (errors.length)
      throw domainError(
        'request',
        'filters.invalid',
        `the saved filters are not valid: ${errors[0].pointer} ${errors[0].message}`,
        {
          extensions: { errors },
        },
      );
    // Only the members this API knows are kept, in a fixed order.
    const items: SavedFilter[] = (req.body as { items: SavedFilter[] }).items.map((f) => ({
      id: f.id,
      name: f.name.trim(),
      query: Object.fromEntries(QUERY_KEYS.filter((k) => f.query[k] !== undefined).map((k) => [k, f.query[k]])),
    }));
    await ctx.store.setMeta(keyOf(user.id), JSON.stringify(items));
    res.json({ items });
  });
  return r;
}
