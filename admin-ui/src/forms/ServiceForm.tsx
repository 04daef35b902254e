import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../i18n';
import { forms } from '../i18n/forms';
import { formValidator } from './formValidator';
import { fieldId, toExtraErrors, type ErrorTree, type ServerFieldError } from './toExtraErrors';
import { toRjsfSchema } from './toRjsfSchema';
import './serviceForm.css';

registerArea('forms', forms);

/**
 * The order of the fields at every level. rjsf notices a new schema by deep equality, which ignores the order of keys:
 * a form whose fields were reordered (in the analyst's preview) is shown anew by this key.
 */
function fieldOrder(schema: unknown): string {
  const props = (schema as { properties?: unknown } | null)?.properties;
  if (!props || typeof props !== 'object') return '';
  return Object.entries(props)
    .map(([k, v]) => `${k}(${fieldOrder(v)})`)
    .join(',');
}

// The submit row is the caller's (its own words and busy state), given as children.
const uiSchema: UiSchema = { 'ui:submitButtonOptions': { norender: true } };

export interface ServiceFormProps {
  /** The version's form: JSON Schema with x-label, x-description, x-enumLabels and x-source. */
  form: unknown;
  lang: UiLang;
  /** Field errors of the last submission (pointers into the request, /data/…), shown under their fields. */
  errors: readonly ServerFieldError[];
  /** The errors left once a field is corrected: a corrected field loses its error at once, the others stay. */
  onErrorsChange: (errors: ServerFieldError[]) => void;
  onSubmit: (data: Record<string, unknown>) => void;
  /** The submit row, inside the form. */
  children?: ReactNode;
  /** The data the form starts with (a scenario's); empty by default. */
  formData?: Record<string, unknown>;
  /** Every change of the data as it is typed (the scenario editor writes it back). */
  onChange?: (data: Record<string, unknown>) => void;
}

/**
 * A service's application form, rendered from the version's JSON Schema by rjsf in one language (kk, ru or en): labels
 * and choices as the definition names them, the fields the provider fetches left out, the errors of the engine's
 * validation under their fields. The applicant's page and the analyst's preview both render this one component, so
 * what an analyst checks in the workbench is what an applicant gets.
 */
export function ServiceForm({
  form,
  lang,
  errors,
  onErrorsChange,
  onSubmit,
  children,
  formData: initialData,
  onChange,
}: ServiceFormProps) {
  const { t } = useTranslation('forms', { lng: lang });
  const [formData, setFormData] = useState<Record<string, unknown>>(() => initialData ?? {});
  const schema = useMemo(() => toRjsfSchema(form, lang) as RJSFSchema, [form, lang]);
  const { tree, unplaced } = useMemo(() => toExtraErrors([...errors], lang, schema), [errors, lang, schema]);
  return (
    <div className="service-form" lang={lang}>
      {errors.length > 0 && (
        <div className="error form-errors" role="alert">
          <p>{t('fixErrors')}</p>
          {unplaced.length > 0 && (
            <>
              {t('otherErrors')}
              <ul>
                {unplaced.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <Form
        key={fieldOrder(schema)}
        schema={schema}
        uiSchema={uiSchema}
        validator={formValidator}
        formData={formData}
        // The server is the one validator (the same engine code, messages in kk/ru/en).
        noValidate
        noHtml5Validate
        showErrorList={false}
        // A `const` inside a conditional branch is a rule for the server to check, not an answer to fill in for the
        // applicant (e.g. "phone linked to the portal" must be true only when signing with a one-time password).
        experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
        extraErrors={tree as never as ErrorTree & Record<string, never>}
        onChange={(e, id) => {
          setFormData(e.formData as Record<string, unknown>);
          onChange?.(e.formData as Record<string, unknown>);
          if (id && errors.some((x) => fieldId(x.pointer) === id))
            onErrorsChange(errors.filter((x) => fieldId(x.pointer) !== id));
        }}
        onSubmit={(e) => onSubmit(e.formData as Record<string, unknown>)}
      >
        {children}
      </Form>
    </div>
  );
}
