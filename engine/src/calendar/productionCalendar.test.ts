// The real calendar data against the production calendar figures (definitions/calendars). Tests may read files;
// the engine may not.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CalendarData, ProductionCalendarData, ScheduleData } from './calendarData';
import { calendarYear } from './calendarYear';
import { compileWorkingTime } from './compileWorkingTime';

const dir = path.resolve(__dirname, '../../../definitions/calendars');
const read = <T>(f: string): T => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T;
const calendar = read<CalendarData>('kz.calendar.json');
const production = read<ProductionCalendarData & { years: Array<{ verified?: string }> }>(
  'kz.production-calendar.json',
);
const schedules = fs
  .readdirSync(path.join(dir, 'schedules'))
  .filter((f) => f.endsWith('.schedule.json'))
  .map((f) => read<ScheduleData>(path.join('schedules', f)));
const wt = compileWorkingTime(calendar, schedules.find((s) => s.id === 'provider-default') ?? schedules[0]);

const sourceOf = (y: (typeof production.years)[number]) =>
  typeof y.source === 'string' ? y.source : `${y.source?.title ?? ''} ${y.source?.url ?? ''}`.trim();

describe('kz.calendar.json reproduces kz.production-calendar.json month by month', () => {
  const rows = production.years.flatMap((y) =>
    y.months.map((expected, i) => [y.year, i + 1, expected, y.verified ?? '?', sourceOf(y)] as const),
  );
  test.each(rows)('%i-%i: %i working days (verified: %s; source: %s)', (year, month, expected) => {
    expect(calendarYear(wt, year).months[month - 1].workingDays).toBe(expected);
  });

  test.each(production.years.map((y) => [y.year, y.workingDays] as const))(
    '%i: %i working days in the year',
    (year, total) => {
      const cy = calendarYear(wt, year);
      expect(cy.workingDays).toBe(total);
      expect(cy.months.reduce((s, m) => s + m.workingDays, 0)).toBe(total);
    },
  );
});

describe('real data sanity', () => {
  test('every schedule in definitions/calendars/schedules compiles against kz.calendar.json', () => {
    expect(schedules.length).toBeGreaterThan(0);
    for (const s of schedules) expect(compileWorkingTime(calendar, s).dayCount).toBe(wt.dayCount);
  });

  test('per month: workingDays = plain weekdays − daysOff + workingWeekendDays (the meaning of daysOff)', () => {
    for (const y of production.years) {
      for (const m of calendarYear(wt, y.year).months) {
        const dim = new Date(Date.UTC(y.year, m.month, 0)).getUTCDate();
        let weekdays = 0;
        for (let d = 1; d <= dim; d++) {
          const wd = new Date(Date.UTC(y.year, m.month - 1, d)).getUTCDay();
          if (wd !== 0 && wd !== 6) weekdays++;
        }
        expect(m.workingDays).toBe(weekdays - m.daysOff.length + m.workingWeekendDays.length);
      }
    }
  });

  test('every source cited by a holiday or transfer exists', () => {
    const ids = new Set(Object.keys(calendar.sources));
    for (const h of calendar.holidays) expect(ids).toContain(h.source);
    for (const t of calendar.transfers ?? []) expect(ids).toContain(t.source);
  });
});
