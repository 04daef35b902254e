import { formatConditionRef, type VersionDef } from '@qyzmet/engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../../i18n';
import type { EditorProblem } from '../model';
import { plainValue } from '../plainValue';
import { conditionWhen, findingWhen, FINDING_NAME, readGroundFacts } from './groundFacts';

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
