import { KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '@qyzmet/engine';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, session, type Schemas } from '../shell/api';

type Draft = Schemas['Draft'];

/** Whether a second user approved the draft's current revision: the server publishes nothing else. */
export const approvedNow = (d: Pick<Draft, 'rev' | 'approvals'>) => d.approvals.some((a) => a.rev === d.rev);

export interface FourEyesProps {
  serviceId: string;
  draft: Pick<Draft, 'id' | 'rev' | 'author' | 'approvals' | 'names'>;
  /** The draft changed on the server (approved), or the analyst asks to see whether it was: read it again. */
  onDraftChanged(): void;
  onError(e: unknown): void;
}

/**
 * Four eyes: who approved which revision, and for a signed-in user other than the author the button approving the
 * revision they are reading (the server refuses the author, and an approval of revision 3 does not cover revision 4).
 */
export function FourEyes({ serviceId, draft, onDraftChanged, onError }: FourEyesProps) {
  const { t } = useTranslation('analyst');
  const user = session.user();
  const me = user?.id;
  const [busy, setBusy] = useState(false);
  // People by their names (the draft names those it mentions); the id only where the server knows no name.
  const who = (id: string) => (id === me ? `${user?.displayName ?? id} (${t('you')})` : (draft.names?.[id] ?? id));

  const approve = async () => {
    setBusy(true);
    try {
      await api<Draft>('POST', `/admin/definitions/${encodeURIComponent(serviceId)}/drafts/${draft.id}/approve`, {
        rev: draft.rev,
      });
      onDraftChanged();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="four-eyes">
      <div className="qz-row">
        <h2 className="qz-grow">{t('approvalsTitle')}</h2>
        <button className="secondary" onClick={onDraftChanged} data-testid="refresh-draft">
          {t('refresh')}
        </button>
      </div>
      <p className="qz-muted">{t('authorIs', { author: who(draft.author), rev: draft.rev })}</p>
      <div aria-live="polite" data-testid="approvals">
        {draft.approvals.length === 0 ? (
          <p className="qz-muted">{t('noApprovals')}</p>
        ) : (
          <ul>
            {draft.approvals.map((a) => (
              <li key={`${a.rev}:${a.by}`} data-rev={a.rev} className={a.rev === draft.rev ? 'ok' : 'qz-muted'}>
                {t('approvedBy', { rev: a.rev, by: who(a.by), at: toDottedDateTime(a.at, KAZAKHSTAN_TIME_ZONE) })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {me === draft.author ? (
        <p className="qz-muted">{t('ownDraft')}</p>
      ) : (
        !approvedNow(draft) && (
          <button disabled={busy} onClick={() => void approve()} data-testid="approve">
            {t('approveRev', { rev: draft.rev })}
          </button>
        )
      )}
    </section>
  );
}
