import type { LegalRef } from '@qyzmet/engine';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../../i18n';
import { fieldsTexts } from '../../i18n/editors/fields';
import type { EditorProblem } from '../model';
import { legalRefText } from '../Previews';
import './editors.css';
import {
  addField,
  addOption,
  changeKind,
  conditionFields,
  dependentsOf,
  editField,
  editGroup,
  FIELD_KINDS,
  FIELD_SOURCES,
  fieldAt,
  formTree,
  isSchema,
  keyProblem,
  LENGTH_LIMITS,
  moveField,
  moveOption,
  NUMBER_LIMITS,
  optionProblem,
  optionsOf,
  removeField,
  removeOption,
  renameOption,
  requirementOf,
  schemaOfKind,
  setRequirement,
  TEXT_FORMATS,
  usesOfField,
  withKeyword,
  type FieldKind,
  type FieldNode,
  type Requirement,
  type Schema,
} from './fieldsModel';
import { LangTexts, type Texts } from './LangTexts';
import { escapeToken, problemsAt, setIn } from './pointer';
import type { EditorContext } from './types';

registerArea('fields', fieldsTexts);

const textIn = (t: unknown, lang: UiLang): string => {
  if (!isSchema(t)) return '';
  return String((lang === 'en' ? (t.en ?? t.ru) : t[lang]) ?? t.ru ?? t.kk ?? '');
};
const labelOf = (node: FieldNode, lang: UiLang) => textIn(node.schema['x-label'], lang);
/**
 * A label the applicant reads must exist in both state languages (the format requires kk and ru): said at once, in
 * the analyst's language, where the engine has not placed a problem of its own yet.
 */
function withLabelCheck(problems: EditorProblem[], text: unknown, message: string): EditorProblem[] {
  const v = isSchema(text) ? text : {};
  if (problems.length || (String(v.kk ?? '').trim() && String(v.ru ?? '').trim())) return problems;
  return [{ message, code: 'label.missing', severity: 'error', line: 0, column: 0, inDraft: true }];
}
const within = (p: EditorProblem, pointer: string) => p.pointer === pointer || !!p.pointer?.startsWith(`${pointer}/`);

/**
 * The form of the draft as fields: a tree in page order (groups hold their fields) and a panel for the field picked —
 * label and help in kk / ru / en, type, requirement, options, format, limits, who supplies it — plus adding, removing
 * and moving fields. Every edit is a new form given to `onChange`; the preview beside it is the applicant's own form.
 * A field the panel cannot express is shown read only with the way to the JSON section.
 */
export function FieldsEditor(ctx: EditorContext) {
  const { t } = useTranslation('fields');
  const written = ctx.version.form as unknown;
  // A form taken from a shared file is shown from the compiled version, read only: editing it here would copy it.
  const included = !isSchema(written) || '$include' in written;
  const form = (included ? ctx.compiled?.version.form : written) as Schema | undefined;
  const readOnly = ctx.readOnly || included;
  const tree = useMemo(() => formTree(form ?? { type: 'object', properties: {} }), [form]);
  const [selected, setSelected] = useState<string[]>([]);
  // After an add or a removal the panel shows another field, and the control that was used is gone: the focus goes
  // to the new panel's heading instead of the page's top.
  const [focusPanel, setFocusPanel] = useState(false);
  // A removed field's place falls back to its group.
  let path = selected;
  while (path.length && !fieldAt(tree, path)) path = path.slice(0, -1);
  const node = fieldAt(tree, path) ?? tree;
  const change = (next: Schema) => ctx.onChange(setIn(ctx.version, '/form', next));
  const jsonHref = `#/workbench/${encodeURIComponent(ctx.serviceId)}/editor/json`;
  return (
    <div className="qz-fields" data-testid="fields-editor">
      {included && (
        <p className="qz-fields-hint" role="note">
          {t('includedForm')} <a href={jsonHref}>{t('openJson')}</a>
        </p>
      )}
      <nav className="qz-fields-tree" aria-label={t('treeLabel')}>
        <ul className="qz-fields-root">
          <FieldTree
            node={tree}
            selected={node.pointer}
            onSelect={setSelected}
            lang={ctx.lang}
            problems={ctx.problems}
          />
        </ul>
      </nav>
      <section className="qz-fields-panel" aria-label={node.path.length ? labelOf(node, ctx.lang) : t('wholeForm')}>
        <FieldPanel
          key={node.pointer}
          ctx={ctx}
          form={form ?? { type: 'object' }}
          node={node}
          readOnly={readOnly}
          jsonHref={jsonHref}
          onForm={change}
          onSelect={(next) => {
            setSelected(next);
            setFocusPanel(true);
          }}
          focusHeading={focusPanel}
          onFocused={() => setFocusPanel(false)}
        />
      </section>
    </div>
  );
}

