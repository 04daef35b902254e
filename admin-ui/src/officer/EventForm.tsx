import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingOf, parseFindings } from './findings';
import { LegalRefText } from './RefusalView';
import { pick, type JsonSchema, type OfficerGround, type ServiceDetail, type Text } from './common';
import { parseDecimal } from '../forms/parseDecimal';

/**
 * The fields of an officer's event, built from the definition, never typed as JSON: the service's officer-decided
 * grounds as labelled checkboxes (each sets the finding its condition reads), then every field of the event's `data`
 * schema (issue 15) by its type — a yes/no as a checkbox, a choice as a select with its labels (x-enumLabels), a date,
 * a number (a comma or a point), a text, a kk/ru pair, a group, a list — labelled from x-label. The reasoning is the
 * caller's (it is required when a ground holds). The JSON stays for engineers behind an "advanced" disclosure.
 */

type Data = Record<string, unknown>;

/** A property of the event's schema the reasoning fieldset shows, not the generic fields. */
export const REASONING_KEY = 'reasoning';

const isObject = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v);

/** A { kk, ru } text as a schema: an object whose properties are languages only. */
function isTextSchema(s: JsonSchema): boolean {
  const props = s.properties as Record<string, JsonSchema> | undefined;
  if (s.type !== 'object' || !props) return false;
  const keys = Object.keys(props);
  return keys.length > 0 && keys.every((k) => k === 'kk' || k === 'ru' || k === 'en');
}

