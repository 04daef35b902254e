import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicant } from '../i18n/applicant';
import { registerArea } from '../i18n';
import { api, type Schemas } from '../shell/api';
import { KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import {
  loadServices,
  mainDeadline,
  pick,
  ProblemView,
  StatusBadge,
  urgency,
  useLang,
  type ApplicationSummary,
  type ServiceSummary,
} from '../officer/common';
import './applicant.css';

registerArea('applicant', applicant);

/** The applicant's start page: the services in force as cards, and their own applications with status and due date. */
export default function ApplicantHome() {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const [services, setServices] = useState<ServiceSummary[] | null>(null);
  const [mine, setMine] = useState<ApplicationSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadServices().then(setServices, setError);
  }, []);
  useEffect(() => {
    api<Schemas['ApplicationList']>('GET', '/applications?limit=100').then((r) => setMine(r.items), setError);
  }, [lang]);
  const names = useMemo(
    () => Object.fromEntries((services ?? []).map((s) => [s.id, pick(s.name, lang)])),
    [services, lang],
  );
  // Newest first: the API sorts an inbox by due instant, an applicant looks for what they just sent.
  const sorted = useMemo(
    () =>
      [...(mine ?? [])].sort(
        (a, b) => Date.parse(b.registeredAt ?? b.arrivedAt) - Date.parse(a.registeredAt ?? a.arrivedAt),
      ),
    [mine],
  );

  return (
    <div className="applicant-home">
      <ProblemView error={error} />
      <section aria-labelledby="my-title">
        <h1 id="my-title">{t('myTitle')}</h1>
        {mine && sorted.length === 0 && <p className="muted">{t('noApplications')}</p>}
        {sorted.length > 0 && (
          <div className="card">
            <table className="responsive my-applications">
              <thead>
                <tr>
                  <th>{t('service')}</th>
                  <th>{t('registered')}</th>
                  <th>{t('due')}</th>
                  <th>{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((a) => (
                  <tr key={a.id} className={urgency(a)} data-id={a.id}>
                    <td data-label={t('service')}>
                      <a href={`#/application/${encodeURIComponent(a.id)}`}>{names[a.serviceId] ?? a.serviceId}</a>
                    </td>
                    <td data-label={t('registered')}>
                      {a.registeredAt ? toDottedDateTime(a.registeredAt, KAZAKHSTAN_TIME_ZONE) : '—'}
                    </td>
                    <td data-label={t('due')}>
                      {mainDeadline(a)?.dueAt ? toDottedDateTime(mainDeadline(a)!.dueAt!, KAZAKHSTAN_TIME_ZONE) : '—'}
                    </td>
                    <td data-label={t('status')}>
                      <StatusBadge status={a.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="services-title">
        <h1 id="services-title">{t('servicesTitle')}</h1>
        <p className="muted">{t('servicesHint')}</p>
        <div className="service-cards">
          {(services ?? [])
            .filter((s) => s.versionInForce)
            .map((s) => (
              <a
                key={s.id}
                className="card service-card"
                href={`#/apply/${encodeURIComponent(s.id)}`}
                data-service={s.id}
              >
                <span className="service-name">{pick(s.name, lang)}</span>
                <span className="service-go">{t('applyFor')} →</span>
              </a>
            ))}
        </div>
      </section>
    </div>
  );
}
