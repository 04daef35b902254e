// Local midnights read through Intl must be luxon's, to the millisecond: compileWorkingTime used to ask luxon for
// each of them, and every stored deadline was computed on those tables.
import { DateTime, Settings } from 'luxon';
import { civilFromDays, daysFromCivil } from './civilDate';
import { fillMidnights, midnightReader } from './localMidnights';

const luxonMidnight = (epochDay: number, zone: string) => {
  const dt = DateTime.fromObject(civilFromDays(epochDay), { zone });
  return { ms: dt.toMillis(), offset: dt.offset };
};

// Luxon's first guess of a midnight's offset is the offset now, and for a midnight that occurs twice its answer
// depends on it: every comparison runs at a fixed winter and summer "now".
const WINTER = Date.UTC(2025, 0, 15);
const SUMMER = Date.UTC(2025, 6, 15);
const realNow = Settings.now;
afterEach(() => {
  Settings.now = realNow;
});
const at = (now: number) => {
  Settings.now = () => now;
};

const ZONES = [
  'Asia/Almaty', // +6 → +5 at 2024-03-01 00:00
  'Asia/Aqtobe',
  'Europe/Moscow', // permanent +4 in 2011, +3 in 2014
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe', // 30-minute DST
  'America/Havana', // DST starts at 00:00 (no midnight) and ends at 01:00 (midnight twice)
  'America/Santiago', // DST starts at 00:00
  'Pacific/Apia', // skipped 2011-12-30
];

// Every day of 2005–2030 (the changes of Almaty, Moscow and Apia among them), every fifth day around them: luxon's
// reference values are most of the suite's time.
describe('midnights 1990–2100 equal luxon’s (ms and offset), read day by day and a week at a time', () => {
  const first = daysFromCivil(1990, 1, 1);
  const n = daysFromCivil(2100, 12, 31) - first;
  const dense = [daysFromCivil(2005, 1, 1) - first, daysFromCivil(2030, 12, 31) - first];
  test.each(ZONES)('%s', (zone) => {
    at(WINTER);
    const read = midnightReader(zone)!;
    const dayStart = new Float64Array(n + 1);
    const offsetMinutes = new Int16Array(n + 1);
    expect(fillMidnights(first, n, zone, dayStart, offsetMinutes)).toBe(true);
    const wrong: string[] = [];
    for (let i = 0; i <= n; i += i >= dense[0] && i < dense[1] ? 1 : 5) {
      const want = luxonMidnight(first + i, zone);
      const got = read(first + i);
      if (
        got.ms !== want.ms ||
        got.offset !== want.offset ||
        dayStart[i] !== want.ms ||
        offsetMinutes[i] !== want.offset
      )
        wrong.push(`${JSON.stringify(civilFromDays(first + i))}: ${JSON.stringify(want)} ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a midnight that occurs twice resolves as luxon resolves it, whatever the season now', () => {
  const first = daysFromCivil(1990, 1, 1);
  const last = daysFromCivil(2040, 12, 31);
  // Winter is checked above; the summer answers differ on Havana's first Sundays of November.
  test.each(['America/Havana', 'America/Santiago'])('%s 1990–2040 in summer', (zone) => {
    at(SUMMER);
    const read = midnightReader(zone)!;
    const wrong: number[] = [];
    for (let e = first; e <= last; e++) {
      const want = luxonMidnight(e, zone);
      const got = read(e);
      if (got.ms !== want.ms || got.offset !== want.offset) wrong.push(e);
    }
    expect(wrong.map((e) => civilFromDays(e))).toEqual([]);
  });

  test('Havana 2024-11-03: clocks go back at 01:00, so 00:00 is read at -05:00 in winter and -04:00 in summer', () => {
    const e = daysFromCivil(2024, 11, 3);
    at(WINTER);
    expect(midnightReader('America/Havana')!(e)).toEqual({ ms: Date.parse('2024-11-03T00:00:00-05:00'), offset: -300 });
    at(SUMMER);
    expect(midnightReader('America/Havana')!(e)).toEqual({ ms: Date.parse('2024-11-03T00:00:00-04:00'), offset: -240 });
  });
});

describe('days without a midnight get luxon’s instant', () => {
  test('Havana 2024-03-10 (00:00 → 01:00): 01:00 at -04:00', () => {
    at(WINTER);
    expect(midnightReader('America/Havana')!(daysFromCivil(2024, 3, 10))).toEqual({
      ms: Date.parse('2024-03-10T01:00:00-04:00'),
      offset: -240,
    });
  });

  test('Apia skipped 2011-12-30: that day starts and ends at 2011-12-31 00:00 +14:00', () => {
    at(WINTER);
    const read = midnightReader('Pacific/Apia')!;
    const dec31 = { ms: Date.parse('2011-12-31T00:00:00+14:00'), offset: 840 };
    expect(read(daysFromCivil(2011, 12, 29))).toEqual({ ms: Date.parse('2011-12-29T00:00:00-10:00'), offset: -600 });
    expect(read(daysFromCivil(2011, 12, 30))).toEqual(dec31);
    expect(read(daysFromCivil(2011, 12, 31))).toEqual(dec31);
  });
});

describe('zones luxon does not read through Intl, and unknown zones', () => {
  test.each(['utc', 'UTC+3', 'Etc/GMT-5'])('%s equals luxon', (zone) => {
    const read = midnightReader(zone)!;
    for (let e = daysFromCivil(2024, 1, 1); e <= daysFromCivil(2024, 12, 31); e++)
      expect(read(e)).toEqual(luxonMidnight(e, zone));
  });

  test('days before the year 1000 equal luxon', () => {
    for (const zone of ['Asia/Almaty', 'America/New_York'])
      for (let e = daysFromCivil(999, 12, 1); e <= daysFromCivil(1000, 1, 31); e++)
        expect(midnightReader(zone)!(e)).toEqual(luxonMidnight(e, zone));
  });

  test('an unknown zone has no reader and fills nothing', () => {
    expect(midnightReader('Mars/Olympus_Mons')).toBeUndefined();
    expect(fillMidnights(0, 7, 'Mars/Olympus_Mons', new Float64Array(8), new Int16Array(8))).toBe(false);
  });
});
