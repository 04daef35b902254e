import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { documentUrl } from '../shell/api';
import { loadService, mainDeadline, pick, useLang, type ServiceDetail } from '../officer/common';
import type { ApplicantApplication } from './applicantCommon';
// Here, not in applicantCommon: the calendar module brings luxon (~21 kB), which the catalogue and the form never use.
import { KAZAKHSTAN_TIME_ZONE, localDateTimeOf } from '../../../engine/src/calendar/localTime';

/**
 * An instant in words in the UI language ("2026 жылғы 4 наурыз, 18:30"), on the provider's clock (Asia/Almaty, with
 * the offset of that date). The month names are the applicant texts': browsers' locale data lack Kazakh ones.
 */
export function dateWords(iso: string | null | undefined, t: TFunction): string {
  if (!iso) return '—';
  const d = localDateTimeOf(Date.parse(iso), KAZAKHSTAN_TIME_ZONE);
  const time = `${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')}`;
  return t('dateTime', { year: d.year, day: d.day, month: t(`month${d.month}`), time });
}

/** The service of an application as it was when registered (its name, its states' names). */
export function useServiceOf(app: Pick<ApplicantApplication, 'serviceId' | 'registeredAt' | 'arrivedAt'> | null) {
  const [service, setService] = useState<ServiceDetail | null>(null);
  const serviceId = app?.serviceId;
  const at = app ? (app.registeredAt ?? app.arrivedAt) : undefined;
  useEffect(() => {
    if (!serviceId) return;
    let live = true;
    void loadService(serviceId, at).then(async (s) => {
      // A version no longer in force at that instant (or a service renamed): the current one still names it.
      const found = s ?? (await loadService(serviceId));
      if (live) setService(found);
    });
    return () => {
      live = false;
    };
  }, [serviceId, at]);
  return service;
}

/** The name of the application's current state (the step it is at), in the UI language. */
export function stateName(service: ServiceDetail | null, state: string, lang: string): string {
  const s = service?.version.machine.states[state];
  return s ? pick(s.name, lang) : '';
}

/** When it arrived, was registered and is due, in words; `compact` (a list): when it arrived and is due. */
export function WhenFacts({ app, compact = false }: { app: ApplicantApplication; compact?: boolean }) {
  const { t } = useTranslation('applicant');
  const due = mainDeadline(app)?.dueAt ?? null;
  const arrived = app.registration?.arrivedAt ?? app.arrivedAt;
  const registered = app.registration?.registeredAt ?? app.registeredAt;
  return (
    <dl className="facts">
      <div data-field="arrivedAt">
        <dt>{t('arrived')}</dt>
        <dd>
          <time dateTime={arrived}>{dateWords(arrived, t)}</time>
        </dd>
      </div>
      {!compact && (
        <div data-field="registeredAt">
          <dt>{t('registered')}</dt>
          <dd>{registered ? <time dateTime={registered}>{dateWords(registered, t)}</time> : '—'}</dd>
        </div>
      )}
      <div data-field="dueAt">
        <dt>{t('due')}</dt>
        <dd>{due ? <time dateTime={due}>{dateWords(due, t)}</time> : '—'}</dd>
      </div>
    </dl>
  );
}

/** The documents the application was issued, each opened in a new tab (HTML in the UI's law language). */
export function DocumentLinks({ app }: { app: ApplicantApplication }) {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  if (app.documents.length === 0) return <p className="muted">{t('noDocuments')}</p>;
  return (
    <ul className="documents">
      {app.documents.map((d) => (
        <li key={`${d.id}@${d.issuedAt}`}>
          <button
            type="button"
            className="link"
            onClick={() => {
              // Opened before the request so that the browser does not take it for a pop-up.
              const tab = window.open('', '_blank');
              void documentUrl(app.id, d.id, lang === 'kk' ? 'kk' : 'ru', false).then(
                (url) => {
                  if (tab) tab.location.href = url;
                },
                () => tab?.close(),
              );
            }}
          >
            {d.title}
          </button>{' '}
          {d.number && <span className="muted">№ {d.number}</span>}
        </li>
      ))}
    </ul>
  );
}
