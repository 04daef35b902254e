import { DateTime, Info, Settings } from 'luxon';
import { civilFromDays, daysFromCivil } from './civilDate';

const DAY_MS = 86_400_000;
/** Offsets are read every STRIDE days; a zone changes its offset at most twice a year, never twice in a week. */
const STRIDE = 7;
/** Before this day midnights go through luxon: Intl prints years BC without a sign and Date.UTC reads 0–99 as 19xx. */
const FAST_FROM = daysFromCivil(1000, 1, 1);

export interface Midnight {
  /** Epoch ms of the local midnight (or, when the midnight falls in a gap, the instant luxon gives for it). */
  ms: number;
  /** UTC offset in minutes at that instant. */
  offset: number;
}

const fields: string[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];
/** One formatter per zone (its construction costs more than a hundred readings) and where its fields are. */
const formats = new Map<string, { format: Intl.DateTimeFormat; order: number[] } | null>();

function zoneFormat(zone: string) {
  let known = formats.get(zone);
  if (known === undefined) {
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      // The position of year, month, day, hour, minute, second among the numbers of format()'s output.
      const types: string[] = format
        .formatToParts(0)
        .map((p) => p.type)
        .filter((t) => t !== 'literal');
      const order = fields.map((t) => types.indexOf(t));
      known = types.length === 6 && !order.includes(-1) ? { format, order } : null;
    } catch {
      known = null; // RangeError: a zone ICU does not know; luxon then says so
    }
    formats.set(zone, known);
  }
  return known;
}

const numbers = [0, 0, 0, 0, 0, 0];

/**
 * The zone's UTC offset in minutes at epoch ms `ts`, computed as luxon's IANAZone.offset computes it (wall clock read
 * as UTC minus the instant floored to the second), so that the midnights below equal luxon's to the bit.
 */
function offsetReader(format: Intl.DateTimeFormat, order: number[]) {
  return (ts: number): number => {
    const date = new Date(ts);
    const s = format.format(date);
    let k = -1;
    let inNumber = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c >= 0 && c <= 9) {
        if (!inNumber) {
          inNumber = true;
          if (++k < 6) numbers[k] = 0;
        }
        if (k < 6) numbers[k] = numbers[k] * 10 + c;
      } else inNumber = false;
    }
    if (k !== 5) {
      // Not six numbers (no ICU prints so today): take the fields by name.
      for (const p of format.formatToParts(date)) {
        const at = fields.indexOf(p.type);
        if (at >= 0) numbers[order[at]] = parseInt(p.value, 10);
      }
    }
    const hour = numbers[order[3]];
    const asUTC = Date.UTC(
      numbers[order[0]],
      numbers[order[1]] - 1,
      numbers[order[2]],
      hour === 24 ? 0 : hour,
      numbers[order[4]],
      numbers[order[5]],
      0,
    );
    let asTS = +date;
    const over = asTS % 1000;
    asTS -= over >= 0 ? over : 1000 + over;
    return (asUTC - asTS) / (60 * 1000);
  };
}

/**
 * Luxon's fixOffset: the instant of local time `localTS` (wall clock as UTC ms), starting from the offset guess `o`.
 * A wall time in a gap (clocks moved forward over it) gets the earlier offset's reading and the later offset; a wall
 * time that occurs twice gets whichever of the two the guess lands on first.
 */
function fixOffset(localTS: number, o: number, offsetAt: (ts: number) => number): Midnight {
  let utcGuess = localTS - o * 60 * 1000;
  const o2 = offsetAt(utcGuess);
  if (o === o2) return { ms: utcGuess, offset: o };
  utcGuess -= (o2 - o) * 60 * 1000;
  const o3 = offsetAt(utcGuess);
  if (o2 === o3) return { ms: utcGuess, offset: o2 };
  return { ms: localTS - Math.min(o2, o3) * 60 * 1000, offset: Math.max(o2, o3) };
}

/**
 * Reads local midnights of epoch days in `zone` exactly as `DateTime.fromObject({ year, month, day }, { zone })`
 * (its toMillis() and offset) does, or undefined when the zone is unknown to this runtime.
 * An IANA zone is read through one cached Intl.DateTimeFormat; like luxon, the first guess of every midnight's offset
 * is the offset now (Settings.now), so that a midnight that occurs twice resolves as luxon resolves it. Other zones
 * (utc, fixed offsets, the system zone) and days before the year 1000 are asked of luxon.
 */
export function midnightReader(zone: string): ((epochDay: number) => Midnight) | undefined {
  const z = Info.normalizeZone(zone);
  if (!z.isValid) return undefined;
  const viaLuxon = (epochDay: number): Midnight => {
    const { year, month, day } = civilFromDays(epochDay);
    const dt = DateTime.fromObject({ year, month, day }, { zone });
    return { ms: dt.toMillis(), offset: dt.offset };
  };
  const f = z.type === 'iana' ? zoneFormat(z.name) : null;
  if (!f) return viaLuxon;
  const offsetAt = offsetReader(f.format, f.order);
  const guess = offsetAt(Settings.now());
  return (epochDay) => (epochDay < FAST_FROM ? viaLuxon(epochDay) : fixOffset(epochDay * DAY_MS, guess, offsetAt));
}

/**
 * Local midnights and their offsets for days [0, n] from epoch day `first`; false when the zone is unknown. The zone
 * is read once a week; between two reads with the same offset a midnight is the previous one plus 24 h, and a week
 * whose ends differ is read day by day. ~33,000 days up to the horizon then cost ~5,000 readings instead of ~33,000.
 */
export function fillMidnights(
  first: number,
  n: number,
  zone: string,
  dayStart: Float64Array,
  offsetMinutes: Int16Array,
): boolean {
  const midnight = midnightReader(zone);
  if (!midnight) return false;
  const read = (i: number) => {
    const m = midnight(first + i);
    dayStart[i] = m.ms;
    offsetMinutes[i] = m.offset;
  };
  read(0);
  for (let a = 0; a < n; a += STRIDE) {
    const b = Math.min(a + STRIDE, n);
    read(b);
    if (offsetMinutes[a] === offsetMinutes[b] && dayStart[b] - dayStart[a] === (b - a) * DAY_MS) {
      for (let i = a + 1; i < b; i++) {
        dayStart[i] = dayStart[a] + (i - a) * DAY_MS;
        offsetMinutes[i] = offsetMinutes[a];
      }
    } else for (let i = a + 1; i < b; i++) read(i);
  }
  return true;
}
