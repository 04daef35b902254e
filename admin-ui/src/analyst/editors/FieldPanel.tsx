import type { LegalRef } from '@qyzmet/engine';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../model';
import { legalRefText } from '../Previews';
import { AddField, RemoveField } from './FieldAddRemove';
import { OptionsEditor } from './FieldOptions';
import { RequirementEditor } from './FieldRequirement';
import {
  addField,
  changeKind,
  editField,
  editGroup,
  FIELD_KINDS,
  FIELD_SOURCES,
  fieldAt,
  formTree,
  isSchema,
  LENGTH_LIMITS,
  moveField,
  NUMBER_LIMITS,
  removeField,
  setRequirement,
  TEXT_FORMATS,
  testedValues,
  withKeyword,
  type FieldKind,
  type FieldNode,
  type Schema,
} from './fieldsModel';
import { labelOf, textIn, within, withLabelCheck } from './fieldsUi';
import { LangTexts, type Texts } from './LangTexts';
import { problemsAt } from './pointer';
import type { EditorContext } from './types';

/** The panel of the field picked in the fields editor: every property an analyst can express, in forms. */
export function FieldPanel({
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
          // A value a condition tests stays as it is: renamed or removed, the condition would test nothing.
          inUse={Object.fromEntries(
            Object.entries(testedValues(group, node.key)).map(([v, keys]) => [
              v,
              keys.map((k) => textIn((group.properties as Record<string, Schema>)[k]?.['x-label'], ctx.lang) || k),
            ]),
          )}
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
