import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import { api, type Schemas } from '../shell/api';
import { ProblemView } from './common';

type Comment = Schemas['Comment'];

const MAX = 2000;

/**
 * The officers' internal comments on an application, newest last, each with its author and time (GET/POST
 * …/comments). Never shown to the applicant: the page renders this panel for officers only, and the API answers the
 * applicant 404.
 */
export function Comments({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('officer');
  const [items, setItems] = useState<Comment[] | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/applications/${encodeURIComponent(applicationId)}/comments`;

  const load = useCallback(async () => {
    try {
      setItems((await api<Schemas['CommentList']>('GET', path)).items);
    } catch (e) {
      setError(e);
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);

  const tooLong = text.length > MAX;
  return (
    <section className="card comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      <p className="muted">{t('comments.internal')}</p>
      {items && items.length === 0 && <p className="muted">{t('comments.none')}</p>}
      {items && items.length > 0 && (
        <ol className="comment-list">
          {items.map((c, i) => (
            <li key={`${c.at}-${i}`} data-comment={i}>
              <p className="comment-meta">
                <strong>{c.author.displayName}</strong> ·{' '}
                <time dateTime={c.at}>{toDottedDateTime(c.at, KAZAKHSTAN_TIME_ZONE)}</time>
              </p>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim() || tooLong) return;
          setBusy(true);
          setError(null);
          api<Comment>('POST', path, { text })
            .then(() => {
              setText('');
              return load();
            })
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        <label>
          {t('comments.new')}
          <textarea
            name="comment"
            value={text}
            aria-invalid={tooLong ? true : undefined}
            aria-describedby="comment-count"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p id="comment-count" className={tooLong ? 'error' : 'muted'}>
          {t('comments.count', { n: text.length, max: MAX })}
        </p>
        <ProblemView error={error} />
        <button type="submit" data-comment-add disabled={busy || !text.trim() || tooLong}>
          {t('comments.add')}
        </button>
      </form>
    </section>
  );
}
