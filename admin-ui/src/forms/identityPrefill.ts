/**
 * The signed-in user's identity put into the form's fields that hold the applicant's own identity (`x-identity`:
 * fullName, iin, bin, phone, email; contract C1). Pure: the browser tests call it directly too.
 *
 * Only the properties of objects are walked, not conditional branches: an identity field is a plain field of the form.
 * A field the user's identity does not have stays empty; data already typed are kept.
 */
export type Identity = Partial<Record<'fullName' | 'iin' | 'bin' | 'phone' | 'email', string>>;

type Schema = { [k: string]: unknown };

export function identityPrefill(form: unknown, identity: Identity | null | undefined, data: Schema = {}): Schema {
  if (!identity || !form || typeof form !== 'object') return data;
  const props = (form as Schema).properties;
  if (!props || typeof props !== 'object') return data;
  const out: Schema = { ...data };
  for (const [key, field] of Object.entries(props as Schema)) {
    if (!field || typeof field !== 'object') continue;
    const f = field as Schema;
    const kind = f['x-identity'];
    if (typeof kind === 'string' && kind in identity) {
      const value = identity[kind as keyof Identity];
      if (value && (out[key] === undefined || out[key] === '')) out[key] = value;
    } else if (f.properties) {
      const inner = identityPrefill(f, identity, (out[key] as Schema | undefined) ?? {});
      if (Object.keys(inner).length > 0) out[key] = inner;
    }
  }
  return out;
}
