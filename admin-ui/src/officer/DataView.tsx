import { useTranslation } from 'react-i18next';
import { pick, type JsonSchema, type Text } from './common';

/** The schema of a property, looking through the branches (allOf, if/then/else, oneOf/anyOf) forms use for cases. */
export function childSchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const direct = (schema.properties as Record<string, JsonSchema> | undefined)?.[key];
  if (direct && direct['x-label']) return direct;
  const branches: JsonSchema[] = [];
  for (const k of ['allOf', 'oneOf', 'anyOf'] as const)
    branches.push(...((schema[k] as JsonSchema[] | undefined) ?? []));
  for (const k of ['then', 'else'] as const) if (schema[k]) branches.push(schema[k] as JsonSchema);
  for (const b of branches) {
    const found =
      childSchema(b, key) ?? childSchema(b.then as JsonSchema, key) ?? childSchema(b.else as JsonSchema, key);
    if (found?.['x-label']) return found;
  }
  return direct;
}

/** The schema at a JSON pointer into the data (array indexes go to `items`). */
export function schemaAt(schema: JsonSchema | undefined, pointer: string): JsonSchema | undefined {
  let s = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!s) return undefined;
    s = /^\d+$/.test(seg) && s.items ? (s.items as JsonSchema) : childSchema(s, seg);
  }
  return s;
}

export function labelOf(schema: JsonSchema | undefined, fallback: string, lang: string): string {
  const l = schema?.['x-label'] ?? schema?.title;
  return l ? pick(l as Text | string, lang) : fallback;
}

/** A readable value: yes/no, enum labels where the schema gives them (x-enumLabels, oneOf const + x-label/title). */
export function valueText(
  value: unknown,
  schema: JsonSchema | undefined,
  lang: string,
  yesNo: [string, string],
): string {
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  const labels = schema?.['x-enumLabels'] as Record<string, Text> | undefined;
  if (labels?.[String(value)]) return pick(labels[String(value)], lang);
  const options = (schema?.oneOf ?? schema?.anyOf) as JsonSchema[] | undefined;
  const option = options?.find((o) => o.const === value);
  if (option && (option['x-label'] || option.title)) return labelOf(option, String(value), lang);
  return String(value);
}

/** The application's data, labelled from the form's x-label in the UI language, nested as the form nests it. */
export function DataView({ data, schema, lang }: { data: Record<string, unknown>; schema?: JsonSchema; lang: string }) {
  const { t } = useTranslation('officer');
  return <Fields value={data} schema={schema} lang={lang} yesNo={[t('yes'), t('no')]} />;
}

function Fields({
  value,
  schema,
  lang,
  yesNo,
}: {
  value: Record<string, unknown>;
  schema?: JsonSchema;
  lang: string;
  yesNo: [string, string];
}) {
  const leaves: Array<[string, unknown, JsonSchema | undefined]> = [];
  const groups: Array<[string, unknown, JsonSchema | undefined]> = [];
  for (const [k, v] of Object.entries(value)) {
    const s = childSchema(schema, k);
    (v && typeof v === 'object' ? groups : leaves).push([k, v, s]);
  }
  return (
    <>
      {leaves.length > 0 && (
        <dl className="facts">
          {leaves.map(([k, v, s]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{labelOf(s, k, lang)}</dt>
              <dd>{valueText(v, s, lang, yesNo)}</dd>
            </div>
          ))}
        </dl>
      )}
      {groups.map(([k, v, s]) => (
        <fieldset key={k} className="data-group">
          <legend>{labelOf(s, k, lang)}</legend>
          {Array.isArray(v) ? (
            v.map((item, i) =>
              item && typeof item === 'object' ? (
                <fieldset key={i} className="data-group">
                  <legend>{i + 1}</legend>
                  <Fields
                    value={item as Record<string, unknown>}
                    schema={s?.items as JsonSchema}
                    lang={lang}
                    yesNo={yesNo}
                  />
                </fieldset>
              ) : (
                <p key={i}>{valueText(item, s?.items as JsonSchema, lang, yesNo)}</p>
              ),
            )
          ) : (
            <Fields value={v as Record<string, unknown>} schema={s} lang={lang} yesNo={yesNo} />
          )}
        </fieldset>
      ))}
    </>
  );
}
