import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceForm } from '../forms/ServiceForm';
import type { ServerFieldError } from '../forms/toExtraErrors';
import { applicant } from '../i18n/applicant';
import { registerArea } from '../i18n';
import { api, ApiError, type Schemas } from '../shell/api';
import { go } from '../shell/router';
import { loadService, pick, ProblemView, useLang, type ServiceDetail } from '../officer/common';
import './applicant.css';

registerArea('applicant', applicant);

/**
 * The application form of the service's version in force, submitted to the runtime. The server is the one validator
 * (the same engine code, messages in kk/ru/en): its 422 field errors are put next to their fields.
 */
export default function ApplyPage({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const [service, setService] = useState<ServiceDetail | null | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<ServerFieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadService(serviceId).then(setService);
  }, [serviceId]);

  if (service === undefined) return <p>…</p>;
  if (service === null)
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
      const created = await api<Schemas['Application']>('POST', '/applications', { serviceId, data });
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
      <ProblemView error={error} />
      <div className="card apply-form">
        <ServiceForm
          form={service.version.form}
          lang={lang}
          errors={fieldErrors}
          onErrorsChange={setFieldErrors}
          onSubmit={(data) => void submit(data)}
        >
          <div className="submit-row">
            <button type="submit" disabled={busy}>
              {busy ? t('submitting') : t('submit')}
            </button>
          </div>
        </ServiceForm>
      </div>
    </div>
  );
}
