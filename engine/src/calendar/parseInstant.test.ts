import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';
import { parseDuration } from './parseDuration';
import { parseInstant } from './parseInstant';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

const wt = compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData);

describe('edges: parseInstant, parseDuration, formatInstant', () => {
  test.each([
    ['2025-06-03T18:30:00+05:00', Date.UTC(2025, 5, 3, 13, 30)],
    ['2025-06-03T13:30:00Z', Date.UTC(2025, 5, 3, 13, 30)],
    ['2025-06-03T13:30Z', Date.UTC(2025, 5, 3, 13, 30)],
    ['2024-02-29T23:30:00.250+06:00', Date.UTC(2024, 1, 29, 17, 30, 0, 250)],
  ])('parseInstant(%s)', (iso, ms) => expect(parseInstant(iso)).toBe(ms));

  test.each(['2025-06-03T18:30:00', '2025-06-03', 'yesterday', '2025-02-30T10:00:00+05:00', '2025-06-03 18:30+05:00'])(
    'parseInstant refuses %s with calendar.badInstant',
    (iso) =>
      expect(() => parseInstant(iso)).toThrow(
        expect.objectContaining({ problem: expect.objectContaining({ code: 'calendar.badInstant' }) }),
      ),
  );

  test.each([
    ['3 workingDays', { amount: 3, unit: 'workingDays' }],
    [' 10 calendarDays ', { amount: 10, unit: 'calendarDays' }],
    ['1.5 workingHours', { amount: 1.5, unit: 'workingHours' }],
    ['15 minutes', { amount: 15, unit: 'minutes' }],
  ])('parseDuration(%s)', (s, d) => expect(parseDuration(s)).toEqual(d));

  test('an unknown unit names the allowed ones', () => {
    expect(() => parseDuration('3 days')).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          code: 'calendar.unknownUnit',
          params: expect.objectContaining({ unit: 'days' }),
        }),
      }),
    );
    expect(() => parseDuration('3 days')).toThrow(/Allowed: workingDays, calendarDays, months, workingHours, minutes/);
  });
  test.each(['workingDays', '-1 workingDays', '1.5 workingDays'])('parseDuration refuses "%s"', (s) =>
    expect(() => parseDuration(s)).toThrow(),
  );

  test('formatInstant uses the offset in force at the instant', () => {
    expect(formatInstant(wt, Date.UTC(2025, 5, 3, 13, 30))).toBe('2025-06-03T18:30:00+05:00');
    expect(formatInstant(wt, Date.UTC(2024, 1, 29, 17, 59))).toBe('2024-02-29T23:59:00+06:00');
    expect(formatInstant(wt, Date.UTC(2024, 1, 29, 18, 0))).toBe('2024-02-29T23:00:00+05:00');
    expect(formatInstant(wt, Date.UTC(2024, 1, 29, 18, 59, 59, 999))).toBe('2024-02-29T23:59:59.999+05:00');
  });
});

describe('parseInstant answers as luxon does', () => {
  /** The reference: luxon's ISO reading, as parseInstant was before its Date.parse fast path. */
  const byLuxon = (iso: string): number | 'refused' => {
    const dt = DateTime.fromISO(iso, { setZone: true });
    return dt.isValid ? dt.toMillis() : 'refused';
  };
  const ours = (iso: string): number | 'refused' => {
    try {
      return parseInstant(iso);
    } catch {
      return 'refused';
    }
  };
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
  const instant = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two(13),
      two(32),
      two(25),
      two(61),
      fc.option(two(61), { nil: undefined }),
      fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
      fc.oneof(
        fc.constant('Z'),
        fc.tuple(fc.constantFrom('+', '-'), two(30), two(99)).map((p) => p.join('')),
      ),
    )
    .map(([y, mo, d, h, mi, s, frac, off]) => {
      const sec = s === undefined ? '' : `:${s}${frac === undefined ? '' : `.${frac}`}`;
      const zone = off === 'Z' ? 'Z' : `${off.slice(0, 3)}:${off.slice(3)}`;
      return `${y}-${mo}-${d}T${h}:${mi}${sec}${zone}`;
    });

  test('on instants of every shape the pattern admits, possible or not (30 February, 24:00, +25:00)', () => {
    fc.assert(
      fc.property(instant, (iso) => expect({ iso, ms: ours(iso) }).toEqual({ iso, ms: byLuxon(iso) })),
      { numRuns: 3000 },
    );
  });

  test.each([
    '2024-02-29T10:00:00+05:00',
    '2100-02-29T10:00:00Z',
    '2025-06-03T24:00:00+05:00',
    '2025-06-03T10:00:00+24:00',
    '0000-01-01T24:00Z',
  ])('%s', (iso) => expect(ours(iso)).toEqual(byLuxon(iso)));
});
