import fc from 'fast-check';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime } from './compileWorkingTime';
import { formatInstant } from './formatInstant';

// formatInstant's fast path (compiled per-day offsets) must agree with luxon's IANA formatting everywhere,
// including the night Asia/Almaty moved from UTC+6 to UTC+5 (2024-03-01 00:00 local).
const defs = join(__dirname, '../../../definitions/calendars');
const wt = compileWorkingTime(
  JSON.parse(readFileSync(join(defs, 'kz.calendar.json'), 'utf8')),
  JSON.parse(readFileSync(join(defs, 'schedules/provider-default.schedule.json'), 'utf8')),
);
const luxon = (ms: number) => DateTime.fromMillis(ms, { zone: 'Asia/Almaty' }).toISO({ suppressMilliseconds: true });

test('agrees with luxon on any instant of the calendar', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(2012, 0, 1), max: Date.UTC(2027, 11, 31) }),
      (ms) => formatInstant(wt, ms) === luxon(ms),
    ),
    { numRuns: 20_000 },
  );
});

test('agrees with luxon minute by minute across the change of offset', () => {
  for (let ms = Date.UTC(2024, 1, 29, 12); ms < Date.UTC(2024, 1, 29, 22); ms += 60_000)
    expect(formatInstant(wt, ms)).toBe(luxon(ms));
  expect(formatInstant(wt, Date.UTC(2024, 1, 29, 17, 59))).toBe('2024-02-29T23:59:00+06:00');
  expect(formatInstant(wt, Date.UTC(2024, 1, 29, 18, 0))).toBe('2024-02-29T23:00:00+05:00');
});
