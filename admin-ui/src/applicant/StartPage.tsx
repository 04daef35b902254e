import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadService, loadServices, pick, useLang, type ServiceDetail } from '../officer/common';
import { feeWords, termWords, type ServiceCard } from './applicantCommon';
import { usePageDetail } from '../shell/pageTitle';
import './applicant.css';

type Schema = { [k: string]: unknown };
interface Need {
  label: string;
  document: boolean;
  parts: string[];
}

/** Fields the provider fetches or an officer records: not what the applicant brings. */
const notTheApplicants = (s: Schema) => s['x-source'] === 'gateway' || s['x-source'] === 'officer';

/**
 * What the application form asks, in its own labels: each part of the form (the applicant, the object, the documents…)
 * with the fields inside it. Documents (`x-document`) are marked, as what one has to have at hand.
 */
export function formNeeds(form: unknown, lang: string): Need[] {
  const props = ((form ?? {}) as Schema).properties as Record<string, Schema> | undefined;
  return Object.values(props ?? {})
    .filter((f) => f && !notTheApplicants(f) && f['x-label'])
    .map((f) => ({
      label: pick(f['x-label'] as Record<string, string>, lang),
      document: f['x-document'] === true,
      parts: Object.values((f.properties as Record<string, Schema> | undefined) ?? {})
        .filter((p) => p && !notTheApplicants(p) && p['x-label'])
        .map((p) => pick(p['x-label'] as Record<string, string>, lang)),
    }));
}

/**
 * A service's start page (GOV.UK's pattern): what the form asks for, how long it takes, what it costs, who provides it
 * and the law it rests on, then one button to the form. No internal identifier of the definition is shown.
 */
export default function StartPage({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const [service, setService] = useState<ServiceDetail | null | undefined>(undefined);
  const [card, setCard] = useState<ServiceCard | null>(null);
  useEffect(() => {
    void loadService(serviceId).then(setService);
    loadServices().then(
      (all) => setCard(all.find((s) => s.id === serviceId) ?? null),
      () => setCard(null),
    );
  }, [serviceId]);
  usePageDetail(service ? pick(service.name, lang) : null);

  if (service === undefined) return <p>…</p>;
  if (service === null)
    return (
      <div className="card">
        <p className="error">{t('notInForce')}</p>
        <a href="#/apply">{t('backToServices')}</a>
      </div>
    );
  // Citations are written in kk and ru (the law's languages); an English reader gets the Russian.
  const lawLang = lang === 'kk' ? 'kk' : 'ru';
  const needs = formNeeds(service.version.form, lang);
  return (
    <div className="start-page">
      <p>
        <a href="#/apply">{t('backToServices')}</a>
      </p>
      <h1>{pick(service.name, lang)}</h1>
      <p className="muted">
        {t('provider')}: {service.providers.map((p) => pick(p.name, lang)).join('; ')}
      </p>
      <section aria-labelledby="long-title">
        <h2 id="long-title">{t('howLong')}</h2>
        <p data-fact="term">{card ? termWords(card.term, t) : '…'}</p>
        {card?.term?.citation && (
          <p className="muted" lang={lawLang}>
            {t('howLongCited', { citation: card.term.citation[lawLang] })}
          </p>
        )}
        <h2>{t('fee')}</h2>
        <p data-fact="fee">{feeWords(service.fee, lang, t)}</p>
        {/* The definition's own words on the fee (what is paid, when, by which act), unless it only says "free". */}
        {service.fee?.paid !== false && typeof service.fee?.text === 'object' && (
          <p className="muted">{pick(service.fee.text as Record<string, string>, lang)}</p>
        )}
      </section>
      <section aria-labelledby="need-title">
        <h2 id="need-title">{t('whatYouNeed')}</h2>
        <p>{t('whatYouNeedHint')}</p>
        <ul className="needs">
          {needs.map((n, i) => (
            <li key={i} className={n.document ? 'need-document' : undefined}>
              <strong>{n.label}</strong>
              {n.parts.length > 0 && (
                <ul>
                  {n.parts.map((p, j) => (
                    <li key={j}>{p}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <a className="button start-button" href={`#/apply/${encodeURIComponent(serviceId)}/form`}>
          {t('start')} →
        </a>
      </p>
      {service.legalBasis.length > 0 && (
        <section aria-labelledby="basis-title">
          <h2 id="basis-title">{t('legalBasis')}</h2>
          <ul className="legal-basis" lang={lawLang}>
            {service.legalBasis.map((b, i) => (
              <li key={i}>{b.citation[lawLang]}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
