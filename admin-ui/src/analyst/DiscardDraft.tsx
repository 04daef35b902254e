import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shell/api';

/**
 * Discards the open draft (DELETE; the server keeps its revisions and the audit records it), after a second click:
 * an analyst's work is not thrown away by one misplaced click.
 */
export function DiscardDraft({
  serviceId,
  draftId,
  onDiscarded,
  onError,
}: {
  serviceId: string;
  draftId: string;
  onDiscarded(): void;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation('analyst');
  const [confirming, setConfirming] = useState(false);
  const discard = async () => {
    try {
      await api('DELETE', `/admin/definitions/${encodeURIComponent(serviceId)}/drafts/${draftId}`);
      onDiscarded();
    } catch (e) {
      onError(e);
    } finally {
      setConfirming(false);
    }
  };
  return confirming ? (
    <button className="danger" onClick={() => void discard()} onBlur={() => setConfirming(false)} autoFocus>
      {t('confirmDiscard')}
    </button>
  ) : (
    <button className="secondary" onClick={() => setConfirming(true)} data-testid="discard-draft">
      {t('discardDraft')}
    </button>
  );
}
