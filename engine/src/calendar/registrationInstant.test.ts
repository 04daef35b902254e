import type { CalendarData, ScheduleData } from './calendarData';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';
import { parseInstant } from './parseInstant';
import { registrationInstant } from './registrationInstant';
import calendar from './testdata/fixture.calendar.json';
import schedules from './testdata/fixture.schedules.json';

const wt = compileWorkingTime(calendar as CalendarData, schedules['provider-default'] as ScheduleData);
const rtc = compileWorkingTime(calendar as CalendarData, schedules['round-the-clock'] as ScheduleData);

describe('registrationInstant (Labour Code; seeds 000 §7, 003)', () => {
  test.each([
    ['during working hours: at once', '2025-06-03T10:00:00+05:00', '2025-06-03T10:00:00+05:00', 'registration.inHours'],
    [
      'during the lunch break: at once',
      '2025-06-03T13:45:00+05:00',
      '2025-06-03T13:45:00+05:00',
      'registration.inHours',
    ],
    [
      'at 08:59: at opening the same day',
      '2025-06-03T08:59:00+05:00',
      '2025-06-03T09:00:00+05:00',
      'registration.beforeOpening',
    ],
    [
      'at 18:31: next working day 09:00',
      '2025-06-03T18:31:00+05:00',
      '2025-06-04T09:00:00+05:00',
      'registration.afterHours',
    ],
    [
      'at 18:30:00 sharp: closed (half-open hours)',
      '2025-06-03T18:30:00+05:00',
      '2025-06-04T09:00:00+05:00',
      'registration.afterHours',
    ],
    ['at 18:29:59: at once', '2025-06-03T18:29:59+05:00', '2025-06-03T18:29:59+05:00', 'registration.inHours'],
    ['on Saturday: Monday 09:00', '2025-06-07T11:00:00+05:00', '2025-06-09T09:00:00+05:00', 'registration.dayOff'],
    [
      'on Kurban ait (Friday 6 June 2025): Monday 09:00',
      '2025-06-06T10:00:00+05:00',
      '2025-06-09T09:00:00+05:00',
      'registration.dayOff',
    ],
    [
      'Friday evening before the 8 March weekend: Tuesday 11 March',
      '2025-03-07T19:00:00+05:00',
      '2025-03-11T09:00:00+05:00',
      'registration.afterHours',
    ],
    [
      'Thursday evening before Nauryz 2025: Wednesday 26 March',
      '2025-03-20T18:31:00+05:00',
      '2025-03-26T09:00:00+05:00',
      'registration.afterHours',
    ],
    [
      'evening of 29 Feb 2024 (UTC+6): 1 March 09:00 UTC+5',
      '2024-02-29T19:00:00+06:00',
      '2024-03-01T09:00:00+05:00',
      'registration.afterHours',
    ],
    [
      'the repeated hour 23:30 UTC+5 of 29 Feb 2024',
      '2024-02-29T23:30:00+05:00',
      '2024-03-01T09:00:00+05:00',
      'registration.afterHours',
    ],
    [
      '00:30 on 1 March 2024 (UTC+5): 09:00 the same day',
      '2024-03-01T00:30:00+05:00',
      '2024-03-01T09:00:00+05:00',
      'registration.beforeOpening',
    ],
    [
      'on the working Sunday 5 January 2025: at once',
      '2025-01-05T10:00:00+05:00',
      '2025-01-05T10:00:00+05:00',
      'registration.inHours',
    ],
  ])('%s', (_, arrived, expected, code) => {
    const r = registrationInstant(wt, parseInstant(arrived));
    expect(formatInstant(wt, r.registeredAt)).toBe(expected);
    expect(r.explanation[0].code).toBe(code);
  });

  test('a holiday weekend is explained day by day', () => {
    const r = registrationInstant(wt, parseInstant('2025-03-07T19:00:00+05:00'));
    expect(r.explanation.map((e) => [e.code, e.date, e.params?.reason])).toEqual([
      ['registration.afterHours', '2025-03-07', undefined],
      ['day.skipped', '2025-03-08', 'holiday'],
      ['day.skipped', '2025-03-09', 'weekend'],
      ['day.skipped', '2025-03-10', 'movedHoliday'],
      ['registration.at', '2025-03-11', undefined],
    ]);
    expect(r.explanation[3].text.kk).toContain('Халықаралық әйелдер күні');
    expect(r.explanation[4].text.ru).toBe('Время регистрации: 11.03.2025, 09:00.');
  });

  test('a day off of arrival is itself explained', () => {
    const r = registrationInstant(wt, parseInstant('2025-06-06T10:00:00+05:00'));
    expect(r.explanation.filter((e) => e.code === 'day.skipped').map((e) => e.date)).toEqual([
      '2025-06-06',
      '2025-06-07',
      '2025-06-08',
    ]);
  });

  test.each(['2025-06-07T03:00:00+05:00', '2025-06-06T23:59:59+05:00', '2025-03-22T12:00:00+05:00'])(
    'round-the-clock registers at once (%s)',
    (arrived) => {
      const r = registrationInstant(rtc, parseInstant(arrived));
      expect(r.registeredAt).toBe(parseInstant(arrived));
      expect(r.explanation.map((e) => e.code)).toEqual(['registration.inHours']);
    },
  );
});
