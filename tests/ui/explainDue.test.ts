import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '@qyzmet/engine';
import { dottedDate, explainDue, problemText, weekdayOf } from '../../admin-ui/src/analyst/editors/explainDue';

/**
 * The deadlines editor's live explanation against the real calendar of Kazakhstan (definitions/calendars), compiled
 * as the workbench compiles it (model.ts buildEnv): the State Corporation's hours 9:00–18:30, lunch 13:00–14:30.
 */
const dir = join(__dirname, '../../definitions/calendars');
const read = <T>(file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
const wt = compileWorkingTime(
  read<CalendarData>('kz.calendar.json'),
  read<ScheduleData>('schedules/state-corporation.schedule.json'),
);
const skipped = (at: string, duration: string) =>
  explainDue(wt, Date.parse(at), duration).skipped.map((s) => [s.date, s.weekday, s.kind, s.holiday?.en]);

describe('explainDue: a deadline case on the working calendar', () => {
  test('Fri 18.12.2026 10:00 + 1 working day: due Mon 21.12 18:30, the weekend skipped', () => {
    const e = explainDue(wt, Date.parse('2026-12-18T10:00:00+05:00'), '1 workingDays');
    expect(e.registered).toEqual({ date: '2026-12-18', time: '10:00', weekday: 5 });
    expect(e.due).toEqual({ date: '2026-12-21', time: '18:30', weekday: 1 });
    expect(e.skipped).toEqual([
      { date: '2026-12-19', weekday: 6, kind: 'weekend' },
      { date: '2026-12-20', weekday: 7, kind: 'weekend' },
    ]);
    // The engine's own words come along, for the details.
    expect(e.term.map((x) => x.code)).toEqual(['term.start', 'day.skipped', 'day.skipped', 'term.lastDay', 'term.end']);
  });

  test('Independence Day 2026 is 16 December only (the 17th stopped being a holiday in 2022)', () => {
    const e = explainDue(wt, Date.parse('2026-12-15T10:00:00+05:00'), '1 workingDays');
    expect(e.due).toEqual({ date: '2026-12-17', time: '18:30', weekday: 4 });
    expect(e.skipped).toEqual([
      { date: '2026-12-16', weekday: 3, kind: 'holiday', holiday: expect.objectContaining({ en: 'Independence Day' }) },
    ]);
    expect(e.skipped[0].holiday?.kk).toBeTruthy();
  });

  test('a holiday on a Sunday and its day off moved to Monday are both named', () => {
    expect(skipped('2026-03-06T10:00:00+05:00', '3 workingDays')).toEqual([
      ['2026-03-07', 6, 'weekend', undefined],
      ['2026-03-08', 7, 'holiday', "International Women's Day"],
      ['2026-03-09', 1, 'movedHoliday', "International Women's Day"],
    ]);
  });

  test('after hours the application is registered the next working day at opening, and the term counts from then', () => {
    const e = explainDue(wt, Date.parse('2026-03-19T20:00:00+05:00'), '2 workingDays');
    expect(e.arrived).toEqual({ date: '2026-03-19', time: '20:00', weekday: 4 });
    expect(e.registered).toEqual({ date: '2026-03-20', time: '09:00', weekday: 5 });
    expect(e.registration.map((x) => x.code)).toEqual(['registration.afterHours', 'registration.at']);
    expect(e.due).toEqual({ date: '2026-03-27', time: '18:30', weekday: 5 });
    expect(e.skipped.map((s) => [s.date, s.kind])).toEqual([
      ['2026-03-21', 'holiday'],
      ['2026-03-22', 'holiday'],
      ['2026-03-23', 'holiday'],
      ['2026-03-24', 'movedHoliday'],
      ['2026-03-25', 'movedHoliday'],
    ]);
    expect(new Set(e.skipped.map((s) => s.holiday?.en))).toEqual(new Set(['Nauryz']));
  });

  test('calendar days count days off: nothing skipped unless the last day falls on one and moves', () => {
    expect(skipped('2026-03-13T10:00:00+05:00', '7 calendarDays')).toEqual([]);
    const e = explainDue(wt, Date.parse('2026-03-13T10:00:00+05:00'), '8 calendarDays');
    expect(e.due.date).toBe('2026-03-26');
    expect(e.skipped.map((s) => s.date)).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
    ]);
  });

  test('working hours skip the nights and days off between', () => {
    const e = explainDue(wt, Date.parse('2026-12-18T17:00:00+05:00'), '4 workingHours');
    expect(e.due).toEqual({ date: '2026-12-21', time: '11:30', weekday: 1 });
    expect(e.skipped.map((s) => s.date)).toEqual(['2026-12-19', '2026-12-20']);
  });

  test('the counting of a case is applied (the event day counted)', () => {
    const e = explainDue(wt, Date.parse('2026-12-18T10:00:00+05:00'), '1 workingDays', { start: 'sameDay' });
    expect(e.due).toEqual({ date: '2026-12-18', time: '18:30', weekday: 5 });
    expect(e.skipped).toEqual([]);
  });

  test('a term past the calendar, or a duration the engine cannot read, is an error in the reader’s language', () => {
    const out = (at: string, d: string) => {
      try {
        explainDue(wt, Date.parse(at), d);
        return 'no error';
      } catch (e) {
        return problemText(e, 'ru');
      }
    };
    // Years after the data are computed (provisional) up to 2100; past it the calendar refuses.
    expect(out('2027-12-30T10:00:00+05:00', '3 workingDays')).toBe('no error');
    expect(out('2100-12-30T10:00:00+05:00', '3 workingDays')).toMatch(/^term end: данные календаря охватывают/);
    expect(out('2026-12-18T10:00:00+05:00', '2 weeks')).toMatch(/^Неизвестная единица срока "weeks"/);
  });

  test('dates and weekdays without a zone', () => {
    expect(weekdayOf('2026-12-18')).toBe(5);
    expect(weekdayOf('2026-12-20')).toBe(7);
    expect(dottedDate('2026-12-18')).toBe('18.12');
    expect(dottedDate('2026-12-18', true)).toBe('18.12.2026');
  });
});
