import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
// The engine's own format checks, imported from their modules rather than from '@qyzmet/engine': the index would pull
// the whole engine (rules, step machine, Handlebars) into the chunk an applicant's phone downloads.
import { isCadastralNumber } from '../../../engine/src/forms/cadastralNumber';
import { isValidBin, isValidIin } from '../../../engine/src/forms/identificationNumber';
import { isKzPhone } from '../../../engine/src/forms/kzPhone';
import { applicant } from '../i18n/applicant';
import { registerArea } from '../i18n';
import { api, ApiError, type FieldError } from '../shell/api';
import { go } from '../shell/router';
import { loadService, pick, ProblemView, useLang, type ServiceDetail } from '../officer/common';
import { toExtraErrors, toRjsfSchema, type ErrorTree } from './formSchema';
import './applicant.css';

registerArea('applicant', applicant);

// The formats of the definition format, checked by the engine's own functions: rjsf resolves if/then with these.
const validator = customizeValidator({
  customFormats: {
    iin: isValidIin,
    bin: isValidBin,
    'iin-or-bin': (s: string) => isValidIin(s) || isValidBin(s),
    'kz-phone': isKzPhone,
    'cadastral-number': isCadastralNumber,
  },
});

const uiSchema: UiSchema = { 'ui:submitButtonOptions': { norender: true } };

/**
 * The application form of a service, rendered from its JSON Schema by rjsf in the UI language. The server is the one
 * validator (the same engine code, messages in kk/ru/en): its 422 field errors are put next to their fields.
 */
export default function ApplyPage({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const [service, setService] = useState<ServiceDetail | null | undefined>(undefined);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadService(serviceId).then(setService);
  }, [serviceId]);

  const schema = useMemo(
    () => (service ? (toRjsfSchema(service.version.form, lang) as RJSFSchema) : null),
    [service, lang],
  );
  const { tree, unplaced } = useMemo(
    () => toExtraErrors(fieldErrors, lang, schema ?? undefined),
    [fieldErrors, lang, schema],
  );

  if (service === undefined) return <p>…</p>;
  if (service === null || !schema)
    return (
      <div className="card">
        <p className="error">{t('notInForce')}</p>
        <a href="#/apply">{t('backToServices')}</a>
      </div>
    );

  const submit = async (data: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ id: string }>('POST', '/applications', { serviceId, data });
      setFieldErrors([]);
      go('application', created.id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.errors.length > 0) setFieldErrors(e.errors);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="apply-page">
      <p>
        <a href="#/apply">{t('backToServices')}</a>
      </p>
      <h1>{pick(service.name, lang)}</h1>
      {fieldErrors.length > 0 && (
        <div className="card error" role="alert">
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
      <ProblemView error={error} />
      <div className="card apply-form">
        <Form
          schema={schema}
          uiSchema={uiSchema}
          validator={validator}
          formData={formData}
          noValidate
          noHtml5Validate
          showErrorList={false}
          // A `const` inside a conditional branch is a rule for the server to check, not an answer to fill in for the
          // applicant (e.g. "phone linked to the portal" must be true only when signing with a one-time password).
          experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
          extraErrors={tree as never as ErrorTree & Record<string, never>}
          onChange={(e, id) => {
            setFormData(e.formData as Record<string, unknown>);
            // A corrected field loses its server error at once; the others stay until the next submit.
            if (id)
              setFieldErrors((errs) => errs.filter((x) => `root_${x.pointer.split('/').slice(2).join('_')}` !== id));
          }}
          onSubmit={(e) => void submit(e.formData as Record<string, unknown>)}
        >
          <div className="submit-row">
            <button type="submit" disabled={busy}>
              {busy ? t('submitting') : t('submit')}
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}
