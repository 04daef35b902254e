import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea } from '../../i18n';
import { editorsCommon } from '../../i18n/editors/common';
import type { EditorProblem } from '../model';

registerArea('editors', editorsCommon);

export type Texts = { kk?: string; ru?: string; en?: string } & Record<string, unknown>;
const LANGS = ['kk', 'ru', 'en'] as const;
const LABEL = { kk: 'langKk', ru: 'langRu', en: 'langEn' } as const;

/**
 * One text in Kazakh, Russian and English side by side, with the parity of the two state languages shown: a text in
 * one of them and not the other is marked (documents are issued in both). Other keys of the object (`ruStatus`…) are
 * kept as they are. An empty English text is left out.
 */
export function LangTexts({
  label,
  value,
  onChange,
  readOnly,
  multiline,
  problems = [],
  name,
}: {
  label: string;
  value: Texts | undefined;
  onChange: (next: Texts) => void;
  readOnly?: boolean;
  multiline?: boolean;
  problems?: readonly EditorProblem[];
  /** The inputs' name prefix (`<name>.kk`…), for tests and autofill. */
  name?: string;
}) {
  const { t } = useTranslation('editors');
  const id = useId();
  const v = value ?? {};
  const missing = (['kk', 'ru'] as const).filter((l) => !String(v[l] ?? '').trim());
  const parity = missing.length === 1 ? 'missing' : missing.length === 0 ? 'ok' : 'empty';
  const set = (lang: (typeof LANGS)[number], text: string) => {
    const next: Texts = { ...v, [lang]: text };
    if (lang === 'en' && !text) delete next.en;
    onChange(next);
  };
  const invalid = problems.length > 0;
  return (
    <fieldset className="qz-langtexts" data-parity={parity} aria-invalid={invalid || undefined}>
      <legend>
        {label}{' '}
        {parity === 'missing' && (
          <span className="qz-parity qz-parity-missing" role="status" data-testid="parity">
            ⚠ {t('parityMissing', { missing: missing.map((l) => t(LABEL[l])).join(', ') })}
          </span>
        )}
        {parity === 'ok' && (
          <span className="qz-parity qz-parity-ok" title={t('parityOk')} aria-label={t('parityOk')}>
            ✓
          </span>
        )}
      </legend>
      <div className="qz-langtexts-row">
        {LANGS.map((l) => {
          const props = {
            id: `${id}-${l}`,
            name: name ? `${name}.${l}` : undefined,
            value: String(v[l] ?? ''),
            readOnly,
            'aria-invalid':
              (invalid && l !== 'en') || (parity === 'missing' && missing.includes(l as 'kk')) || undefined,
            onChange: (e: { target: { value: string } }) => set(l, e.target.value),
          };
          return (
            <label key={l} htmlFor={`${id}-${l}`}>
              <span>
                {t(LABEL[l])}
                {l === 'en' && <span className="qz-muted"> ({t('optional')})</span>}
              </span>
              {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
            </label>
          );
        })}
      </div>
      {problems.map((p, i) => (
        <p key={i} className="error qz-small">
          {p.message}
        </p>
      ))}
    </fieldset>
  );
}
