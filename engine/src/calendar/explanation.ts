import { formatInstant } from './formatInstant';
import type { LocalizedText } from './calendarData';
import { formatDottedDate, formatIsoDate } from './civilDate';
import type { DayDetail, WorkingTime } from './compileWorkingTime';
import { DayReason } from './compileWorkingTime';
import { provisionalDayNote } from './provisional';

/**
 * One step of a computed deadline, in kk/ru/en. `code` is stable (tests and UIs key on it); `date` is the local
 * date concerned (YYYY-MM-DD); `params` carries the facts (holiday id, source id, …) for machines.
 */
export interface Explanation {
  code: string;
  date?: string;
  params?: Record<string, string | number | boolean>;
  text: LocalizedText;
}

export type DurationUnit = 'workingDays' | 'calendarDays' | 'months' | 'workingHours' | 'minutes' | 'seconds';

/** How a unit is shown: a working-time unit, or minutes and seconds of clock time (counting.clock). */
export type ShownUnit = DurationUnit | 'elapsedMinutes' | 'elapsedSeconds';

const WEEKDAY: Record<keyof LocalizedText, string[]> = {
  kk: ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'],
  ru: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

// Kazakh keeps the noun singular after a numeral; Russian needs three forms.
const UNIT: Record<ShownUnit, { kk: string; ru: [string, string, string]; en: [string, string] }> = {
  workingDays: {
    kk: 'жұмыс күні',
    ru: ['рабочий день', 'рабочих дня', 'рабочих дней'],
    en: ['working day', 'working days'],
  },
  calendarDays: {
    kk: 'күнтізбелік күн',
    ru: ['календарный день', 'календарных дня', 'календарных дней'],
    en: ['calendar day', 'calendar days'],
  },
  months: { kk: 'ай', ru: ['месяц', 'месяца', 'месяцев'], en: ['month', 'months'] },
  workingHours: {
    kk: 'жұмыс сағаты',
    ru: ['рабочий час', 'рабочих часа', 'рабочих часов'],
    en: ['working hour', 'working hours'],
  },
  minutes: {
    kk: 'жұмыс уақытының минуты',
    ru: ['минута рабочего времени', 'минуты рабочего времени', 'минут рабочего времени'],
    en: ['working minute', 'working minutes'],
  },
  seconds: {
    kk: 'жұмыс уақытының секунды',
    ru: ['секунда рабочего времени', 'секунды рабочего времени', 'секунд рабочего времени'],
    en: ['working second', 'working seconds'],
  },
  elapsedMinutes: { kk: 'минут', ru: ['минута', 'минуты', 'минут'], en: ['minute', 'minutes'] },
  // "30 секунд" in both languages, as seed 002 writes the norm («30 секунд (бұдан әрі - сек)», L696–697).
  elapsedSeconds: { kk: 'секунд', ru: ['секунда', 'секунды', 'секунд'], en: ['second', 'seconds'] },
};

function ruPlural(n: number, forms: [string, string, string]): string {
  if (!Number.isInteger(n)) return forms[1];
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}

export function unitText(amount: number, unit: ShownUnit): LocalizedText {
  const u = UNIT[unit];
  return {
    kk: `${amount} ${u.kk}`,
    ru: `${amount} ${ruPlural(amount, u.ru)}`,
    en: `${amount} ${amount === 1 ? u.en[0] : u.en[1]}`,
  };
}

/** Local date and time of an instant, for texts: read off formatInstant's ISO string (no luxon per call). */
export function localParts(wt: WorkingTime, ms: number): { iso: string; dotted: string; time: string } {
  const local = formatInstant(wt, ms); // YYYY-MM-DDTHH:mm:ss(.SSS)±HH:MM
  const iso = local.slice(0, 10);
  const seconds = local.slice(17, 19);
  const withMs = local[19] === '.';
  return {
    iso,
    dotted: iso.split('-').reverse().join('.'),
    time: seconds === '00' && !withMs ? local.slice(11, 16) : local.slice(11, 19),
  };
}

function sourceTitle(wt: WorkingTime, id: string | undefined, lang: keyof LocalizedText): string {
  if (!id) return '';
  const s = wt.calendar.sources?.[id];
  if (!s) return id;
  if (typeof s.title === 'string') return s.title;
  return s.title?.[lang] || s.title?.ru || s.title?.en || id;
}

const dayIso = (wt: WorkingTime, day: number) => formatIsoDate(wt.firstEpochDay + day);
const dayDotted = (wt: WorkingTime, day: number) => formatDottedDate(wt.firstEpochDay + day);
const dotted = (iso: string) => iso.split('-').reverse().join('.');

/**
 * Why a non-working day is not counted (or why a weekend day is counted). Undefined for an ordinary working day. A
 * holiday or moved day off that is provisional (computed from the statutes, an estimated date) says so.
 */
export function explainDay(wt: WorkingTime, day: number): Explanation | undefined {
  const e = explainDayFacts(wt, day);
  const r = wt.reason[day];
  if (!e || (r !== DayReason.holiday && r !== DayReason.movedHoliday)) return e;
  const note = provisionalDayNote(wt, day, !!(wt.details[day] as DayDetail | undefined)?.computed);
  if (!note) return e;
  const add = (t: string, n: string) => t.replace(/\.$/, `${n}.`);
  return {
    ...e,
    params: { ...e.params, provisional: true },
    text: { kk: add(e.text.kk, note.kk), ru: add(e.text.ru, note.ru), en: add(e.text.en, note.en) },
  };
}

function explainDayFacts(wt: WorkingTime, day: number): Explanation | undefined {
  const r = wt.reason[day];
  if (r === DayReason.working) return undefined;
  const iso = dayIso(wt, day);
  const dd = dayDotted(wt, day);
  const wd = wt.weekday[day] - 1;
  const det = wt.details[day] as DayDetail | undefined;
  const date = iso;
  switch (r) {
    case DayReason.weekend:
      return {
        code: 'day.skipped',
        date,
        params: { reason: 'weekend' },
        text: {
          kk: `${dd} (${WEEKDAY.kk[wd]}) — демалыс күні, есепке алынбайды.`,
          ru: `${dd} (${WEEKDAY.ru[wd]}) — выходной день, не учитывается.`,
          en: `${iso} (${WEEKDAY.en[wd]}) — weekly rest day, not counted.`,
        },
      };
    case DayReason.holiday: {
      const h = det!.holiday!;
      const w = det!.onWeekend;
      return {
        code: 'day.skipped',
        date,
        params: { reason: 'holiday', holiday: h.id, source: h.source, onWeekend: !!w },
        text: {
          kk: `${dd} (${WEEKDAY.kk[wd]}) — мереке күні: «${h.name.kk}»${w ? ', демалыс күніне сәйкес келді' : ''}; есепке алынбайды.`,
          ru: `${dd} (${WEEKDAY.ru[wd]}) — праздничный день «${h.name.ru}»${w ? ', совпал с выходным' : ''}; не учитывается.`,
          en: `${iso} (${WEEKDAY.en[wd]}) — public holiday "${h.name.en}"${w ? ', on a weekly rest day' : ''}; not counted.`,
        },
      };
    }
    case DayReason.movedHoliday: {
      const h = det!.holiday!;
      const from = det!.movedFrom!;
      return {
        code: 'day.skipped',
        date,
        params: {
          reason: 'movedHoliday',
          holiday: h.id,
          movedFrom: from,
          source: wt.calendar.weekendRule?.source ?? h.source,
        },
        text: {
          kk: `${dd} (${WEEKDAY.kk[wd]}) — ауыстырылған демалыс күні: ${dotted(from)} күнгі мереке («${h.name.kk}») демалыс күніне сәйкес келген; есепке алынбайды.`,
          ru: `${dd} (${WEEKDAY.ru[wd]}) — выходной день, перенесённый с ${dotted(from)} (праздник «${h.name.ru}» совпал с выходным); не учитывается.`,
          en: `${iso} (${WEEKDAY.en[wd]}) — day off moved from ${from} ("${h.name.en}" fell on a weekly rest day); not counted.`,
        },
      };
    }
    case DayReason.transfer: {
      const t = det!.transfer!;
      const inst = t.instead;
      return {
        code: 'day.skipped',
        date,
        params: { reason: 'transfer', source: t.source, ...(inst ? { instead: inst } : {}) },
        text: {
          kk: `${dd} (${WEEKDAY.kk[wd]}) — ауыстыру бойынша демалыс күні${inst ? ` (жұмыс күні ${dotted(inst)} күніне ауыстырылған)` : ''}: ${sourceTitle(wt, t.source, 'kk')}; есепке алынбайды.`,
          ru: `${dd} (${WEEKDAY.ru[wd]}) — выходной день по переносу${inst ? ` (рабочим днём стал ${dotted(inst)})` : ''}: ${sourceTitle(wt, t.source, 'ru')}; не учитывается.`,
          en: `${iso} (${WEEKDAY.en[wd]}) — day off by transfer${inst ? ` (${inst} became a working day)` : ''}: ${sourceTitle(wt, t.source, 'en')}; not counted.`,
        },
      };
    }
    case DayReason.extra: {
      const x = det!.extra!;
      return {
        code: 'day.skipped',
        date,
        params: { reason: 'extra', source: x.source },
        text: {
          kk: `${dd} (${WEEKDAY.kk[wd]}) — қосымша демалыс күні${x.reason?.kk ? `: ${x.reason.kk}` : ''}; есепке алынбайды.`,
          ru: `${dd} (${WEEKDAY.ru[wd]}) — дополнительный выходной день${x.reason?.ru ? `: ${x.reason.ru}` : ''}; не учитывается.`,
          en: `${iso} (${WEEKDAY.en[wd]}) — extra day off${x.reason?.en ? `: ${x.reason.en}` : ''}; not counted.`,
        },
      };
    }
    default: {
      // workingByTransfer: counted, but worth saying why a Saturday or Sunday is a working day.
      const t = det!.transfer!;
      const inst = t.instead;
      return {
        code: 'day.workingByTransfer',
        date,
        params: { reason: 'workingByTransfer', source: t.source, ...(inst ? { instead: inst } : {}) },
        text: {
          kk: `${dd} (${WEEKDAY.kk[wd]}) — ауыстыру бойынша жұмыс күні${inst ? ` (демалыс күні ${dotted(inst)} күніне ауыстырылған)` : ''}: ${sourceTitle(wt, t.source, 'kk')}; есепке алынады.`,
          ru: `${dd} (${WEEKDAY.ru[wd]}) — рабочий день по переносу${inst ? ` (выходной перенесён на ${dotted(inst)})` : ''}: ${sourceTitle(wt, t.source, 'ru')}; учитывается.`,
          en: `${iso} (${WEEKDAY.en[wd]}) — working day by transfer${inst ? ` (the day off moved to ${inst})` : ''}: ${sourceTitle(wt, t.source, 'en')}; counted.`,
        },
      };
    }
  }
}

/** Explanations of every non-ordinary day in (fromDay, toDay], in order. */
export function explainDays(wt: WorkingTime, fromDayExclusive: number, toDayInclusive: number): Explanation[] {
  const out: Explanation[] = [];
  for (let d = fromDayExclusive + 1; d <= toDayInclusive; d++) {
    const e = explainDay(wt, d);
    if (e) out.push(e);
  }
  return out;
}

export function lastDayItem(wt: WorkingTime, day: number): Explanation {
  const wd = wt.weekday[day] - 1;
  const dd = dayDotted(wt, day);
  const iso = dayIso(wt, day);
  return {
    code: 'term.lastDay',
    date: iso,
    text: {
      kk: `Мерзімнің соңғы күні: ${dd} (${WEEKDAY.kk[wd]}).`,
      ru: `Последний день срока: ${dd} (${WEEKDAY.ru[wd]}).`,
      en: `Last day of the term: ${iso} (${WEEKDAY.en[wd]}).`,
    },
  };
}

export type EndRule = 'endOfWorkingDay' | 'endOfDay' | 'sameTime' | 'workingTime' | 'elapsed';

const END_RULE: Record<EndRule, LocalizedText> = {
  endOfWorkingDay: {
    kk: ' (жұмыс уақытының соңы)',
    ru: ' (окончание рабочего времени)',
    en: ' (end of working hours)',
  },
  endOfDay: { kk: ' (күннің соңы)', ru: ' (окончание суток)', en: ' (end of the day)' },
  sameTime: {
    kk: ' (оқиға болған тәулік уақыты)',
    ru: ' (то же время суток, что и событие)',
    en: ' (same time of day as the event)',
  },
  workingTime: { kk: '', ru: '', en: '' },
  elapsed: { kk: '', ru: '', en: '' },
};

export function endItem(wt: WorkingTime, dueAt: number, rule: EndRule): Explanation {
  const p = localParts(wt, dueAt);
  const r = END_RULE[rule];
  return {
    code: 'term.end',
    date: p.iso,
    params: { rule, time: p.time },
    text: {
      kk: `Мерзім аяқталады: ${p.dotted}, сағат ${p.time}${r.kk}.`,
      ru: `Срок истекает ${p.dotted} в ${p.time}${r.ru}.`,
      en: `The term ends on ${p.iso} at ${p.time}${r.en}.`,
    },
  };
}

export function startItem(
  wt: WorkingTime,
  fromMs: number,
  amount: number,
  unit: ShownUnit,
  start: 'nextDay' | 'sameDay' | 'workingTime' | 'elapsed',
): Explanation {
  const p = localParts(wt, fromMs);
  const u = unitText(amount, unit);
  const tail: Record<typeof start, LocalizedText> = {
    nextDay: {
      kk: `оқиға күні (${p.dotted}) есепке алынбайды, есеп келесі күннен басталады`,
      ru: `день события (${p.dotted}) не учитывается, течение срока начинается на следующий день`,
      en: `the day of the event (${p.iso}) is not counted, counting starts the next day`,
    },
    sameDay: {
      kk: `оқиға күні (${p.dotted}) есепке алынады`,
      ru: `день события (${p.dotted}) учитывается`,
      en: `the day of the event (${p.iso}) is counted`,
    },
    workingTime: {
      kk: `${p.dotted}, сағат ${p.time} бастап тек жұмыс уақыты есептеледі (түскі үзіліс, түн және жұмыс емес күндер есепке алынбайды)`,
      ru: `с ${p.dotted} ${p.time} считается только рабочее время (обеденный перерыв, ночь и нерабочие дни не учитываются)`,
      en: `from ${p.iso} ${p.time} only working time counts (lunch break, nights and days off are not counted)`,
    },
    elapsed: {
      kk: `${p.dotted}, сағат ${p.time} бастап уақыт үздіксіз есептеледі`,
      ru: `с ${p.dotted} ${p.time} время считается непрерывно`,
      en: `from ${p.iso} ${p.time} time runs continuously`,
    },
  };
  const t = tail[start];
  return {
    code: 'term.start',
    date: p.iso,
    params: { amount, unit, start },
    text: { kk: `Мерзім: ${u.kk}; ${t.kk}.`, ru: `Срок: ${u.ru}; ${t.ru}.`, en: `Term: ${u.en}; ${t.en}.` },
  };
}

export function shiftedItem(wt: WorkingTime, fromDay: number, toDay: number): Explanation {
  return {
    code: 'term.shifted',
    date: dayIso(wt, toDay),
    params: { from: dayIso(wt, fromDay), to: dayIso(wt, toDay) },
    text: {
      kk: `Мерзімнің соңғы күні (${dayDotted(wt, fromDay)}) жұмыс емес күнге сәйкес келеді, сондықтан мерзім одан кейінгі ең жақын жұмыс күні аяқталады: ${dayDotted(wt, toDay)} (ҚР Азаматтық кодексі).`,
      ru: `Последний день срока (${dayDotted(wt, fromDay)}) приходится на нерабочий день, поэтому днём окончания срока считается ближайший следующий за ним рабочий день: ${dayDotted(wt, toDay)} (Гражданский кодекс РК).`,
      en: `The last day of the term (${dayIso(wt, fromDay)}) is a day off, so the term ends on the next working day: ${dayIso(wt, toDay)} (Civil Code of the Republic of Kazakhstan).`,
    },
  };
}

export function monthClampedItem(wt: WorkingTime, wantedDay: number, day: number): Explanation {
  return {
    code: 'term.monthClamped',
    date: dayIso(wt, day),
    params: { wantedDay },
    text: {
      kk: `Мерзімнің соңғы айында тиісті күн (${wantedDay}) жоқ, сондықтан айдың соңғы күні алынады: ${dayDotted(wt, day)}.`,
      ru: `В последнем месяце срока нет соответствующего числа (${wantedDay}), поэтому срок истекает в последний день месяца: ${dayDotted(wt, day)}.`,
      en: `The last month of the term has no day ${wantedDay}, so the term ends on the last day of that month: ${dayIso(wt, day)}.`,
    },
  };
}
