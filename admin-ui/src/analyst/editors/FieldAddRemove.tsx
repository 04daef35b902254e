import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../../i18n';
import {
  dependentsOf,
  FIELD_KINDS,
  isSchema,
  keyProblem,
  schemaOfKind,
  usesOfField,
  type FieldKind,
  type FieldNode,
  type Schema,
} from './fieldsModel';
import { textIn } from './fieldsUi';
import { LangTexts, type Texts } from './LangTexts';

/** A new field at the end of a group: its key checked as typed (latin camelCase, unique), its label in kk and ru. */
export function AddField({
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

/**
 * Removes a field after a second click, naming the other parts of the version that mention it; a field that decides
 * whether others are required stays until their requirement is changed.
 */
export function RemoveField({
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
