import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addDuration,
  compileWorkingTime,
  isProvisional,
  parseInstant,
  type CalendarData,
  type Explanation,
  type ScheduleData,
} from '../calendar';
import type { DeadlineState } from './applicationState';
import { provisionalOf, withExplanation } from './lazyExplanation';

const repo = join(__dirname, '../../..');
const read = <T>(rel: string): T => JSON.parse(readFileSync(join(repo, rel), 'utf8')) as T;
const wt = compileWorkingTime(
  read<CalendarData>('definitions/calendars/kz.calendar.json'),
  read<ScheduleData>('definitions/calendars/schedules/provider-default.schedule.json'),
);

/** A calendar result that counts how often its explanation is built. */
function counted(at: string, duration = '5 workingDays') {
  const r = addDuration(wt, parseInstant(at), { amount: Number(duration.split(' ')[0]), unit: 'workingDays' });
  const source = {
    builds: 0,
    provisional: r.provisional,
    get explanation(): Explanation[] {
      source.builds++;
      return r.explanation;
    },
  };
  return { r, source };
}

const entry = (): Omit<DeadlineState, 'explanation'> => ({
  id: 'service',
  dueAt: '2026-03-13T18:30:00+05:00',
  startedAt: '2026-03-06T10:00:00+05:00',
  duration: '5 workingDays',
  status: 'running',
});

describe('withExplanation', () => {
  test('builds nothing until read; then JSON, spreads and equality see the explanation as a plain property', () => {
    const { r, source } = counted('2026-03-06T10:00:00+05:00');
    const d = withExplanation<DeadlineState>(entry(), source);
    expect(source.builds).toBe(0);
    expect(Object.keys(d)).toEqual(['id', 'dueAt', 'startedAt', 'duration', 'status', 'explanation']);
    const json = JSON.parse(JSON.stringify(d)) as DeadlineState;
    expect(json.explanation).toEqual(r.explanation);
    expect(json.explanation.length).toBeGreaterThan(0);
    expect({ ...d }).toEqual({ ...entry(), explanation: r.explanation });
    expect(structuredClone(d)).toEqual({ ...entry(), explanation: r.explanation });
    expect(source.builds).toBe(1);
  });

  test('two entries of one source share one explanation; assigning replaces it', () => {
    const { source } = counted('2026-03-06T10:00:00+05:00');
    const a = withExplanation<DeadlineState>(entry(), source);
    const b = withExplanation<DeadlineState>(entry(), source);
    expect(a.explanation).toBe(a.explanation);
    const replacement: Explanation[] = [{ code: 'x', text: { kk: 'к', ru: 'р', en: 'e' } }];
    b.explanation = replacement;
    expect(b.explanation).toBe(replacement);
    expect(JSON.parse(JSON.stringify(b)).explanation).toEqual(replacement);
    expect(a.explanation).not.toBe(replacement);
  });

  test('provisionalOf answers isProvisional without building the texts, on settled and provisional years', () => {
    // 2026 is settled; a deadline running into a year past the calendar's data rests on provisional days.
    for (const at of ['2026-03-06T10:00:00+05:00', '2026-12-28T10:00:00+05:00', '2035-06-01T10:00:00+05:00']) {
      const { r, source } = counted(at);
      const d = withExplanation<DeadlineState>(entry(), source);
      expect({ at, p: provisionalOf(d) }).toEqual({ at, p: isProvisional(r.explanation) });
      expect(source.builds).toBe(0);
      // A copy (as the runtime's state copy makes) answers from its plain explanation.
      expect(provisionalOf({ ...d })).toBe(isProvisional(r.explanation));
    }
    expect(provisionalOf(withExplanation<DeadlineState>(entry(), counted('2035-06-01T10:00:00+05:00').source))).toBe(
      true,
    );
  });

  test('a new source on the same entry (a resumed deadline) brings its own flag; an assigned explanation is read', () => {
    const provisional = counted('2035-06-01T10:00:00+05:00').source;
    const settled = counted('2026-03-06T10:00:00+05:00').source;
    const d = withExplanation<DeadlineState>(entry(), provisional);
    withExplanation<DeadlineState>(d, settled);
    expect(provisionalOf(d)).toBe(false);
    d.explanation = provisional.explanation;
    expect(provisionalOf(d)).toBe(true);
  });
});