// ---------------------------------------------------------------- the tree

function FieldTree({
  node,
  selected,
  onSelect,
  lang,
  problems,
  parent,
}: {
  node: FieldNode;
  selected: string;
  onSelect: (path: string[]) => void;
  lang: UiLang;
  problems: readonly EditorProblem[];
  parent?: Schema;
}) {
  const { t } = useTranslation('fields');
  const req = parent ? requirementOf(parent, node.key) : null;
  const count = problems.filter((p) => within(p, node.pointer)).length;
  const source = node.schema['x-source'];
  const label = node.path.length ? labelOf(node, lang) || t('noLabel') : t('wholeForm');
  return (
    <li>
      <button
        type="button"
        className={`qz-fields-item${selected === node.pointer ? ' active' : ''}`}
        aria-current={selected === node.pointer || undefined}
        aria-invalid={count > 0 || undefined}
        data-field={node.path.join('.')}
        onClick={() => onSelect(node.path)}
      >
        <span className="qz-fields-name">{label}</span>
        {req?.mode === 'always' && (
          <span className="qz-fields-mark" title={t('markRequired')} aria-label={t('markRequired')}>
            *
          </span>
        )}
        {(req?.mode === 'when' || req?.mode === 'complex') && (
          <span className="qz-fields-mark" title={t('markConditional')} aria-label={t('markConditional')}>
            *?
          </span>
        )}
        {node.path.length > 0 && <code className="qz-muted">{node.key}</code>}
        {(source === 'gateway' || source === 'officer') && <span className="qz-fields-badge">{t('markNotAsked')}</span>}
        {node.unsupported.length > 0 && node.path.length > 0 && (
          <span className="qz-fields-badge" title={t('markReadOnly')} aria-label={t('markReadOnly')}>
            JSON
          </span>
        )}
        {count > 0 && <span className="qz-fields-badge qz-fields-badge-error">{t('problemsCount', { count })}</span>}
      </button>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <FieldTree
              key={c.key}
              node={c}
              selected={selected}
              onSelect={onSelect}
              lang={lang}
              problems={problems}
              parent={node.schema}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

// ---------------------------------------------------------------- the panel

function FieldPanel({
  ctx,
  form,
  node,
  readOnly: formReadOnly,
  jsonHref,
  onForm,
  onSelect,
  focusHeading,
  onFocused,
}: {
  ctx: EditorContext;
  form: Schema;
  node: FieldNode;
  readOnly: boolean;
  jsonHref: string;
  onForm: (next: Schema) => void;
  onSelect: (path: string[]) => void;
  focusHeading: boolean;
  onFocused: () => void;
}) {
  const { t } = useTranslation('fields');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusHeading) return;
    heading.current?.focus();
    onFocused();
  }, [focusHeading, onFocused]);
  const { schema, pointer, path } = node;
  const isRoot = path.length === 0;
  const readOnly = formReadOnly || node.unsupported.length > 0;
  const groupPath = path.slice(0, -1);
  const group = fieldAt(formTree(form), groupPath)?.schema ?? form;
  const mine = problemsAt(ctx.problems, pointer).filter((p) => !node.children.some((c) => within(p, c.pointer)));
  const shown = new Set<EditorProblem>();
  const at = (...keywords: string[]) => {
    const found = mine.filter((p) => keywords.some((k) => within(p, `${pointer}/${k}`)));
    found.forEach((p) => shown.add(p));
    return found;
  };
  const edit = (f: (s: Schema) => Schema) => onForm(isRoot ? f(form) : editField(form, path, f));
  const set = (keyword: string, value: unknown) => edit((s) => withKeyword(s, keyword, value));
  const labelProblems = isRoot ? at('x-label') : withLabelCheck(at('x-label'), schema['x-label'], t('labelNeeded'));
  const helpProblems = at('x-description');
  const kind = node.kind;
  const label = labelOf(node, ctx.lang) || node.key;

  return (
    <div className="qz-fields-props">
      <div className="qz-row">
        <h3 className="qz-grow" ref={heading} tabIndex={-1}>
          {isRoot ? t('wholeForm') : label} {!isRoot && <code className="qz-muted">{node.key}</code>}
        </h3>
        {!isRoot && !formReadOnly && (
          <>
            <button
              type="button"
              className="secondary"
              aria-label={t('moveUp')}
              title={t('moveUp')}
              onClick={() => onForm(moveField(form, path, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={t('moveDown')}
              title={t('moveDown')}
              onClick={() => onForm(moveField(form, path, 1))}
            >
              ↓
            </button>
          </>
        )}
      </div>
      {!isRoot && node.unsupported.length > 0 && (
        <p className="qz-fields-hint" role="note" data-testid="field-read-only">
          {t('readOnlyHint', { keywords: node.unsupported.join(', ') })} <a href={jsonHref}>{t('openJson')}</a>
        </p>
      )}
      <LangTexts
        label={isRoot ? t('formLabel') : t('label')}
        name="field-label"
        value={schema['x-label'] as Texts | undefined}
        readOnly={readOnly}
        problems={labelProblems}
        onChange={(v) => set('x-label', v)}
      />
      {!isRoot && (
        <LangTexts
          label={t('help')}
          name="field-help"
          multiline
          value={schema['x-description'] as Texts | undefined}
          readOnly={readOnly}
          problems={helpProblems}
          // An empty help is no help: the key goes rather than an empty text the format refuses.
          onChange={(v) => set('x-description', [v.kk, v.ru, v.en].some((x) => x?.trim()) ? v : undefined)}
        />
      )}
      {!isRoot && (
        <div className="qz-fields-grid">
          <label htmlFor={`${id}-kind`}>
            {t('kind')}
            <select
              id={`${id}-kind`}
              value={kind ?? ''}
              disabled={readOnly || (kind === 'group' && node.children.length > 0)}
              title={kind === 'group' && node.children.length > 0 ? t('kindGroupNotEmpty') : undefined}
              onChange={(e) => edit((s) => changeKind(s, e.target.value as FieldKind))}
            >
              {!kind && <option value="">—</option>}
              {FIELD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind_${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${id}-source`}>
            {t('source')}
            <select
              id={`${id}-source`}
              value={String(schema['x-source'] ?? 'applicant')}
              disabled={readOnly}
              onChange={(e) => set('x-source', e.target.value === 'applicant' ? undefined : e.target.value)}
            >
              {FIELD_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`source_${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {!isRoot && (
        <RequirementEditor
          group={group}
          fieldKey={node.key}
          lang={ctx.lang}
          readOnly={formReadOnly}
          onChange={(req) => onForm(editGroup(form, groupPath, (g) => setRequirement(g, node.key, req)))}
        />
      )}
      {kind === 'choice' && (
        <OptionsEditor
          field={schema}
          readOnly={readOnly}
          problems={at('enum', 'x-enumLabels')}
          pointer={pointer}
          onChange={(f) => edit(() => f)}
        />
      )}
      {kind === 'text' && (
        <label htmlFor={`${id}-format`}>
          {t('format')}
          <select
            id={`${id}-format`}
            value={String(schema.format ?? '')}
            disabled={readOnly}
            aria-invalid={at('format').length > 0 || undefined}
            onChange={(e) => set('format', e.target.value || undefined)}
          >
            <option value="">{t('format_none')}</option>
            {TEXT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format_${f}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {(kind === 'text' || kind === 'number' || kind === 'integer') && (
        <Limits
          schema={schema}
          keywords={kind === 'text' ? LENGTH_LIMITS : NUMBER_LIMITS}
          whole={kind !== 'number'}
          readOnly={readOnly}
          problemsOf={(k) => at(k)}
          onChange={set}
        />
      )}
      {isSchema(schema['x-legalRef']) && (
        <p className="qz-small">
          <strong>{t('citation')}:</strong> {legalRefText(schema['x-legalRef'] as unknown as LegalRef, ctx.lang)}
        </p>
      )}
      {schema['x-document'] === true && <p className="qz-small qz-muted">{t('attachedDocument')}</p>}
      <OtherProblems problems={mine.filter((p) => !shown.has(p))} />
      {!isRoot && !formReadOnly && (
        <RemoveField
          form={form}
          version={ctx.version as unknown as Schema}
          node={node}
          group={group}
          label={label}
          lang={ctx.lang}
          onRemove={() => {
            onForm(removeField(form, path));
            onSelect(groupPath);
          }}
        />
      )}
      {kind === 'group' && !formReadOnly && (
        <AddField
          group={schema}
          groupLabel={isRoot ? t('wholeForm') : label}
          onAdd={(key, field) => {
            onForm(addField(form, path, key, field));
            onSelect([...path, key]);
          }}
        />
      )}
    </div>
  );
}

function OtherProblems({ problems }: { problems: readonly EditorProblem[] }) {
  const { t } = useTranslation('fields');
  if (!problems.length) return null;
  return (
    <div className="qz-fields-problems" role="alert">
      <strong>{t('otherProblems')}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i} className={p.severity === 'warning' ? '' : 'error'}>
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------- requirement

function RequirementEditor({
  group,
  fieldKey,
  lang,
  readOnly,
  onChange,
}: {
  group: Schema;
  fieldKey: string;
  lang: UiLang;
  readOnly: boolean;
  onChange: (req: Requirement) => void;
}) {
  const { t } = useTranslation('fields');
  const id = useId();
  const req = requirementOf(group, fieldKey);
  const candidates = conditionFields(group, fieldKey);
  const props = (isSchema(group.properties) ? group.properties : {}) as Record<string, Schema>;
  const nameOf = (key: string) => textIn(props[key]?.['x-label'], lang) || key;
  const valueText = (key: string, v: string | boolean) =>
    typeof v === 'boolean' ? t(v ? 'yes' : 'no') : textIn((props[key]?.['x-enumLabels'] as Schema)?.[v], lang) || v;
  if (req.mode === 'complex')
    return (
      <fieldset className="qz-fields-req">
        <legend>{t('required')}</legend>
        <p className="qz-fields-hint" role="note">
          {t('reqComplex')}
        </p>
      </fieldset>
    );
  const when = req.mode === 'when' ? req : null;
  const chosen = candidates.find((c) => c.key === when?.field);
  const pick = (mode: Requirement['mode']) => {
    if (mode === 'when') {
      const first = candidates[0];
      if (first && first.values.length) onChange({ mode: 'when', field: first.key, value: first.values[0] });
    } else onChange({ mode } as Requirement);
  };
  return (
    <fieldset className="qz-fields-req">
      <legend>{t('required')}</legend>
      {(['always', 'when', 'never'] as const).map((mode) => (
        <label key={mode} className="qz-inline">
          <input
            type="radio"
            name={`${id}-req`}
            value={mode}
            checked={req.mode === mode}
            disabled={readOnly || (mode === 'when' && !candidates.some((c) => c.values.length))}
            onChange={() => pick(mode)}
          />
          {t(mode === 'always' ? 'reqAlways' : mode === 'when' ? 'reqWhen' : 'reqNever')}
        </label>
      ))}
      {!readOnly && !candidates.length && req.mode !== 'when' && (
        <p className="qz-muted qz-small">{t('reqNoCondition')}</p>
      )}
      {when && (
        <div className="qz-fields-grid">
          <label htmlFor={`${id}-when-field`}>
            {t('whenField')}
            <select
              id={`${id}-when-field`}
              value={when.field}
              disabled={readOnly}
              aria-invalid={!chosen || undefined}
              onChange={(e) => {
                const c = candidates.find((x) => x.key === e.target.value);
                if (c?.values.length) onChange({ mode: 'when', field: c.key, value: c.values[0] });
              }}
            >
              {!chosen && <option value={when.field}>{when.field}</option>}
              {candidates.map((c) => (
                <option key={c.key} value={c.key}>
                  {nameOf(c.key)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${id}-when-value`}>
            {t('whenValue')}
            <select
              id={`${id}-when-value`}
              value={JSON.stringify(when.value)}
              disabled={readOnly}
              aria-invalid={(chosen && !chosen.values.includes(when.value)) || undefined}
              onChange={(e) => onChange({ ...when, value: JSON.parse(e.target.value) as string | boolean })}
            >
              {!chosen?.values.includes(when.value) && (
                <option value={JSON.stringify(when.value)}>{String(when.value)}</option>
              )}
              {(chosen?.values ?? []).map((v) => (
                <option key={String(v)} value={JSON.stringify(v)}>
                  {valueText(when.field, v)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </fieldset>
  );
}

// ---------------------------------------------------------------- options of a choice

function OptionsEditor({
  field,
  readOnly,
  problems,
  pointer,
  onChange,
}: {
  field: Schema;
  readOnly: boolean;
  problems: readonly EditorProblem[];
  pointer: string;
  onChange: (next: Schema) => void;
}) {
  const { t } = useTranslation('fields');
  const id = useId();
  const [draft, setDraft] = useState('');
  const values = optionsOf(field);
  const labels = (isSchema(field['x-enumLabels']) ? field['x-enumLabels'] : {}) as Record<string, Texts>;
  const newProblem = draft ? optionProblem(field, draft) : null;
  const add = () => {
    if (!draft || newProblem) return;
    onChange(addOption(field, draft));
    setDraft('');
  };
  const rowProblems = (v: string) => problems.filter((p) => within(p, `${pointer}/x-enumLabels/${escapeToken(v)}`));
  // The list's own problems, and those the engine places at the labels as a whole (its first bad label).
  const listProblems = problems.filter((p) => !values.some((v) => rowProblems(v).includes(p)));
  return (
    <fieldset className="qz-fields-options" aria-invalid={listProblems.length > 0 || undefined}>
      <legend>{t('options')}</legend>
      {!values.length && <p className="qz-muted qz-small">{t('noOptions')}</p>}
      <ol>
        {values.map((v, i) => (
          // By place, not value: renaming an option as it is typed keeps its input (and the focus).
          <li key={i} className="qz-fields-option" data-option={v}>
            <div className="qz-row">
              <OptionValue
                field={field}
                value={v}
                readOnly={readOnly}
                onRename={(to) => onChange(renameOption(field, v, to))}
              />
              {!readOnly && (
                <>
                  <button
                    type="button"
                    className="secondary"
                    disabled={i === 0}
                    aria-label={t('moveOptionUp', { value: v })}
                    title={t('moveOptionUp', { value: v })}
                    onClick={() => onChange(moveOption(field, v, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={i === values.length - 1}
                    aria-label={t('moveOptionDown', { value: v })}
                    title={t('moveOptionDown', { value: v })}
                    onClick={() => onChange(moveOption(field, v, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('removeOption', { value: v })}
                    title={t('removeOption', { value: v })}
                    onClick={() => onChange(removeOption(field, v))}
                  >
                    ✕
                  </button>
                </>
              )}
            </div>
            <LangTexts
              label={t('optionLabel', { value: v })}
              name={`option-${v}`}
              value={labels[v]}
              readOnly={readOnly}
              problems={withLabelCheck(rowProblems(v), labels[v], t('labelNeeded'))}
              onChange={(text) => onChange({ ...field, 'x-enumLabels': { ...labels, [v]: text } })}
            />
          </li>
        ))}
      </ol>
      {listProblems.map((p, i) => (
        <p key={i} className="error qz-small">
          {p.message}
        </p>
      ))}
      {!readOnly && (
        <div className="qz-row qz-fields-add-option">
          <label htmlFor={`${id}-new`} className="qz-grow">
            {t('newOption')}
            <input
              id={`${id}-new`}
              value={draft}
              aria-invalid={!!newProblem || undefined}
              aria-describedby={newProblem ? `${id}-new-problem` : undefined}
              onChange={(e) => setDraft(e.target.value.trim())}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <button type="button" onClick={add} disabled={!draft || !!newProblem}>
            {t('addOption')}
          </button>
          {newProblem && (
            <p id={`${id}-new-problem`} className="error qz-small qz-fields-full">
              {t(OPTION_MESSAGE[newProblem], { value: draft })}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}

const OPTION_MESSAGE = { empty: 'optionEmpty', format: 'optionFormat', taken: 'optionTaken' } as const;

/** An option's value, renamed when the typed value is a good one (a bad one stays in the input with its reason). */
function OptionValue({
  field,
  value,
  readOnly,
  onRename,
}: {
  field: Schema;
  value: string;
  readOnly: boolean;
  onRename: (to: string) => void;
}) {
  const { t } = useTranslation('fields');
  const id = useId();
  const [typed, setTyped] = useState(value);
  // Another value at this place (a move, a removal): show it.
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    setTyped(value);
  }
  const problem = optionProblem(field, typed, value);
  return (
    <label htmlFor={id} className="qz-grow">
      {t('optionValue')}
      <input
        id={id}
        value={typed}
        readOnly={readOnly}
        aria-invalid={!!problem || undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setTyped(e.target.value);
          if (!optionProblem(field, e.target.value, value) && e.target.value !== value) onRename(e.target.value);
        }}
      />
      {problem && (
        <span id={`${id}-problem`} className="error qz-small">
          {t(OPTION_MESSAGE[problem], { value: typed })}
        </span>
      )}
    </label>
  );
}

// ---------------------------------------------------------------- limits

function Limits({
  schema,
  keywords,
  whole,
  readOnly,
  problemsOf,
  onChange,
}: {
  schema: Schema;
  keywords: readonly string[];
  whole: boolean;
  readOnly: boolean;
  problemsOf: (keyword: string) => EditorProblem[];
  onChange: (keyword: string, value: number | undefined) => void;
}) {
  const { t } = useTranslation('fields');
  const id = useId();
  return (
    <fieldset className="qz-fields-limits">
      <legend>{t('limits')}</legend>
      <div className="qz-fields-grid">
        {keywords.map((k) => {
          const problems = problemsOf(k);
          return (
            <label key={k} htmlFor={`${id}-${k}`}>
              {t(k)}
              <input
                id={`${id}-${k}`}
                type="number"
                step={whole ? 1 : 'any'}
                min={k.endsWith('Length') ? 0 : undefined}
                value={typeof schema[k] === 'number' ? String(schema[k]) : ''}
                readOnly={readOnly}
                aria-invalid={problems.length > 0 || undefined}
                onChange={(e) => {
                  const n = e.target.value === '' ? undefined : Number(e.target.value);
                  if (n === undefined || Number.isFinite(n)) onChange(k, n);
                }}
              />
              {problems.map((p, i) => (
                <span key={i} className="error qz-small">
                  {p.message}
                </span>
              ))}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

// ---------------------------------------------------------------- adding and removing

function AddField({
  group,
  groupLabel,
  onAdd,
}: {
  group: Schema;
  groupLabel: string;
  onAdd: (key: string, field: Schema) => void;
}) {
  const { t } = useTranslation('fields');
  const id = useId();
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<FieldKind>('text');
  const [label, setLabel] = useState<Texts>({});
  const problem = keyProblem(group, key);
  const labelled = !!label.kk?.trim() && !!label.ru?.trim();
  const ready = !problem && labelled;
  return (
    <fieldset className="qz-fields-add" data-testid="add-field">
      <legend>{t('addFieldTo', { group: groupLabel })}</legend>
      <div className="qz-fields-grid">
        <label htmlFor={`${id}-key`}>
          {t('newKey')}
          <input
            id={`${id}-key`}
            name="new-field-key"
            value={key}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={(!!key && !!problem) || undefined}
            aria-describedby={key && problem ? `${id}-key-problem` : undefined}
            onChange={(e) => setKey(e.target.value.trim())}
          />
          {key && problem && (
            <span id={`${id}-key-problem`} className="error qz-small" role="status">
              {t(problem === 'taken' ? 'keyTaken' : 'keyFormat', { key })}
            </span>
          )}
        </label>
        <label htmlFor={`${id}-kind`}>
          {t('kind')}
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as FieldKind)}>
            {FIELD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LangTexts label={t('label')} name="new-field-label" value={label} onChange={setLabel} />
      <div className="qz-row">
        <button
          type="button"
          disabled={!ready}
          aria-describedby={ready ? undefined : `${id}-needs`}
          onClick={() => {
            onAdd(key, { ...schemaOfKind(kind), 'x-label': label });
            setKey('');
            setLabel({});
          }}
        >
          {t('addField')}
        </button>
        {!ready && (
          <span id={`${id}-needs`} className="qz-muted qz-small">
            {t('addNeeds')}
          </span>
        )}
      </div>
    </fieldset>
  );
}

function RemoveField({
  form,
  version,
  node,
  group,
  label,
  lang,
  onRemove,
}: {
  form: Schema;
  version: Schema;
  node: FieldNode;
  group: Schema;
  label: string;
  lang: UiLang;
  onRemove: () => void;
}) {
  const { t } = useTranslation('fields');
  const [confirming, setConfirming] = useState(false);
  const props = (isSchema(group.properties) ? group.properties : {}) as Record<string, Schema>;
  const dependents = dependentsOf(group, node.key).map((k) => textIn(props[k]?.['x-label'], lang) || k);
  const uses = useMemo(
    () => (confirming ? usesOfField({ ...version, form }, node.path) : []),
    [confirming, version, form, node.path],
  );
  if (dependents.length)
    return (
      <p className="qz-fields-hint" role="note">
        {t('removeBlocked', { fields: dependents.map((d) => `«${d}»`).join(', ') })}
      </p>
    );
  return (
    <div className="qz-fields-remove">
      {confirming ? (
        <>
          {uses.length > 0 && (
            <p className="qz-fields-hint" role="alert">
              {t('usedElsewhere', { places: uses.map(([s, n]) => (n ? `${s} «${n}»` : s)).join(', ') })}
            </p>
          )}
          <button
            type="button"
            className="danger"
            autoFocus
            onBlur={() => setConfirming(false)}
            onClick={onRemove}
            data-testid="confirm-remove-field"
          >
            {t('confirmRemove', { label })}
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)} data-testid="remove-field">
          {t('removeField')}
        </button>
      )}
    </div>
  );
}
