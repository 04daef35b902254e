import { formatConditionRef, type VersionDef } from '@qyzmet/engine';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../../i18n';
import type { EditorProblem, ScenarioRun } from '../model';
import { plainValue } from '../plainValue';
import {
  conditionWhen,
  factPlaceholders,
  findingWhen,
  FINDING_NAME,
  readGroundFacts,
  renderFactPreview,
  type FactPlaceholder,
} from './groundFacts';
import { problemsAt } from './pointer';
import { insertAt } from './templateModel';

const pick = (t: { kk?: string; ru?: string; en?: string } | undefined, lang: UiLang) =>
  (lang === 'en' ? (t?.en ?? t?.ru) : t?.[lang]) ?? '';

/** A named condition in the analyst's words: its description in the UI language, or its name. */
export const conditionWords = (name: string, conditions: VersionDef['conditions'], lang: UiLang) =>
  pick(conditions?.[name]?.description, lang) || name;

const SYMBOLS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};
const OP_WORDS: Record<string, string> = {
  in: 'opIn',
  notIn: 'opNotIn',
  contains: 'opContains',
  doesNotContain: 'opDoesNotContain',
  isTrue: 'opIsTrue',
  isFalse: 'opIsFalse',
};
const FACT_WORDS: Record<string, string> = {
  data: 'factData',
  findings: 'factFindings',
  external: 'factExternal',
  application: 'factApplication',
};

/** The label of the form field a `data` path names, or the path itself. */
function fieldWords(form: VersionDef['form'] | undefined, path: string, lang: UiLang): string {
  let node: unknown = form;
  for (const key of path.split('/').filter(Boolean))
    node = (node as { properties?: Record<string, unknown> } | undefined)?.properties?.[key];
  const label = (node as { 'x-label'?: { kk?: string; ru?: string; en?: string } } | undefined)?.['x-label'];
  return pick(label, lang) || path;
}

