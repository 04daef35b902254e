import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../i18n';
import { amendment } from '../i18n/amendment';
import { analyst } from '../i18n/analyst';
import { api, type Schemas } from '../shell/api';

registerArea('analyst', analyst);
registerArea('amendment', amendment);

/** #/workbench: every service with its versions and how many problems the runtime found in its definition. */

type DefinitionsResponse = Schemas['DefinitionList'];

export default function ServicesList() {
  const { t, i18n } = useTranslation('analyst');
  const lang = i18n.language as UiLang;
  const [data, setData] = useState<DefinitionsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<DefinitionsResponse>('GET', '/admin/definitions').then(setData, (e: Error) => setError(e.message));
  }, []);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!data) return <p>{t('loading', { ns: 'shell' })}</p>;
  const problemsOf = (id: string) => data.problems.filter((p) => (p.file ?? p.message).includes(`services/${id}/`));
  const rows = [
    ...data.items.map((s) => ({ ...s, broken: data.broken.includes(s.id) })),
    ...data.broken
      .filter((b) => !data.items.some((s) => s.id === b))
      .map((id) => ({ id, name: null, versions: [], broken: true })),
  ];
  return (
    <section className="card">
      <div className="qz-row">
        <h1 className="qz-grow">{t('servicesTitle')}</h1>
        <a className="button" href="#/amend" data-testid="new-amendment-link">
          {t('newAmendment', { ns: 'amendment' })}
        </a>
      </div>
      <table className="responsive" data-testid="services">
        <thead>
          <tr>
            <th>{t('colService')}</th>
            <th>{t('colVersions')}</th>
            <th>{t('colProblems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const problems = problemsOf(s.id);
            const errors = problems.filter((p) => p.severity !== 'warning').length;
            return (
              <tr key={s.id} data-service={s.id}>
                <td>
                  <a href={`#/workbench/${encodeURIComponent(s.id)}/editor`}>
                    {s.name ? (lang === 'en' ? (s.name.en ?? s.name.ru) : s.name[lang]) : s.id}
                  </a>
                  <div className="qz-muted">
                    <code>{s.id}</code>
                  </div>
                </td>
                <td>
                  <ul className="qz-plain">
                    {s.versions.map((v) => (
                      <li key={v.id}>
                        <code>{v.id}</code> · {v.effectiveFrom ? `${v.effectiveFrom}` : t('pending')} →{' '}
                        {v.effectiveTo ?? '…'}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {s.broken ? <span className="error">{t('brokenService')}</span> : null}{' '}
                  {problems.length ? (
                    <span className={errors ? 'error' : ''} title={problems.map((p) => p.message).join('\n')}>
                      {problems.length}
                    </span>
                  ) : (
                    <span className="ok">{t('noProblems')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
