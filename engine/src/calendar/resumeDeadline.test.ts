import { addDuration } from './addDuration';
import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';
import { parseInstant } from './parseInstant';
import { resumeDeadline } from './resumeDeadline';
import { subtractWorkingDays } from './subtractWorkingDays';
import { workingDaysBetween } from './workingDaysBetween';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

const wt = compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData);
const p = parseInstant;
const f = (ms: number) => formatInstant(wt, ms);

describe('suspension, extension, "N working days before"', () => {
  test('workingDaysBetween counts working days after the first day up to the second, skipping Nauryz', () => {
    expect(workingDaysBetween(wt, p('2025-03-20T10:00:00+05:00'), p('2025-03-28T18:30:00+05:00'))).toBe(3);
    expect(workingDaysBetween(wt, p('2025-03-28T18:30:00+05:00'), p('2025-03-20T10:00:00+05:00'))).toBe(-3);
    expect(workingDaysBetween(wt, p('2025-06-03T10:00:00+05:00'), p('2025-06-03T17:00:00+05:00'))).toBe(0);
  });

  test('the remaining working days run again from resumption', () => {
    // Registered Mon 2 June 2025, 5 working days: Tue 3, Wed 4, Thu 5, (Fri 6 Kurban ait), Mon 9, Tue 10.
    const due = addDuration(wt, p('2025-06-02T10:00:00+05:00'), { amount: 5, unit: 'workingDays' }).dueAt;
    expect(f(due)).toBe('2025-06-10T18:30:00+05:00');
    // Suspended Wed 4 June: Thu 5, Mon 9 and Tue 10 are left (Wed 4 counts as used).
    const suspended = p('2025-06-04T11:00:00+05:00');
    expect(workingDaysBetween(wt, suspended, due)).toBe(3);
    const r = resumeDeadline(wt, due, suspended, p('2025-06-16T10:00:00+05:00'), 'workingDays');
    expect(f(r.dueAt)).toBe('2025-06-19T18:30:00+05:00');
    expect(r.explanation[0].code).toBe('suspension.remaining');
    expect(r.explanation[0].text.ru).toContain('3 рабочих дня');
  });

  test('working hours left at suspension are added again from resumption', () => {
    const due = p('2025-06-03T16:00:00+05:00');
    const r = resumeDeadline(wt, due, p('2025-06-03T12:00:00+05:00'), p('2025-06-04T17:00:00+05:00'), 'workingHours');
    // 12:00→13:00 and 14:30→16:00 = 2.5 h left; 17:00→18:30 then 09:00→10:00.
    expect(f(r.dueAt)).toBe('2025-06-05T10:00:00+05:00');
  });

  test('calendar days left at suspension, with the shift off a weekend', () => {
    const r = resumeDeadline(
      wt,
      p('2025-06-20T23:59:59.999+05:00'),
      p('2025-06-10T10:00:00+05:00'),
      p('2025-06-18T10:00:00+05:00'),
      'calendarDays',
    );
    // 10 days left; 18 June + 10 = Sat 28 June → Mon 30 June 18:30.
    expect(f(r.dueAt)).toBe('2025-06-30T18:30:00+05:00');
  });

  test('an extension is addDuration from the original due instant', () => {
    const due = p('2025-03-20T18:30:00+05:00');
    expect(f(addDuration(wt, due, { amount: 2, unit: 'workingDays' }).dueAt)).toBe('2025-03-27T18:30:00+05:00');
  });

  test('"not later than 2 working days before the end of the term" skips Nauryz backwards', () => {
    const r = subtractWorkingDays(wt, p('2025-03-27T18:30:00+05:00'), 2);
    expect(f(r.dueAt)).toBe('2025-03-20T18:30:00+05:00');
    expect(r.explanation.filter((e) => e.code === 'day.skipped')).toHaveLength(5);
    expect(subtractWorkingDays(wt, p('2025-03-27T18:30:00+05:00'), 0).dueAt).toBe(p('2025-03-27T18:30:00+05:00'));
  });
});
