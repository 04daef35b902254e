import type { Command } from 'commander';
import { calendarYear, isProblemError, type CalendarYear, type WorkingTime } from '@qyzmet/engine';
import { printJson } from './output';

type Lang = 'kk' | 'ru' | 'en';

const MONTHS: Record<Lang, string[]> = {
  kk: [
    'Қаңтар',
    'Ақпан',
    'Наурыз',
    'Сәуір',
    'Мамыр',
    'Маусым',
    'Шілде',
    'Тамыз',
    'Қыркүйек',
    'Қазан',
    'Қараша',
    'Желтоқсан',
  ],
  ru: [
    'Январь',
    'Февраль',
    'Март',
    'Апрель',
    'Май',
    'Июнь',
    'Июль',
    'Август',
    'Сентябрь',
    'Октябрь',
    'Ноябрь',
    'Декабрь',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
const WEEK: Record<Lang, string> = {
  kk: 'Дс Сс Ср Бс Жм Сб Жс',
  ru: 'Пн Вт Ср Чт Пт Сб Вс',
  en: 'Mo Tu We Th Fr Sa Su',
};
const WORKING: Record<Lang, string> = { kk: 'жұмыс күні', ru: 'рабочих дней', en: 'working days' };
const LEGEND: Record<Lang, string> = {
  kk: '* — демалыс немесе мереке күні (сенбі/жексенбіден басқа), + — ауыстыру бойынша жұмыс күні, · — демалыс күні',
  ru: '* — нерабочий день (кроме субботы/воскресенья), + — рабочий день по переносу, · — выходной',
  en: '* — day off on a weekday (holiday, moved day off, transfer), + — weekend day made working, · — weekly rest day',
};

/** A month grid; weekly rest days come from the calendar data, the rest from calendarYear. */
function renderYear(y: CalendarYear, weekend: number[], lang: Lang): string {
  const lines: string[] = [];
  let total = 0;
  for (const m of y.months) {
    total += m.workingDays;
    const off = new Set(m.daysOff.map((d) => +d.slice(8)));
    const workWeekend = new Set(m.workingWeekendDays.map((d) => +d.slice(8)));
    const dim = new Date(Date.UTC(y.year, m.month, 0)).getUTCDate();
    const firstIso = ((new Date(Date.UTC(y.year, m.month - 1, 1)).getUTCDay() + 6) % 7) + 1;
    lines.push(`${MONTHS[lang][m.month - 1]} ${y.year} — ${m.workingDays} ${WORKING[lang]}`, WEEK[lang]);
    let row = '   '.repeat(firstIso - 1);
    for (let d = 1; d <= dim; d++) {
      const iso = ((firstIso - 1 + d - 1) % 7) + 1;
      const mark = off.has(d) ? '*' : workWeekend.has(d) ? '+' : weekend.includes(iso) ? '·' : ' ';
      row += String(d).padStart(2) + mark;
      if (iso === 7 || d === dim) {
        lines.push(row.trimEnd());
        row = '';
      }
    }
    lines.push('');
  }
  lines.push(`${y.year}: ${total} ${WORKING[lang]}`, LEGEND[lang]);
  // A year computed from the statutes (or with an estimated date) says so, with the days concerned.
  if (y.provisionalReason) lines.push('', y.provisionalReason.text[lang]);
  for (const d of y.provisionalDays ?? []) lines.push(`  ${d.text[lang]}`);
  return lines.join('\n');
}

/**
 * `qyzmet calendar <year> [--json]`: the working calendar of a year (DESIGN.md contract): per month the working
 * days, the days off falling on weekdays (daysOff) and the weekend days made working (workingWeekendDays); plus
 * `provisional` (and why, and which days) for a year computed from the statutes past the data.
 */
export function calendarCommand(program: Command, ctx: { loadWorkingTime(scheduleId?: string): WorkingTime }): void {
  program
    .command('calendar')
    .description('working calendar of a year: working days per month, days off, transferred working days')
    .argument('<year>', 'year, e.g. 2025')
    .option('--json', 'print the contract JSON')
    .option('--lang <lang>', 'language of the human output: kk, ru, en', 'en')
    .action((yearArg: string, opts: { json?: boolean; lang?: string }) => {
      const lang = (['kk', 'ru', 'en'].includes(opts.lang ?? '') ? opts.lang : 'en') as Lang;
      const fail = (code: string, message: string) => {
        if (opts.json) printJson({ error: { code, message } });
        process.stderr.write(`qyzmet: ${message}\n`);
        process.exitCode = 1;
      };
      if (!/^\d{4}$/.test(yearArg))
        return fail('calendar.badYear', `the year must be four digits, e.g. "qyzmet calendar 2025"; got "${yearArg}"`);
      try {
        const wt = ctx.loadWorkingTime();
        const y = calendarYear(wt, Number(yearArg));
        if (opts.json) printJson(y);
        else process.stdout.write(renderYear(y, wt.calendar.weekend, lang) + '\n');
      } catch (e) {
        if (isProblemError(e)) {
          const text = (e.problem.params?.text as Record<Lang, string> | undefined)?.[lang];
          return fail(e.problem.code, text ?? e.problem.message);
        }
        return fail('calendar.load', (e as Error).message);
      }
    });
}
