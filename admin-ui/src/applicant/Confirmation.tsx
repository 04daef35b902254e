import { useTranslation } from 'react-i18next';
import { pick, ProblemView, useLang } from '../officer/common';
import { useApplicationPoll } from './applicantCommon';
import { useServiceOf, WhenFacts } from './ApplicationFacts';
import { usePageDetail } from '../shell/pageTitle';
import './applicant.css';

/**
 * The page after a successful submission (GOV.UK's confirmation page): the application's number, large; when it
 * arrived, was registered and is due, in words; why registration is later than arrival when it is (C6
 * registration.reason); what happens next (C6 nextStep); the way to follow its status.
 */
export default function Confirmation({ id }: { id: string }) {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const { app, error } = useApplicationPoll(id);
  const service = useServiceOf(app);
  usePageDetail(app ? `${app.number ?? t('numberPending')} · ${t('confirmationTitle')}` : null);
  if (!app) return error ? <ProblemView error={error} /> : <p>…</p>;
  const moved = app.registration?.moved ?? false;
  return (
    <div className="confirmation-page">
      <div className="confirmation-panel" data-testid="confirmation">
        <h1>{t('confirmationTitle')}</h1>
        <p className="confirmation-label">{t('yourNumber')}</p>
        <p className="confirmation-number" data-field="number">
          {app.number ?? t('numberPending')}
        </p>
      </div>
      {service && <p className="confirmation-service">{pick(service.name, lang)}</p>}
      <p>{t('keepNumber')}</p>
      <WhenFacts app={app} />
      {moved && (
        <section aria-labelledby="moved-title" className="card moved" data-field="moved">
          <h2 id="moved-title">{t('whyMoved')}</h2>
          <p>{app.registration?.reason ? pick(app.registration.reason, lang) : t('movedPlain')}</p>
        </section>
      )}
      {app.nextStep && (
        <section aria-labelledby="next-title" data-field="nextStep">
          <h2 id="next-title">{t('whatNext')}</h2>
          <p>{pick(app.nextStep, lang)}</p>
        </section>
      )}
      <p>
        <a className="button" href={`#/my/${encodeURIComponent(id)}`} data-testid="track-status">
          {t('trackStatus')} →
        </a>
      </p>
      <p>
        <a href="#/my?notifications" data-testid="notify-link">
          {t('notifyLink')}
        </a>
      </p>
      <p>
        <a href="#/apply">{t('backToServices')}</a>
      </p>
    </div>
  );
}
