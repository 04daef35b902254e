import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../i18n';
import { forms } from '../i18n/forms';
import { DecimalField } from './DecimalField';
import { formValidator } from './formValidator';
import { fieldId, inFormOrder, toExtraErrors, type ErrorTree, type ServerFieldError } from './toExtraErrors';
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
// Numbers are typed as text and read with either separator (DecimalField), never by a locale `number` input.
const fields = { NumberField: DecimalField };

/** The element an error's link focuses: the field itself, else the first control inside it (an object, a group). */
function fieldElement(root: HTMLElement | null, id: string): HTMLElement | null {
  if (!root) return null;
  const own = root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
  if (own && own.matches('input, select, textarea, button')) return own;
  return root.querySelector<HTMLElement>(
    `[id^="${CSS.escape(id)}_"]:is(input, select, textarea), [id="${CSS.escape(id)}"] :is(input, select, textarea)`,
  );
}

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
  const box = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  // After a submission that failed, the error summary takes the focus (a screen reader reads it, a phone scrolls to
  // it); a corrected field only removing its own error leaves the focus where the applicant is typing.
  const seen = useRef<Set<string>>(new Set());
  useEffect(() => {
    const now = new Set(errors.map((e) => e.pointer));
    // A new answer to a submission: an error not seen before, or the same errors again (a correction only removes).
    const fresh = [...now].some((p) => !seen.current.has(p)) || (now.size > 0 && now.size === seen.current.size);
    if (fresh) summary.current?.focus();
    seen.current = now;
  }, [errors]);
  // Each field with an error says so to assistive technology (its message is already in its aria-describedby).
  useEffect(() => {
    const ids = new Set(errors.map((e) => fieldId(e.pointer)));
    box.current?.querySelectorAll<HTMLInputElement>('input, select, textarea').forEach((el) => {
      if (ids.has(el.id) || [...ids].some((id) => el.id.startsWith(`${id}_`))) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    });
  });
  return (
    <div className="service-form" lang={lang} ref={box}>
      {errors.length > 0 && (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={summary}
          aria-labelledby="error-summary-title"
          data-testid="error-summary"
        >
          <h2 id="error-summary-title">{t('problemTitle')}</h2>
          <p>{t('fixErrors')}</p>
          <ul>
            {inFormOrder(errors, schema).map((e, i) => {
              const id = fieldId(e.pointer);
              const text = e.messages?.[lang] ?? e.message;
              // An error on a field the form does not show (the provider's data) has nothing to link to.
              if (unplaced.includes(text)) return <li key={i}>{text}</li>;
              return (
                <li key={i}>
                  <a
                    href={`#${id}`}
                    data-field={id}
                    onClick={(ev) => {
                      // The page's address is its route (#/apply/…): the link focuses the field instead of navigating.
                      ev.preventDefault();
                      const el = fieldElement(box.current, id);
                      if (el) {
                        el.focus();
                        el.scrollIntoView({ block: 'center' });
                      }
                    }}
                  >
                    {text}
                  </a>
                </li>
              );
            })}
          </ul>
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
        fields={fields}
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
