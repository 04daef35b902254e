import { outOfCoverage } from './calendarProblem';
import type { WorkingTime } from './compileWorkingTime';
import { dayIndexOf } from './dayIndexOf';
import { explainDay, type Explanation, localParts } from './explanation';
import { provisionalIn } from './provisional';

export interface RegistrationResult {
  registeredAt: number;
  /** The registration day was found across a provisional day (see DeadlineResult.provisional). */
  readonly provisional: boolean;
  /** Built on first read (the hot path does not pay for texts). */
  readonly explanation: Explanation[];
}

type Why = 'inHours' | 'beforeOpening' | 'afterHours' | 'dayOff';

/**
 * When an application that arrived at `arrivedAtMs` counts as registered.
 *
 * Labour Code and seeds 000 §7 / 003: an application arriving after working hours, on a weekend or a holiday is
 * registered on the next working day at the start of working hours. Choices made here (documented in README):
 * - during the lunch break the office is still "in the working day": registered at once;
 * - before opening on a working day it is registered at that day's opening (the next start of working hours);
 * - working hours are half-open: at 18:30:00.000 sharp the office is closed;
 * - a round-the-clock schedule (days "all", 00:00–24:00) registers at once.
 *
 * @example
 * registrationInstant(wt, Date.parse('2025-06-06T18:31:00+05:00')).registeredAt; // next working day 09:00
 */
export function registrationInstant(wt: WorkingTime, arrivedAtMs: number): RegistrationResult {
  const d = dayIndexOf(wt, arrivedAtMs, 'arrival');
  const K = wt.slots;
  let registeredAt: number;
  let why: Why;
  let regDay = d;
  if (wt.open[d] && arrivedAtMs >= wt.intervalStart[d * K] && arrivedAtMs < wt.intervalEnd[d * K + K - 1]) {
    registeredAt = arrivedAtMs;
    why = 'inHours';
  } else if (wt.open[d] && arrivedAtMs < wt.intervalStart[d * K]) {
    registeredAt = wt.intervalStart[d * K];
    why = 'beforeOpening';
  } else {
    const k = wt.openBefore[d + 1];
    if (k >= wt.openDayIndex.length) throw outOfCoverage('registration day', wt.coverage);
    regDay = wt.openDayIndex[k];
    registeredAt = wt.intervalStart[regDay * K];
    why = wt.open[d] ? 'afterHours' : 'dayOff';
  }
  return new LazyRegistration(wt, arrivedAtMs, registeredAt, why, d, regDay);
}

/** Explanation built on first read (see LazyDeadline); toJSON keeps it in JSON output. */
class LazyRegistration implements RegistrationResult {
  private cache: Explanation[] | undefined;
  readonly provisional: boolean;
  constructor(
    private readonly wt: WorkingTime,
    private readonly arrivedAt: number,
    readonly registeredAt: number,
    private readonly why: Why,
    private readonly day: number,
    private readonly regDay: number,
  ) {
    this.provisional = provisionalIn(wt, day, regDay);
  }
  get explanation(): Explanation[] {
    return (this.cache ??= explainRegistration(
      this.wt,
      this.arrivedAt,
      this.registeredAt,
      this.why,
      this.day,
      this.regDay,
    ));
  }
  toJSON(): { registeredAt: number; provisional: boolean; explanation: Explanation[] } {
    return { registeredAt: this.registeredAt, provisional: this.provisional, explanation: this.explanation };
  }
}

function explainRegistration(
  wt: WorkingTime,
  arrived: number,
  registered: number,
  why: Why,
  d: number,
  regDay: number,
): Explanation[] {
  const a = localParts(wt, arrived);
  const r = localParts(wt, registered);
  const first: Record<Why, Explanation['text']> = {
    inHours: {
      kk: `Өтініш жұмыс уақытында түсті (${a.dotted}, сағат ${a.time}) және бірден тіркеледі.`,
      ru: `Заявление поступило в рабочее время (${a.dotted}, ${a.time}) и регистрируется сразу.`,
      en: `The application arrived during working hours (${a.iso} ${a.time}) and is registered at once.`,
    },
    beforeOpening: {
      kk: `Өтініш жұмыс уақыты басталмай тұрып түсті (${a.dotted}, сағат ${a.time}); жұмыс уақыты басталғанда тіркеледі.`,
      ru: `Заявление поступило до начала рабочего времени (${a.dotted}, ${a.time}); регистрируется в начале рабочего времени.`,
      en: `The application arrived before working hours (${a.iso} ${a.time}); it is registered when working hours start.`,
    },
    afterHours: {
      kk: `Өтініш жұмыс уақыты аяқталғаннан кейін түсті (${a.dotted}, сағат ${a.time}); келесі жұмыс күні жұмыс уақыты басталғанда тіркеледі.`,
      ru: `Заявление поступило после окончания рабочего времени (${a.dotted}, ${a.time}); регистрируется следующим рабочим днём в начале рабочего времени.`,
      en: `The application arrived after working hours (${a.iso} ${a.time}); it is registered on the next working day when working hours start.`,
    },
    dayOff: {
      kk: `Өтініш жұмыс емес күні түсті (${a.dotted}, сағат ${a.time}); келесі жұмыс күні жұмыс уақыты басталғанда тіркеледі.`,
      ru: `Заявление поступило в нерабочий день (${a.dotted}, ${a.time}); регистрируется следующим рабочим днём в начале рабочего времени.`,
      en: `The application arrived on a day off (${a.iso} ${a.time}); it is registered on the next working day when working hours start.`,
    },
  };
  const out: Explanation[] = [
    { code: `registration.${why}`, date: a.iso, params: { arrivedAt: a.time }, text: first[why] },
  ];
  if (why === 'afterHours' || why === 'dayOff') {
    for (let day = why === 'dayOff' ? d : d + 1; day < regDay; day++) {
      const e = explainDay(wt, day);
      if (e) out.push(e);
    }
  }
  if (why !== 'inHours') {
    out.push({
      code: 'registration.at',
      date: r.iso,
      params: { time: r.time },
      text: {
        kk: `Тіркеу уақыты: ${r.dotted}, сағат ${r.time}.`,
        ru: `Время регистрации: ${r.dotted}, ${r.time}.`,
        en: `Registered on ${r.iso} at ${r.time}.`,
      },
    });
  }
  return out;
}
