import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea } from '../../i18n';
import { editorsCommon } from '../../i18n/editors/common';

registerArea('editors', editorsCommon);

/** A removal that takes a second click (the first one says what goes with it). */
export function ConfirmRemove({ label, note, onConfirm }: { label: string; note?: string; onConfirm: () => void }) {
  const { t } = useTranslation('editors');
  const [asking, setAsking] = useState(false);
  return asking ? (
    <div className="qz-row" role="group" aria-label={label}>
      {note && <p className="qz-small qz-grow">{note}</p>}
      <button type="button" className="danger" autoFocus onClick={onConfirm} onBlur={() => setAsking(false)}>
        {t('confirmRemove')}
      </button>
    </div>
  ) : (
    <button type="button" className="secondary" onClick={() => setAsking(true)}>
      {label}
    </button>
  );
}
