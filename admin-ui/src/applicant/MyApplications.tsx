import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../shell/api';
import { loadServices, pick, ProblemView, StatusBadge, useLang, type ServiceSummary } from '../officer/common';
import { type ApplicantApplication } from './applicantCommon';
import { DocumentLinks, WhenFacts } from './ApplicationFacts';
import { newestFirst } from './Catalogue';
import NotificationSettings from './NotificationSettings';
import './applicant.css';

/** "My applications": newest first by arrival, each with its number, status in words, next step and documents. */
export default function MyApplications() {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const [services, setServices] = useState<ServiceSummary[]>([]);
  const [mine, setMine] = useState<ApplicantApplication[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadServices().then(setServices, setError);
  }, []);
  useEffect(() => {
    api<Schemas['ApplicationList']>('GET', '/applications?limit=100').then((r) => setMine(r.items), setError);
  }, [lang]);
  const names = useMemo(() => Object.fromEntries(services.map((s) => [s.id, pick(s.name, lang)])), [services, lang]);
  const sorted = newestFirst(mine ?? []);
  return (
    <div className="my-applications-page">
      <p>
        <a href="#/apply">{t('backToServices')}</a>
      </p>
      <h1>{t('myTitle')}</h1>
      <ProblemView error={error} />
      <NotificationSettings />
      {mine && sorted.length === 0 && <p className="muted">{t('noApplications')}</p>}
      <ol className="my-applications">
        {sorted.map((a) => (
          <li key={a.id} className="card my-application" data-id={a.id}>
            <h2>
              <a href={`#/my/${encodeURIComponent(a.id)}`}>{a.number ?? names[a.serviceId]}</a>
            </h2>
            <p className="muted">{names[a.serviceId]}</p>
            <p>
              <span className="status-label">{t('status')}:</span> <StatusBadge status={a.status} />
            </p>
            {a.nextStep && (
              <p data-field="nextStep">
                <span className="status-label">{t('nextStep')}:</span> {pick(a.nextStep, lang)}
              </p>
            )}
            <WhenFacts app={a} compact />
            {a.documents.length > 0 && <DocumentLinks app={a} />}
          </li>
        ))}
      </ol>
    </div>
  );
}