/** An empty answer is no answer: '' / {} / [] are left out of the event's data. */
function pruned(v: unknown): unknown {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (Array.isArray(v)) {
    const items = v.map(pruned).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (isObject(v)) {
    const out: Data = {};
    for (const [k, x] of Object.entries(v)) {
      const p = pruned(x);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

/** The event's data as it is sent: empty answers left out. */
export function eventData(value: Data): Data {
  return (pruned(value) as Data | undefined) ?? {};
}

/** The label of a field: its x-label (or title), else the text of the ground whose finding it is, else its key. */
function labelFor(
  key: string,
  s: JsonSchema,
  lang: string,
  grounds: OfficerGround[],
): { text: string; known: boolean } {
  const l = (s['x-label'] ?? s.title) as Text | string | undefined;
  if (l) return { text: pick(l, lang), known: true };
  const g = grounds.find((x) => x.findings.some((f) => f.key === key));
  if (g) return { text: pick(g.text, lang), known: true };
  return { text: key, known: false };
}

/** What a number field holds: a number when the text reads as one (a comma or a point), else the text (refused). */
const numberOf = (text: string): number | string => parseDecimal(text) ?? text;

/** datetime-local's value for an instant, in Astana time (UTC+5), and back. */
function localOf(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + 5 * 3_600_000).toISOString().slice(0, 16);
}
const instantOf = (local: string) => (local ? `${local}:00+05:00` : '');

interface FieldProps {
  name: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (v: unknown) => void;
  label: { text: string; known: boolean };
  required: boolean;
  lang: string;
  grounds: OfficerGround[];
}

/** One field of the schema, by its type. */
function Field({ name, schema: s, value, onChange, label, required, lang, grounds }: FieldProps) {
  const { t } = useTranslation('officer');
  const id = useId();
  const enumValues = (s.enum as unknown[] | undefined) ?? undefined;
  const enumLabels = s['x-enumLabels'] as Record<string, Text> | undefined;
  const caption = (
    <span className="field-label" data-unlabelled={label.known ? undefined : true}>
      {label.text}
      {required ? <span className="required-mark"> *</span> : null}
    </span>
  );

  if (s.type === 'boolean')
    return (
      <label className="check" data-field={name}>
        <input
          type="checkbox"
          name={name}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked ? true : required ? false : undefined)}
        />
        {caption}
      </label>
    );

  if (enumValues)
    return (
      <label data-field={name}>
        {caption}
        <select name={name} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {enumValues.map((v) => (
            <option key={String(v)} value={String(v)}>
              {enumLabels?.[String(v)] ? pick(enumLabels[String(v)], lang) : String(v)}
            </option>
          ))}
        </select>
      </label>
    );

  if (isTextSchema(s)) {
    const v = isObject(value) ? value : {};
    return (
      <fieldset className="data-group text-pair" data-field={name}>
        <legend>{caption}</legend>
        {(['kk', 'ru'] as const)
          .filter((l) => (s.properties as Data)[l])
          .map((l) => (
            <label key={l}>
              {t(l === 'kk' ? 'form.inKk' : 'form.inRu')}
              <textarea
                name={`${name}.${l}`}
                lang={l}
                rows={2}
                value={typeof v[l] === 'string' ? (v[l] as string) : ''}
                onChange={(e) => onChange({ ...v, [l]: e.target.value })}
              />
            </label>
          ))}
      </fieldset>
    );
  }

  if (s.type === 'object' && s.properties)
    return (
      <fieldset className="data-group" data-field={name}>
        <legend>{caption}</legend>
        <Fields
          prefix={name}
          schema={s}
          value={isObject(value) ? value : {}}
          onChange={onChange}
          lang={lang}
          grounds={grounds}
        />
      </fieldset>
    );

  if (s.type === 'array' && s.items) {
    const items = Array.isArray(value) ? value : [];
    const item = s.items as JsonSchema;
    const itemEnum = item.enum as unknown[] | undefined;
    if (itemEnum) {
      const itemLabels = item['x-enumLabels'] as Record<string, Text> | undefined;
      return (
        <fieldset className="data-group" data-field={name}>
          <legend>{caption}</legend>
          {itemEnum.map((v) => (
            <label key={String(v)} className="check">
              <input
                type="checkbox"
                name={`${name}.${String(v)}`}
                checked={items.includes(v)}
                onChange={(e) => onChange(e.target.checked ? [...items, v] : items.filter((x) => x !== v))}
              />
              <span>{itemLabels?.[String(v)] ? pick(itemLabels[String(v)], lang) : String(v)}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    const blank = item.type === 'object' ? {} : '';
    return (
      <fieldset className="data-group" data-field={name}>
        <legend>{caption}</legend>
        {items.map((x, i) => (
          <div key={i} className="list-item">
            <Field
              name={`${name}.${i}`}
              schema={item}
              value={x}
              onChange={(v) => onChange(items.map((y, j) => (j === i ? v : y)))}
              label={{ text: t('form.item', { n: i + 1 }), known: true }}
              required={false}
              lang={lang}
              grounds={grounds}
            />
            <button
              type="button"
              className="secondary"
              aria-label={t('form.removeItem', { n: i + 1 })}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {t('form.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" data-add={name} onClick={() => onChange([...items, blank])}>
          {t('form.addItem')}
        </button>
      </fieldset>
    );
  }

  if (s.type === 'number' || s.type === 'integer')
    return (
      <label data-field={name}>
        {caption}
        <input
          id={id}
          name={name}
          inputMode="decimal"
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : numberOf(e.target.value))}
        />
      </label>
    );

  if (s.format === 'date' || s.format === 'date-time')
    return (
      <label data-field={name}>
        {caption}
        <input
          name={name}
          type={s.format === 'date' ? 'date' : 'datetime-local'}
          value={s.format === 'date' ? (typeof value === 'string' ? value : '') : localOf(value)}
          onChange={(e) => onChange(s.format === 'date' ? e.target.value : instantOf(e.target.value))}
        />
      </label>
    );

  const long = typeof s.maxLength !== 'number' || s.maxLength > 200;
  return (
    <label data-field={name}>
      {caption}
      {long ? (
        <textarea
          name={name}
          rows={2}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input name={name} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

/** The properties of an object schema as fields (the reasoning and the grounds' own findings are shown elsewhere). */
function Fields({
  prefix,
  schema,
  value,
  onChange,
  lang,
  grounds,
  skip = [],
}: {
  prefix: string;
  schema: JsonSchema;
  value: Data;
  onChange: (v: Data) => void;
  lang: string;
  grounds: OfficerGround[];
  skip?: string[];
}) {
  const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <>
      {Object.entries(props)
        .filter(([k]) => !skip.includes(k))
        .map(([k, s]) => (
          <Field
            key={k}
            name={prefix ? `${prefix}.${k}` : k}
            schema={s}
            value={value[k]}
            onChange={(v) => {
              const next = { ...value };
              if (v === undefined) delete next[k];
              else next[k] = v;
              onChange(next);
            }}
            label={labelFor(k, s, lang, grounds)}
            required={required.has(k)}
            lang={lang}
            grounds={grounds}
          />
        ))}
    </>
  );
}

/** Whether a ground's finding is set in the data. */
export function groundHolds(g: OfficerGround, data: Data): boolean {
  const f = findingOf(g);
  return !!f && JSON.stringify(data[f.key]) === JSON.stringify(f.value);
}

export function EventForm({
  records,
  schema,
  grounds,
  service,
  value,
  onChange,
  lang,
  advanced = true,
}: {
  records: string | undefined;
  /** The event's `data` schema, when the definition declares one. */
  schema: JsonSchema | undefined;
  /** The service's officer-decided grounds (shown for events that record findings). */
  grounds: OfficerGround[];
  service: ServiceDetail | null;
  value: Data;
  onChange: (v: Data) => void;
  lang: string;
  /** The engineers' JSON disclosure: for provider-side users only, never on an applicant's page. */
  advanced?: boolean;
}) {
  const { t } = useTranslation('officer');
  const [json, setJson] = useState<string | null>(null);
  const shownGrounds = records === 'findings' ? grounds : [];
  const groundKeys = shownGrounds.map((g) => findingOf(g)?.key).filter((k): k is string => !!k);
  const toggle = (g: OfficerGround, on: boolean) => {
    const f = findingOf(g);
    if (!f) return;
    const next = { ...value };
    if (on) next[f.key] = f.value;
    else delete next[f.key];
    onChange(next);
  };
  const parsed = json === null ? null : parseFindings(json);

  return (
    <>
      {shownGrounds.length > 0 && (
        <fieldset className="data-group grounds">
          <legend>{t('officerGrounds')}</legend>
          <p className="muted">{t('findingsHint')}</p>
          {shownGrounds.map((g) => {
            const f = findingOf(g);
            return (
              <label key={g.id} className="check" data-ground={g.id}>
                <input
                  type="checkbox"
                  name={`ground-${g.id}`}
                  disabled={!f}
                  checked={groundHolds(g, value)}
                  onChange={(e) => toggle(g, e.target.checked)}
                />
                <span>
                  <span className="ground-text">{pick(g.text, lang)}</span>
                  <br />
                  <span className="muted">
                    <LegalRefText legalRef={g.legalRef} service={service} lang={lang} short />
                    {f ? '' : ` · ${t('groundUnmapped')}`}
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
      {schema?.properties ? (
        <div className="event-fields">
          <Fields
            prefix=""
            schema={schema}
            value={value}
            onChange={onChange}
            lang={lang}
            grounds={shownGrounds}
            skip={[REASONING_KEY, ...groundKeys]}
          />
        </div>
      ) : null}
      {advanced && (
        <details className="advanced">
          <summary>{t('form.advanced')}</summary>
          <p className="muted">{t('form.advancedHint')}</p>
          <label>
            {t('form.advancedJson')}
            <textarea
              name="event-json"
              spellCheck={false}
              lang="en"
              value={json ?? JSON.stringify(eventData(value), null, 2)}
              onChange={(e) => {
                setJson(e.target.value);
                const p = parseFindings(e.target.value);
                if (p.ok) onChange(p.value);
              }}
              onBlur={() => setJson(null)}
            />
          </label>
          {parsed && !parsed.ok && (
            <p className="error">
              {parsed.error === 'invalidJson' ? t('invalidJson', { message: parsed.message }) : t('jsonObject')}
            </p>
          )}
        </details>
      )}
    </>
  );
}
