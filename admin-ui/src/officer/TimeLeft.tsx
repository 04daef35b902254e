import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLang } from './common';
import type { TimeLeftValue } from './InboxTypes';

/** The plural form of a count a text of days takes: Russian has three ("1 день", "2 дня", "5 дней"). */
function form(lang: string, n: number): 'one' | 'few' | 'many' {
  const rule = new Intl.PluralRules(lang).select(n);
  return rule === 'one' ? 'one' : rule === 'few' ? 'few' : 'many';
}

/**
 * Working time in words: whole working days, then hours ("2 жұмыс күні 3 сағ", "2 раб. дня 3 ч"); under a day,
 * hours and minutes; "просрочено на 1 раб. день" when past due.
 */
export function timeLeftText(t: TFunction, lang: string, v: TimeLeftValue): string {
  const parts: string[] = [];
  if (v.workingDays > 0) parts.push(t(`tl.day.${form(lang, v.workingDays)}`, { n: v.workingDays }));
  if (v.workingHours > 0) parts.push(t('tl.hours', { n: v.workingHours }));
  if (v.workingDays === 0 && (v.workingMinutes > 0 || parts.length === 0))
    parts.push(t('tl.minutes', { n: v.workingMinutes }));
  const time = parts.join(' ');
  return v.overdue ? t('tl.late', { time }) : t('tl.left', { time });
}

export function TimeLeft({ value }: { value: TimeLeftValue | null | undefined }) {
  const { t } = useTranslation('officer');
  const lang = useLang();
  if (!value) return null;
  return (
    <span className={`time-left${value.overdue ? ' late' : ''}`} data-time-left>
      {timeLeftText(t, lang, value)}
    </span>
  );
}
