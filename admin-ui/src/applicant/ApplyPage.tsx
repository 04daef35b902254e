import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceForm } from '../forms/ServiceForm';
import { identityPrefill } from '../forms/identityPrefill';
import type { ServerFieldError } from '../forms/toExtraErrors';
import { api, ApiError, session, type Schemas } from '../shell/api';
import { go } from '../shell/router';
import { loadService, pick, ProblemView, useLang, type ServiceDetail } from '../officer/common';
import './applicantCommon';
import './applicant.css';

/**
 * The application form of the service's version in force, submitted to the runtime. The server is the one validator
 * (the same engine code, messages in kk/ru/en): a refused submission shows the error summary at the top, each error
 * linked to its field, and the message under the field.
 *
 * Identity fields (x-identity) are prefilled from the signed-in user's identity and stay editable: the same field
 * holds a legal entity's name or BIN when one applies for an organisation, and the server checks every value anyway;
 * a hint says where the values came from.
 */
export default function ApplyPage({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const [service, setService] = useState<ServiceDetail | null | undefined>(undefined);
  const [prefill, setPrefill] = useState<Record<string, unknown> | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ServerFieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void loadService(serviceId).then((s) => {
      if (!live) return;
      setService(s);
      // The signed-in user as the shell read it from /auth/me (C5), with their identity.
      setPrefill(s ? identityPrefill(s.version.form, session.user()?.identity) : {});
    });
    return () => {
      live = false;
    };
  }, [serviceId]);

  if (service === undefined || prefill === null) return <p>…</p>;
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
      const created = await api<Schemas['ApplicationReceipt']>('POST', '/applications', { serviceId, data });
      setFieldErrors([]);
      go('my', created.id, 'done');
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
        <a href={`#/apply/${encodeURIComponent(serviceId)}`}>{t('backToStart')}</a>
      </p>
      <h1>{pick(service.name, lang)}</h1>
      <ProblemView error={error} />
      {Object.keys(prefill).length > 0 && <p className="muted identity-hint">{t('identityHint')}</p>}
      <div className="card apply-form">
        <ServiceForm
          form={service.version.form}
          lang={lang}
          errors={fieldErrors}
          onErrorsChange={setFieldErrors}
          onSubmit={(data) => void submit(data)}
          formData={prefill}
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
