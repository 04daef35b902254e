import { ProblemError } from '../errors/problem';
import { addDuration } from './addDuration';
import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';
import { parseDuration } from './parseDuration';
import { parseInstant } from './parseInstant';
import { resumeDeadline } from './resumeDeadline';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

/**
 * Seconds as a unit and clock counting, from the acts' words: seed 002 Annex 2 «30 секунд (бұдан әрі - сек)»
 * (L696–697), «30 сек - 1 минут» (L693–694); seed 001 «сұранымын өңдеу ұзақтығы – 20 (жиырма) минут» (L231–232),
 * which does not pause for lunch.
 */
const wt = compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData);
const p = parseInstant;
const f = (ms: number) => formatInstant(wt, ms);

describe('seconds as a unit', () => {
  test('"30 seconds" parses, decimals too; the unit is listed among the allowed ones', () => {
    expect(parseDuration('30 seconds')).toEqual({ amount: 30, unit: 'seconds' });
    expect(parseDuration('1.5 seconds')).toEqual({ amount: 1.5, unit: 'seconds' });
    expect(() => parseDuration('30 secs')).toThrow(/seconds/);
  });

  test('30 clock seconds are explained as "30 секунд" in kk and ru', () => {
    const r = addDuration(wt, p('2025-06-03T10:00:00+05:00'), parseDuration('30 seconds'), { clock: true });
    expect(f(r.dueAt)).toBe('2025-06-03T10:00:30+05:00');
    const start = r.explanation[0];
    expect(start.code).toBe('term.start');
    expect(start.text.kk).toMatch(/^Мерзім: 30 секунд; /);
    expect(start.text.ru).toMatch(/^Срок: 30 секунд; /);
    expect(start.text.en).toMatch(/^Term: 30 seconds; /);
    const end = r.explanation[r.explanation.length - 1];
    expect(end.text.ru).toBe('Срок истекает 03.06.2025 в 10:00:30.');
  });

  test('Russian plural of seconds follows the numeral (1 секунда, 2 секунды, 5 секунд, 21 секунда)', () => {
    const ru = (n: number) =>
      addDuration(wt, p('2025-06-03T10:00:00+05:00'), { amount: n, unit: 'seconds' }, { clock: true }).explanation[0]
        .text.ru;
    expect(ru(1)).toMatch(/^Срок: 1 секунда;/);
    expect(ru(2)).toMatch(/^Срок: 2 секунды;/);
    expect(ru(5)).toMatch(/^Срок: 5 секунд;/);
    expect(ru(21)).toMatch(/^Срок: 21 секунда;/);
  });

  test('working seconds skip lunch like working minutes', () => {
    const r = addDuration(wt, p('2025-06-03T12:59:50+05:00'), parseDuration('30 seconds'));
    expect(f(r.dueAt)).toBe('2025-06-03T14:30:20+05:00');
    expect(r.explanation[0].text.ru).toMatch(/^Срок: 30 секунд рабочего времени; /);
  });
});

describe('clock counting (counting.clock)', () => {
  test('seed 001 L231–232: 20 minutes from 12:50 end at 13:10, not after lunch', () => {
    const clock = addDuration(wt, p('2025-06-03T12:50:00+05:00'), parseDuration('20 minutes'), { clock: true });
    expect(f(clock.dueAt)).toBe('2025-06-03T13:10:00+05:00');
    expect(clock.explanation[0].text.ru).toBe('Срок: 20 минут; с 03.06.2025 12:50 время считается непрерывно.');
    const working = addDuration(wt, p('2025-06-03T12:50:00+05:00'), parseDuration('20 minutes'));
    expect(f(working.dueAt)).toBe('2025-06-03T14:40:00+05:00');
  });

  test('clock counting of a term in days or working hours is a calendar.badCounting problem', () => {
    for (const d of ['3 workingDays', '10 calendarDays', '1 months', '2 workingHours']) {
      const attempt = () => addDuration(wt, p('2025-06-03T10:00:00+05:00'), parseDuration(d), { clock: true });
      expect(attempt).toThrow(ProblemError);
      expect(attempt).toThrow(
        expect.objectContaining({ problem: expect.objectContaining({ code: 'calendar.badCounting' }) }),
      );
    }
  });

  test('a suspended clock term in seconds resumes with the seconds left', () => {
    const due = addDuration(wt, p('2025-06-03T10:00:00+05:00'), parseDuration('30 seconds'), { clock: true }).dueAt;
    const r = resumeDeadline(wt, due, p('2025-06-03T10:00:10+05:00'), p('2025-06-03T11:00:00+05:00'), 'seconds', {
      clock: true,
    });
    expect(f(r.dueAt)).toBe('2025-06-03T11:00:20+05:00');
    expect(r.explanation[0].text.ru).toBe(
      'На момент приостановления оставалось 20 секунд; остаток срока исчисляется с момента возобновления.',
    );
  });
});
