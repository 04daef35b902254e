import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentUrl } from '../shell/api';
import { KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import { ProblemView, type AppDocument } from './common';

type DocLang = 'kk' | 'ru';
const DOC_LANGS: DocLang[] = ['kk', 'ru'];

/**
 * The documents issued so far: view the HTML in a sandboxed frame (no scripts) and download the PDF, in Kazakh or
 * Russian. The bearer token cannot ride on a plain link, so both go through blob URLs.
 */
export function DocumentsView({ applicationId, documents }: { applicationId: string; documents: AppDocument[] }) {
  const { t } = useTranslation('officer');
  const [shown, setShown] = useState<{ id: string; title: string; url: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(
    () => () => {
      if (shown) URL.revokeObjectURL(shown.url);
    },
    [shown],
  );

  const view = async (d: AppDocument, l: DocLang) => {
    setError(null);
    try {
      setShown({ id: `${d.id}.${l}`, title: d.title, url: await documentUrl(applicationId, d.id, l, false) });
    } catch (e) {
      setError(e);
    }
  };
  const download = async (d: AppDocument, l: DocLang) => {
    setError(null);
    try {
      const url = await documentUrl(applicationId, d.id, l, true);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${d.id}-${l}-${applicationId.slice(0, 8)}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents')}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('noDocuments')}</p>
      ) : (
        <ul className="doc-list">
          {documents.map((d) => (
            <li key={d.id} data-document={d.id}>
              <div>{d.title}</div>
              {d.issuedAt && (
                <div className="muted">
                  {t('issuedAt')}: {toDottedDateTime(d.issuedAt, KAZAKHSTAN_TIME_ZONE)}
                </div>
              )}
              <div className="doc-buttons">
                {DOC_LANGS.map((l) => (
                  <button key={`v${l}`} className="secondary" onClick={() => void view(d, l)}>
                    {t('view', { lang: l.toUpperCase() })}
                  </button>
                ))}
                {DOC_LANGS.map((l) => (
                  <button key={`p${l}`} className="secondary" data-pdf={l} onClick={() => void download(d, l)}>
                    ⬇ {t('downloadPdf', { lang: l.toUpperCase() })}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ProblemView error={error} />
      {shown && (
        <div>
          <button className="secondary" onClick={() => setShown(null)}>
            {t('close')}
          </button>
          <iframe
            key={shown.id}
            className="doc-frame"
            title={t('documentFrame', { title: shown.title })}
            src={shown.url}
            sandbox="allow-same-origin"
          />
        </div>
      )}
    </section>
  );
}