/** A composite rule in words, read only (the JSON section edits it): groups as nested lists, fields by their labels. */
function ConditionInWords({ c, version, lang }: { c: unknown; version: VersionDef; lang: UiLang }) {
  const { t } = useTranslation('grounds');
  if (!c || typeof c !== 'object') return <>{plainValue(c, lang)}</>;
  const o = c as Record<string, unknown>;
  for (const group of ['all', 'any'] as const)
    if (Array.isArray(o[group]))
      return (
        <>
          {t(group === 'all' ? 'allOf' : 'anyOf')}
          <ul>
            {(o[group] as unknown[]).map((x, i) => (
              <li key={i}>
                <ConditionInWords c={x} version={version} lang={lang} />
              </li>
            ))}
          </ul>
        </>
      );
  if ('not' in o)
    return (
      <>
        {t('notOf')} <ConditionInWords c={o.not} version={version} lang={lang} />
      </>
    );
  if (typeof o.condition === 'string') {
    const described = conditionWords(o.condition, version.conditions, lang);
    if (described === o.condition) return <>{formatConditionRef({ condition: o.condition, negate: !!o.negate })}</>;
    return <>{o.negate ? `${t('notOf')} ${described}` : described}</>;
  }
  const fact = String(o.fact ?? '');
  const path = typeof o.path === 'string' ? o.path : '';
  // A form field by its label; an officer's finding or a fetched datum by its name (the path without the slash).
  const subject = fact === 'data' ? fieldWords(version.form, path, lang) : path.replace(/^\//, '');
  const op = String(o.operator ?? '');
  const value = Array.isArray(o.value) ? o.value.map(String).join(', ') : plainValue(o.value, lang);
  const predicate =
    op === 'exists'
      ? t(o.value === false ? 'opNotExists' : 'opExists')
      : OP_WORDS[op] && (op === 'isTrue' || op === 'isFalse')
        ? t(OP_WORDS[op])
        : `${SYMBOLS[op] ?? (OP_WORDS[op] ? t(OP_WORDS[op]) : op)} ${value}`;
  return (
    <>
      <span className="qz-muted">{FACT_WORDS[fact] ? t(FACT_WORDS[fact]) : fact}</span> <q>{subject}</q> {predicate}
    </>
  );
}

/**
 * The facts a ground cites, as its `when`: the name of the officer's finding, or one of the version's named conditions
 * (with "does not hold"), by who decides; a composite rule is shown in words with a pointer to the JSON section.
 */
export function GroundFacts({
  when,
  decidedBy,
  version,
  lang,
  readOnly,
  problems,
  findings,
  jsonHref,
  onChange,
}: {
  when: unknown;
  decidedBy: unknown;
  version: VersionDef;
  lang: UiLang;
  readOnly: boolean;
  /** The engine's problems at the ground's `when`. */
  problems: readonly EditorProblem[];
  /** The finding names other grounds read, offered while typing. */
  findings: readonly string[];
  /** The JSON section of the workbench, where a composite rule is edited. */
  jsonHref: string;
  onChange: (when: unknown) => void;
}) {
  const { t } = useTranslation('grounds');
  const id = useId();
  const facts = readGroundFacts(when);
  const mode = facts.kind === 'none' ? (decidedBy === 'officer' ? 'finding' : 'condition') : facts.kind;
  const local =
    mode === 'finding'
      ? facts.kind !== 'finding'
        ? t('findingEmpty')
        : FINDING_NAME.test(facts.finding)
          ? undefined
          : t('findingFormat')
      : mode === 'condition' && facts.kind !== 'condition'
        ? t('conditionEmpty')
        : undefined;
  const messages = [...(local ? [local] : []), ...problems.map((p) => p.message)];
  const invalid = messages.length > 0;
  const described = { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? `${id}-err` : undefined };
  const names = Object.keys(version.conditions ?? {});
  return (
    <fieldset className="qz-ground-facts" aria-invalid={invalid || undefined}>
      <legend>{t('facts')}</legend>
      {mode === 'finding' && (
        <label>
          {t('finding')}
          <input
            value={facts.kind === 'finding' ? facts.finding : ''}
            // A finding is one key of the officer's record: separators would make it a path.
            onChange={(e) => onChange(findingWhen(e.target.value.replace(/[\s/~]/g, '')))}
            readOnly={readOnly}
            list={`${id}-findings`}
            spellCheck={false}
            aria-describedby={`${id}-hint${invalid ? ` ${id}-err` : ''}`}
            aria-invalid={invalid || undefined}
          />
          <datalist id={`${id}-findings`}>
            {findings.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
          <span id={`${id}-hint`} className="qz-muted qz-small">
            {t('findingHint')}
          </span>
        </label>
      )}
      {mode === 'condition' && (
        <>
          <div className="qz-field">
            <label htmlFor={`${id}-condition`}>{t('condition')}</label>
            <select
              id={`${id}-condition`}
              value={facts.kind === 'condition' ? facts.condition : ''}
              onChange={(e) =>
                onChange(conditionWhen(e.target.value, facts.kind === 'condition' ? facts.negate : false))
              }
              disabled={readOnly}
              {...described}
            >
              <option value="">{t('chooseCondition')}</option>
              {facts.kind === 'condition' && !names.includes(facts.condition) && (
                <option value={facts.condition}>{facts.condition}</option>
              )}
              {names.map((n) => (
                <option key={n} value={n}>
                  {conditionWords(n, version.conditions, lang)}
                </option>
              ))}
            </select>
          </div>
          {names.length === 0 && <p className="qz-muted qz-small">{t('noConditions')}</p>}
          <label className="qz-check">
            <input
              type="checkbox"
              checked={facts.kind === 'condition' && facts.negate}
              disabled={readOnly || facts.kind !== 'condition'}
              onChange={(e) => facts.kind === 'condition' && onChange(conditionWhen(facts.condition, e.target.checked))}
            />
            {t('negate')}
          </label>
        </>
      )}
      {mode === 'complex' && (
        <div data-testid="ground-rule-words">
          <p className="qz-small">{t('complex')}</p>
          <div className="qz-ground-rule">
            <ConditionInWords c={when} version={version} lang={lang} />
          </div>
          <p className="qz-small">
            <a href={jsonHref}>{t('complexHint')}</a>
          </p>
        </div>
      )}
      {invalid && (
        <div id={`${id}-err`}>
          {messages.map((m, i) => (
            <p key={i} className="error qz-small">
              {m}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

type FactTexts = { kk?: string; ru?: string; en?: string } & Record<string, unknown>;
const FACT_LANGS = ['kk', 'ru', 'en'] as const;
const LANG_LABEL = { kk: 'langKk', ru: 'langRu', en: 'langEn' } as const;

/** The scenario run the preview renders on: one where the ground holds, else the first that ran. */
function previewRun(runs: readonly ScenarioRun[], groundId: string) {
  const ran = runs.filter((r) => r.outcome?.result?.application);
  const holds = ran.find((r) => {
    const app = r.outcome!.result!.application;
    return (app.refusal?.grounds ?? app.grounds ?? []).some((g) => g.id === groundId);
  });
  const run = holds ?? ran[0];
  return run ? { run, holds: !!holds, app: run.outcome!.result!.application } : undefined;
}

/**
 * The fact in words of a ground (`fact`): one sentence per language that the refusal prints under the ground, naming
 * the concrete fact that made it hold. The placeholders it may use are listed by their labels (form fields, what the
 * officer's events record, the application's number and registration) and inserted at the cursor; each language is
 * previewed on a scenario of the draft, and the engine's problems of each sentence are shown under it.
 */
export function GroundFactWords({
  groundId,
  value,
  version,
  runs,
  lang,
  readOnly,
  problems,
  pointer,
  onChange,
}: {
  groundId: string;
  value: unknown;
  /** The version whose form and events name the placeholders (the last one compiled, else as written). */
  version: VersionDef;
  runs: readonly ScenarioRun[];
  lang: UiLang;
  readOnly: boolean;
  /** The engine's problems at the ground's `fact` and under it (`/fact/kk`…). */
  problems: readonly EditorProblem[];
  /** The pointer of the ground's `fact` in the version. */
  pointer: string;
  onChange: (fact: FactTexts) => void;
}) {
  const { t } = useTranslation('grounds');
  const { t: te } = useTranslation('editors');
  const id = useId();
  const v: FactTexts = value && typeof value === 'object' && !Array.isArray(value) ? (value as FactTexts) : {};
  const areas = useRef<Partial<Record<(typeof FACT_LANGS)[number], HTMLTextAreaElement | null>>>({});
  /** The text area the analyst last wrote in: a placeholder goes there, at its cursor. */
  const [target, setTarget] = useState<(typeof FACT_LANGS)[number]>('kk');
  const placeholders = useMemo(() => factPlaceholders(version, lang, target), [version, lang, target]);
  const sample = useMemo(() => previewRun(runs, groundId), [runs, groundId]);
  // A sentence left empty is not written (the schema then names the missing language at the fact: shown at its field).
  const missingLang = (p: EditorProblem, l: string) =>
    p.pointer === pointer && p.code === 'definition.required' && p.params?.missingProperty === l;
  const whole = problems.filter((p) => p.pointer === pointer && p.code === 'ground.factMissing').length > 0;
  const atLang = (l: (typeof FACT_LANGS)[number]) => [
    ...problems
      .filter((p) => missingLang(p, l))
      .map((p) => ({ ...p, message: t('factLangMissing', { lang: te(LANG_LABEL[l]) }) })),
    ...problemsAt(problems, `${pointer}/${l}`),
  ];
  const own = problems.filter(
    (p) => !FACT_LANGS.some((l) => missingLang(p, l) || problemsAt([p], `${pointer}/${l}`).length),
  );
  const set = (l: (typeof FACT_LANGS)[number], text: string) => {
    const next: FactTexts = { ...v, [l]: text };
    if (!text.trim()) delete next[l];
    onChange(next);
  };
  const insert = (snippet: string) => {
    const el = areas.current[target];
    const text = String(v[target] ?? '');
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const { text: next, caret } = insertAt(text, start, end, snippet);
    set(target, next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };
  const name = (p: FactPlaceholder) => (p.group === 'application' ? t(p.label) : p.label);
  const groups = (['form', 'findings', 'external', 'application'] as const).filter((g) =>
    placeholders.some((p) => p.group === g),
  );
  const invalid = problems.length > 0;
  return (
    <fieldset className="qz-ground-facts qz-ground-fact" aria-invalid={invalid || undefined} data-testid="ground-fact">
      <legend>{t('factTitle')}</legend>
      <p className="qz-muted qz-small" id={`${id}-hint`}>
        {t('factHint')}
      </p>
      <div className="qz-langtexts-row">
        {FACT_LANGS.map((l) => {
          const mine = atLang(l);
          const marked = mine.length > 0 || (whole && l !== 'en');
          const errId = `${id}-${l}-err`;
          const preview =
            l !== 'en' && sample && String(v[l] ?? '').trim()
              ? renderFactPreview(String(v[l]), l, groundId, sample.app)
              : null;
          return (
            <div key={l} className="qz-ground-fact-lang">
              <label htmlFor={`${id}-${l}`}>
                {te(LANG_LABEL[l])}
                {l === 'en' && <span className="qz-muted"> ({te('optional')})</span>}
              </label>
              <textarea
                id={`${id}-${l}`}
                ref={(el) => {
                  areas.current[l] = el;
                }}
                name={`fact.${l}`}
                lang={l}
                rows={3}
                value={String(v[l] ?? '')}
                readOnly={readOnly}
                spellCheck={l !== 'en'}
                onFocus={() => setTarget(l)}
                onChange={(e) => set(l, e.target.value)}
                aria-invalid={marked || undefined}
                aria-describedby={`${id}-hint${mine.length ? ` ${errId}` : whole && l !== 'en' ? ` ${id}-own` : ''}`}
              />
              {mine.length > 0 && (
                <div id={errId} role="status">
                  {mine.map((p, i) => (
                    <p key={i} className="error qz-small">
                      {p.message}
                    </p>
                  ))}
                </div>
              )}
              {preview && sample && (
                <p className="qz-ground-fact-preview qz-small" data-testid={`fact-preview-${l}`}>
                  <span className="qz-muted">
                    {t(sample.holds ? 'factPreview' : 'factPreviewNotHolding', {
                      name: sample.run.scenario?.name ?? '',
                    })}
                  </span>{' '}
                  {'text' in preview ? <q>{preview.text}</q> : <span className="error">{preview.error}</span>}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {own.length > 0 && (
        <div id={`${id}-own`} role="status">
          {own.map((p, i) => (
            <p key={i} className="error qz-small">
              {p.message}
            </p>
          ))}
        </div>
      )}
      {!sample && <p className="qz-muted qz-small">{t('factNoRuns')}</p>}
      {!readOnly && (
        <details className="qz-ground-fact-placeholders">
          <summary>{t('factPlaceholders', { lang: te(LANG_LABEL[target]) })}</summary>
          {groups.map((g) => (
            <div key={g} role="group" aria-label={t(`factGroup_${g}`)}>
              <p className="qz-small qz-muted">{t(`factGroup_${g}`)}</p>
              <ul className="qz-ground-fact-list" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
                {placeholders
                  .filter((p) => p.group === g)
                  .map((p) => (
                    <li key={p.insert}>
                      <button
                        type="button"
                        className="secondary qz-small"
                        onClick={() => insert(p.insert)}
                        title={p.event ? `${p.event}: ${p.insert}` : p.insert}
                      >
                        {name(p)}
                      </button>{' '}
                      <code className="qz-muted qz-small">{p.path}</code>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </fieldset>
  );
}
