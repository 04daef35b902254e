import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shell/api';
import { pick, ProblemView, StatusBadge, useLang } from '../officer/common';
import { useApplicationPoll } from './applicantCommon';
import { DocumentLinks, stateName, useServiceOf, WhenFacts } from './ApplicationFacts';
import { usePageDetail } from '../shell/pageTitle';
import { YourStep } from './YourStep';
import './applicant.css';

/**
 * An application's status for its applicant: read again every 5 seconds while the page is visible (no reload), and
 * a change of status or step announced in a polite live region. The step's name, what happens next, the due date and
 * the documents issued so far; the refusal's grounds in words when refused. A step that waits for the applicant
 * (agreeing to extend the term, an objection, signing the works act) is a card at the top with its form (YourStep):
 * sent, it is confirmed in words and the application read again at once.
 */
export default function ApplicationStatus({ id }: { id: string }) {
  const { t } = useTranslation('applicant');
  const { t: ts } = useTranslation('officer');
  const lang = useLang();
  const { app, error, changed, reload } = useApplicationPoll(id);
  const service = useServiceOf(app);
  const [announcement, setAnnouncement] = useState('');
  // What the applicant just sent, said in words until the page is left.
  const [sent, setSent] = useState<string | null>(null);
  usePageDetail(app ? `${app.number ?? t('numberPending')} · ${t('statusTitle')}` : null);
  const state = app ? stateName(service, app.state, lang) : '';
  useEffect(() => {
    if (changed > 0 && app)
      setAnnouncement(
        t('statusChanged', { status: ts(`status.${app.status}`, { defaultValue: '' }), state: state || '—' }),
      );
    // Announced once per change, in the language of the moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changed]);
  // A server that cannot be reached is said apart from one that refuses; either way the page keeps trying.
  const unreachable = !!error && !(error instanceof ApiError);
  if (!app) return error ? <ProblemView error={error} /> : <p>…</p>;
  return (
    <div className="status-page">
      <p>
        <a href="#/my">← {t('myTitle')}</a>
      </p>
      <h1>{t('statusTitle')}</h1>
      <p className="status-number" data-field="number">
        {app.number}
      </p>
      {service && <p>{pick(service.name, lang)}</p>}
      {sent && (
        <p className="ok" role="status" data-your-step-sent>
          {t('yourStepSent', { event: sent })}
        </p>
      )}
      <YourStep
        app={app}
        service={service}
        lang={lang}
        onSent={(name) => {
          setSent(name);
          reload();
        }}
      />
      <div className="card status-card" data-status={app.status} data-state={app.state}>
        <p className="status-line">
          <span className="status-label">{t('status')}:</span> <StatusBadge status={app.status} />
        </p>
        {state && (
          <p data-field="stateName">
            <span className="status-label">{t('stateName')}:</span> {state}
          </p>
        )}
        {app.nextStep && (
          <p data-field="nextStep">
            <span className="status-label">{t('nextStep')}:</span> {pick(app.nextStep, lang)}
          </p>
        )}
      </div>
      <p className="live-status" role="status" aria-live="polite" data-testid="status-announcement">
        {announcement}
      </p>
      {unreachable && <p className="error">{t('unreachable')}</p>}
      {error instanceof ApiError && <ProblemView error={error} />}
      <WhenFacts app={app} />
      {app.refusal && app.refusal.grounds.length > 0 && (
        <section aria-labelledby="refusal-title">
          <h2 id="refusal-title">{t('refusal')}</h2>
          <ul className="grounds">
            {app.refusal.grounds.map((g) => (
              <li key={g.id}>
                <p>{g.message}</p>
                {g.citation && <p className="muted">{g.citation}</p>}
                {g.fact && <p>{g.fact}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('documents')}</h2>
        <DocumentLinks app={app} />
      </section>
      <p className="muted">{t('autoRefresh')}</p>
    </div>
  );
}
