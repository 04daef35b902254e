import type { LocalizedText } from './calendarData';
import { formatIsoDate } from './civilDate';
import { Provisional, type WorkingTime } from './compileWorkingTime';
import type { Explanation } from './explanation';

/** The explanation item that marks a deadline resting on provisional days; its presence is the deadline's flag. */
export const PROVISIONAL_CODE = 'term.provisional';

/** Whether any day of [a, b] (day indices, clamped to the tables) is provisional: one subtraction. */
export function provisionalIn(wt: WorkingTime, a: number, b: number): boolean {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(wt.dayCount - 1, Math.max(a, b));
  return hi >= lo && wt.provisionalBefore[hi + 1] - wt.provisionalBefore[lo] > 0;
}

/** True when a stored explanation (of an application's deadline, a trace entry, …) rests on provisional days. */
export function isProvisional(explanation: ReadonlyArray<{ code: string }> | undefined): boolean {
  return !!explanation?.some((e) => e.code === PROVISIONAL_CODE);
}

/** Suffix of a day's text when the day is provisional, e.g. " (computed from the statutes: provisional)". */
export function provisionalDayNote(wt: WorkingTime, day: number, computedDate: boolean): LocalizedText | undefined {
  const p = wt.provisionalDay[day];
  if (p === Provisional.none) return undefined;
  if (computedDate)
    return {
      kk: ' (күні ислам күнтізбесі бойынша есептелген, алдын ала)',
      ru: ' (дата вычислена по исламскому календарю, предварительно)',
      en: ' (date computed from the Islamic calendar: provisional)',
    };
  if (p === Provisional.computedYear)
    return {
      kk: ' (заң бойынша есептелген, ауыстыру туралы қаулы әлі енгізілмеген: алдын ала)',
      ru: ' (вычислено по закону, постановление о переносах ещё не внесено: предварительно)',
      en: ' (computed from the statutes, no decree on transfers entered yet: provisional)',
    };
  return {
    kk: ' (күні ресми жарияланбаған, болжамды: алдын ала)',
    ru: ' (дата официально не объявлена, оценка: предварительно)',
    en: ' (date not yet announced, an estimate: provisional)',
  };
}

/**
 * The closing item of a deadline whose counting crosses provisional days: which days were computed from the
 * statutes (years past the data, estimated movable dates) and that the due date may change when the act is entered.
 */
export function provisionalItem(wt: WorkingTime, a: number, b: number, of: 'term' | 'year' = 'term'): Explanation {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(wt.dayCount - 1, Math.max(a, b));
  const estimated: string[] = [];
  let computedFrom: number | undefined;
  for (let d = lo; d <= hi; d++) {
    if (wt.provisionalDay[d] === Provisional.provisionalDate) estimated.push(formatIsoDate(wt.firstEpochDay + d));
    else if (wt.provisionalDay[d] === Provisional.computedYear && computedFrom === undefined) computedFrom = d;
  }
  const parts: Record<keyof LocalizedText, string[]> = { kk: [], ru: [], en: [] };
  if (computedFrom !== undefined) {
    const from = formatIsoDate(wt.firstEpochDay + computedFrom);
    const to = formatIsoDate(wt.firstEpochDay + hi);
    parts.kk.push(
      `${from} – ${to} күндері «Мерекелер туралы» Заң, демалыс күнін ауыстыру ережесі және Құрбан айттың ислам күнтізбесі бойынша есептелген күні негізінде есептелді; жылдық ауыстыру туралы қаулы әлі енгізілмеген`,
    );
    parts.ru.push(
      `дни ${from} – ${to} вычислены по Закону «О праздниках», правилу переноса выходных и дате Курбан айта по исламскому календарю; ежегодное постановление о переносах ещё не внесено`,
    );
    parts.en.push(
      `the days ${from} – ${to} are computed from the statutes (the Law "On holidays", the weekend rule, Kurban ait from the Islamic calendar); the yearly decree on transfers is not entered yet`,
    );
  }
  if (estimated.length) {
    const list = estimated.join(', ');
    parts.kk.push(`${list}: күні әлі ресми жарияланбаған (болжам)`);
    parts.ru.push(`${list}: дата ещё официально не объявлена (оценка)`);
    parts.en.push(`${list}: the date is not announced yet (an estimate)`);
  }
  return {
    code: PROVISIONAL_CODE,
    params: {
      provisional: true,
      ...(computedFrom !== undefined ? { computedFrom: formatIsoDate(wt.firstEpochDay + computedFrom) } : {}),
      ...(estimated.length ? { estimated: estimated.join(',') } : {}),
    },
    text:
      of === 'term'
        ? {
            kk: `Мерзім алдын ала есептелген: ${parts.kk.join('; ')}. Акт енгізілгенде мерзім қайта есептеледі.`,
            ru: `Срок предварительный: ${parts.ru.join('; ')}. После внесения акта срок будет пересчитан.`,
            en: `The term is provisional: ${parts.en.join('; ')}. It is recomputed when the act is entered.`,
          }
        : {
            kk: `Күнтізбе алдын ала: ${parts.kk.join('; ')}. Акт енгізілгенде өзгеруі мүмкін.`,
            ru: `Календарь предварительный: ${parts.ru.join('; ')}. Может измениться после внесения акта.`,
            en: `The calendar is provisional: ${parts.en.join('; ')}. It may change when the act is entered.`,
          },
  };
}
