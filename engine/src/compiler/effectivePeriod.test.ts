import type { Act } from '../format/types';
import { addCalendarDays } from '../calendar';
import { resolveEffectiveFrom } from './effectivePeriod';

const act = (publication: Act['publication']): Record<string, Act> => ({
  order: {
    type: 'order',
    title: { kk: 'Бұйрық', ru: 'Приказ' },
    status: 'in-force',
    publication,
    entryIntoForce: { afterPublication: { act: 'order', calendarDays: 10 } },
  },
});

describe('effective dates', () => {
  test('"after ten calendar days have passed since the day of its first official publication": published 1 February → 12 February', () => {
    expect(
      resolveEffectiveFrom({ afterPublication: { act: 'order', calendarDays: 10 } }, act({ date: '2026-02-01' })),
    ).toMatchObject({ date: '2026-02-12' });
    expect(addCalendarDays('2024-02-20', 10)).toBe('2024-03-01'); // across a leap day
  });

  test('an unknown publication date: the version waits', () => {
    expect(
      resolveEffectiveFrom({ afterPublication: { act: 'order', calendarDays: 10 } }, act({ date: null })),
    ).toMatchObject({ date: null, how: expect.stringMatching(/waits/) });
  });

  test('an unknown publication date with its earliest possible date: provisional, from earliest + 11 days', () => {
    const r = resolveEffectiveFrom({ actEntersIntoForce: 'order' }, act({ date: null, earliest: '2024-04-25' }));
    expect(r).toMatchObject({ date: '2024-05-06', provisional: true });
    expect(r.how).toMatch(/provisional/);
  });

  test('a known date wins over the earliest bound', () => {
    expect(
      resolveEffectiveFrom({ actEntersIntoForce: 'order' }, act({ date: '2024-05-02', earliest: '2024-04-25' })),
    ).toMatchObject({ date: '2024-05-13', provisional: undefined });
  });
});
