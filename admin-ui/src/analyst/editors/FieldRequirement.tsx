import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../../i18n';
import { conditionFields, isSchema, requirementOf, type Requirement, type Schema } from './fieldsModel';
import { textIn } from './fieldsUi';

/** Whether a field is required: always, when a field of its group has a value (the format's if/then), or never. */
export function RequirementEditor({
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
