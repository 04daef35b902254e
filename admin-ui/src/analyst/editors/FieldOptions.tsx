import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../model';
import {
  addOption,
  isSchema,
  moveOption,
  optionProblem,
  optionsOf,
  removeOption,
  renameOption,
  type Schema,
} from './fieldsModel';
import { within, withLabelCheck } from './fieldsUi';
import { LangTexts, type Texts } from './LangTexts';
import { escapeToken } from './pointer';

/** The options of a choice: values in latin with their labels in kk / ru / en, added, renamed, moved and removed. */
export function OptionsEditor({
  field,
  readOnly,
  problems,
  pointer,
  inUse,
  onChange,
}: {
  field: Schema;
  readOnly: boolean;
  problems: readonly EditorProblem[];
  pointer: string;
  /** Values that a condition of the group tests, with the (labels of the) fields it makes required. */
  inUse: Record<string, string[]>;
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
                readOnly={readOnly || !!inUse[v]}
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
                    disabled={!!inUse[v]}
                    aria-label={t('removeOption', { value: v })}
                    title={t('removeOption', { value: v })}
                    onClick={() => onChange(removeOption(field, v))}
                  >
                    ✕
                  </button>
                </>
              )}
            </div>
            {inUse[v] && !readOnly && (
              <p className="qz-muted qz-small">
                {t('optionInUse', { fields: inUse[v].map((f) => `«${f}»`).join(', ') })}
              </p>
            )}
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
