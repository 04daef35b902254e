/**
 * Checks that the `data.…` placeholders of a template name fields the form declares, so a renamed field cannot
 * silently leave a blank in a certificate. Lenient where the schema is open (no properties listed, array items).
 */

type Schema = Record<string, unknown>;

const BRANCHES = ['allOf', 'anyOf', 'oneOf'] as const;

function subSchemas(schema: Schema): Schema[] {
  const out: Schema[] = [schema];
  for (const key of BRANCHES)
    if (Array.isArray(schema[key])) for (const s of schema[key] as Schema[]) out.push(...subSchemas(s));
  for (const key of ['then', 'else'] as const)
    if (schema[key] && typeof schema[key] === 'object') out.push(...subSchemas(schema[key] as Schema));
  return out;
}

function declares(schema: Schema, path: string[]): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  let open = true;
  for (const s of subSchemas(schema)) {
    const props = s.properties as Record<string, Schema> | undefined;
    if (props) {
      open = false;
      if (props[head] && declares(props[head], rest)) return true;
    }
    if (s.items && typeof s.items === 'object' && (head === '[]' || /^\d+$/.test(head)))
      return declares(s.items as Schema, rest);
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      return declares(s.additionalProperties as Schema, rest);
  }
  return open;
}

export function missingPlaceholders(placeholders: readonly string[], form: Schema): string[] {
  // "data.owners[].name" → ["owners", "[]", "name"]
  const segments = (p: string) =>
    p
      .slice('data.'.length)
      .split('.')
      .flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), '[]'] : [s]));
  return placeholders.filter((p) => p.startsWith('data.') && !declares(form, segments(p)));
}
