import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../shell/api';
import { pick, type OfficerGround } from './common';

export type EventPreview = Schemas['EventPreview'];

/**
 * What the decision will do, before it is sent (POST …/events/preview): the step it leads to and each document it
 * will issue, rendered as the citizen will read it (in a sandboxed frame: the document's own HTML, nothing run).
 */
export function DecisionPreview({ preview, lang }: { preview: EventPreview; lang: string }) {
  const { t } = useTranslation('officer');
  return (
    <section className="decision-preview" aria-labelledby="preview-title" data-to-state={preview.toState}>
      <h3 id="preview-title">{t('preview.title')}</h3>
      <p>
        {t('preview.leadsTo')} <strong data-preview="state">{pick(preview.stateName, lang)}</strong>
      </p>
      {preview.documents.length === 0 ? (
        <p className="muted">{t('preview.noDocuments')}</p>
      ) : (
        preview.documents.map((d) => (
          <figure key={d.id} className="preview-document" data-document={d.id}>
            <figcaption>{t('preview.document', { title: d.title })}</figcaption>
            <iframe className="doc-frame" title={d.title} srcDoc={d.html} sandbox="" />
          </figure>
        ))
      )}
    </section>
  );
}

/**
 * The confirmation: a modal dialog with the summary of what is sent (the event, the grounds ticked, the reasoning,
 * the step it leads to). Cancel closes it and leaves the form as it was. An event without a form (a signing step)
 * has no grounds to tick: `grounds` null leaves that row out, and cancel returns to its preview.
 */
export function ConfirmDialog({
  eventName,
  grounds,
  reasoning,
  preview,
  lang,
  busy,
  onConfirm,
  onCancel,
}: {
  eventName: string;
  grounds: OfficerGround[] | null;
  reasoning: { kk: string; ru: string };
  preview: EventPreview;
  lang: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('officer');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{t('confirm.title')}</h2>
      <dl className="facts">
        <dt>{t('confirm.event')}</dt>
        <dd data-confirm="event">{eventName}</dd>
        <dt>{t('confirm.leadsTo')}</dt>
        <dd data-confirm="state">{pick(preview.stateName, lang)}</dd>
        {grounds && (
          <>
            <dt>{t('confirm.grounds')}</dt>
            <dd data-confirm="grounds">
              {grounds.length === 0 ? (
                t('confirm.noGrounds')
              ) : (
                <ul>
                  {grounds.map((g) => (
                    <li key={g.id}>{pick(g.text, lang)}</li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        {(reasoning.kk || reasoning.ru) && (
          <>
            <dt>{t('reasoning')}</dt>
            <dd data-confirm="reasoning">
              {reasoning.kk && <p lang="kk">{reasoning.kk}</p>}
              {reasoning.ru && <p lang="ru">{reasoning.ru}</p>}
            </dd>
          </>
        )}
        <dt>{t('confirm.documents')}</dt>
        <dd data-confirm="documents">
          {preview.documents.length ? preview.documents.map((d) => d.title).join('; ') : '—'}
        </dd>
      </dl>
      <div className="actions-bar">
        <button type="button" data-confirm-send disabled={busy} onClick={onConfirm}>
          {t('confirm.send')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t(grounds ? 'confirm.back' : 'confirm.backPreview')}
        </button>
      </div>
    </dialog>
  );
}
