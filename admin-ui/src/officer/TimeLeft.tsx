import { useTranslation } from 'react-i18next';
import { useLang } from './common';
import type { TimeLeftValue } from './InboxTypes';
import { timeLeftText } from './timeLeftText';

/** The working time left to an application's due instant, or past it, in words (C2 `timeLeft`). */
export function TimeLeft({ value }: { value: TimeLeftValue | null | undefined }) {
  const { t } = useTranslation('officer');
  const lang = useLang();
  if (!value) return null;
  return (
    <span className={`time-left${value.overdue ? ' late' : ''}`} data-time-left>
      {timeLeftText((key, values) => t(key, values), lang, value)}
    </span>
  );
}
