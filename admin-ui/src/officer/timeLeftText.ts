import type { TimeLeftValue } from './InboxTypes';

/** The plural form of a count a text of days takes: Russian has three ("1 день", "2 дня", "5 дней"). */
function form(lang: string, n: number): 'one' | 'few' | 'many' {
  const rule = new Intl.PluralRules(lang).select(n);
  return rule === 'one' ? 'one' : rule === 'few' ? 'few' : 'many';
}

/**
 * Working time in words: whole working days, then hours ("2 жұмыс күні 3 сағ қалды", "осталось 2 раб. дня 3 ч");
 * under a day, hours and minutes; "просрочено на 1 раб. день" when past due. `t` is the officer texts' translator.
 */
export function timeLeftText(
  t: (key: string, values: Record<string, unknown>) => string,
  lang: string,
  v: TimeLeftValue,
): string {
  const parts: string[] = [];
  if (v.workingDays > 0) parts.push(t(`tl.day.${form(lang, v.workingDays)}`, { n: v.workingDays }));
  if (v.workingHours > 0) parts.push(t('tl.hours', { n: v.workingHours }));
  if (v.workingDays === 0 && (v.workingMinutes > 0 || parts.length === 0))
    parts.push(t('tl.minutes', { n: v.workingMinutes }));
  const time = parts.join(' ');
  return v.overdue ? t('tl.late', { time }) : t('tl.left', { time });
}
