import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../shell/api';
import { loadServices, pick, ProblemView, StatusBadge, useLang } from '../officer/common';
import { feeWords, termWords, type ApplicantApplication, type ServiceCard } from './applicantCommon';
import './applicant.css';

/** Newest first by arrival: an applicant looks for what they just sent. */
export function newestFirst<T extends { arrivedAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.arrivedAt) - Date.parse(a.arrivedAt));
}

/**
 * The applicant's first page: the services in force, searchable by name, grouped by provider, each with its term and
 * fee. The applicant's own applications are a short strip under the catalogue and a page of their own (#/my), never
 * in the way of finding a service on a phone.
 */
export default function Catalogue() {
  const { t } = useTranslation('applicant');
  const lang = useLang();
  const searchId = useId();
  const [services, setServices] = useState<ServiceCard[] | null>(null);
  const [mine, setMine] = useState<ApplicantApplication[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadServices().then(setServices, setError);
  }, []);
  useEffect(() => {
    api<Schemas['ApplicationList']>('GET', '/applications?limit=100').then((r) => setMine(r.items), setError);
  }, [lang]);

  const groups = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const inForce = (services ?? []).filter((s) => s.versionInForce);
    const matching = inForce.filter(
      (s) =>
        !q ||
        [pick(s.name, lang), pick(s.name, 'ru'), pick(s.name, 'kk'), ...s.providers.map((p) => pick(p.name, lang))]
          .join(' ')
          .toLocaleLowerCase()
          .includes(q),
    );
    const byProvider = new Map<string, ServiceCard[]>();
    for (const s of matching) {
      const provider = s.providers[0] ? pick(s.providers[0].name, lang) : '';
      byProvider.set(provider, [...(byProvider.get(provider) ?? []), s]);
    }
    return { count: matching.length, list: [...byProvider.entries()] };
  }, [services, query, lang]);
  const names = useMemo(
    () => Object.fromEntries((services ?? []).map((s) => [s.id, pick(s.name, lang)])),
    [services, lang],
  );
  const latest = newestFirst(mine ?? []).slice(0, 3);

  return (
    <div className="applicant-home">
      <ProblemView error={error} />
      <section aria-labelledby="services-title" className="catalogue">
        <h1 id="services-title">{t('servicesTitle')}</h1>
        <p className="muted">{t('servicesHint')}</p>
        <div className="catalogue-search">
          <label htmlFor={searchId}>{t('search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder={t('searchPlaceholder')}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <p role="status" className="muted catalogue-count">
          {services && (groups.count > 0 ? t('found', { count: groups.count }) : t('noMatch'))}
        </p>
        {groups.list.map(([provider, list]) => (
          <section key={provider} className="provider-group" aria-label={provider}>
            <h2 className="provider-name">{provider}</h2>
            <ul className="service-cards">
              {list.map((s) => (
                <li key={s.id}>
                  <a className="card service-card" href={`#/apply/${encodeURIComponent(s.id)}`} data-service={s.id}>
                    <span className="service-name">{pick(s.name, lang)}</span>
                    <dl className="service-facts">
                      <div>
                        <dt>{t('term')}</dt>
                        <dd data-fact="term">{termWords(s.term, t)}</dd>
                      </div>
                      <div>
                        <dt>{t('fee')}</dt>
                        <dd data-fact="fee">{feeWords(s.fee, lang, t)}</dd>
                      </div>
                    </dl>
                    <span className="service-go">{t('applyFor')} →</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      {latest.length > 0 && (
        <section aria-labelledby="latest-title" className="latest-strip">
          <h2 id="latest-title">{t('latestTitle')}</h2>
          <ul>
            {latest.map((a) => (
              <li key={a.id} data-id={a.id}>
                <a href={`#/my/${encodeURIComponent(a.id)}`}>{a.number ?? names[a.serviceId]}</a>{' '}
                <span className="muted">{names[a.serviceId]}</span> <StatusBadge status={a.status} />
              </li>
            ))}
          </ul>
          <a href="#/my">{t('allMine')}</a>
        </section>
      )}
    </div>
  );
}
