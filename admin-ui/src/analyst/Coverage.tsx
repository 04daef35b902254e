import { formatLegalRef, type CoverageReport } from '@qyzmet/engine';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shell/api';

/** Each clause of the acts the service encodes, with the definition elements that cite it (GET …/coverage). */
export function Coverage({ serviceId, lang }: { serviceId: string; lang: 'kk' | 'ru' | 'en' }) {
  const { t } = useTranslation('analyst');
  const [report, setReport] = useState<CoverageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<CoverageReport>('GET', `/admin/definitions/${encodeURIComponent(serviceId)}/coverage`).then(
      setReport,
      (e: Error) => setError(e.message),
    );
  }, [serviceId]);
  if (error) return <p className="error">{error}</p>;
  if (!report) return null;
  // A clause as documents cite it (the engine's words; citations exist in Kazakh and Russian), or its id.
  const where = (c: CoverageReport['acts'][number]['clauses'][number]) =>
    formatLegalRef({ ...c, act: undefined }, lang === 'kk' ? 'kk' : 'ru') || c.id;
  return (
    <section className="card" data-testid="coverage">
      <h2>{t('coverageTitle')}</h2>
      <p>{t('coverageCounts', report.counts)}</p>
      {report.acts.map((a) => (
        <div key={a.act}>
          <h3>
            {lang === 'en' ? (a.title.en ?? a.title.ru) : a.title[lang]} <span className="qz-muted">({a.act})</span>
          </h3>
          <table className="responsive qz-small">
            <thead>
              <tr>
                <th>{t('clause')}</th>
                <th>{t('colText')}</th>
                <th>{t('citedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {a.clauses.map((c) => (
                <tr
                  key={c.id}
                  className={c.citedBy.length ? '' : c.status && c.status !== 'operative' ? 'qz-explained' : 'overdue'}
                >
                  <td className="qz-nowrap">
                    <strong>{where(c)}</strong>
                    <div className="qz-muted">
                      {t('lines')} {c.lines.join('–')}
                    </div>
                  </td>
                  <td>
                    {c.summary}
                    {c.reason && (
                      <div className="qz-muted">
                        {c.status}: {c.reason}
                      </div>
                    )}
                  </td>
                  <td>
                    {c.citedBy.length ? (
                      <ul className="qz-cites">
                        {c.citedBy.map((p) => (
                          <li key={p}>
                            <code>{p}</code>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <em className={c.status && c.status !== 'operative' ? 'qz-muted' : 'error'}>{t('uncited')}</em>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
