import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '../calendar';
import { assembleDefinition } from '../format';
import type { Act, LegalRef } from '../format/types';
import { forEachLegalRef } from './checkReferences';
import { compileService } from './compileService';
import { inheritSeeds } from './inheritSeeds';

/**
 * A legalRef names its seed file only where it is not its act's own; the compiler fills the act's seed in, so every
 * reader of a compiled definition still sees `seed`.
 */

const title = { kk: 'Бұйрық', ru: 'Приказ' };
const acts: Record<string, Act> = {
  amending: { type: 'order', title, status: 'in-force', seed: '003.txt' },
  amended: { type: 'order', title, status: 'amended', inSeeds: false },
};

describe('inheritSeeds', () => {
  const written = {
    legalRef: { act: 'amending', paragraph: '1', lines: [2] },
    quoted: { legalRef: { act: 'amended', paragraph: '9', seed: '003.txt', lines: [143] } },
    other: { basis: { act: 'amending', seed: 'other.txt' } },
    absent: { citation: { act: 'amended', paragraph: '5' } },
    legalBasis: [{ act: 'amending' }],
  };
  const filled = inheritSeeds(written, acts);

  test("a legalRef without seed gets its act's seed (legalRef, legalBasis)", () => {
    expect(filled.legalRef).toEqual({ act: 'amending', paragraph: '1', lines: [2], seed: '003.txt' });
    expect(filled.legalBasis[0]).toEqual({ act: 'amending', seed: '003.txt' });
  });

  test('a seed of its own is kept, also where the act has none', () => {
    expect(filled.quoted.legalRef.seed).toBe('003.txt');
    expect(filled.other.basis.seed).toBe('other.txt');
  });

  test('an act without a seed gives none', () => {
    expect(filled.absent.citation).toEqual({ act: 'amended', paragraph: '5' });
  });

  test('the written definition is not changed', () => {
    expect(written.legalRef).toEqual({ act: 'amending', paragraph: '1', lines: [2] });
  });
});

describe('compileService fills the seeds in (the example service and the shared acts on disk)', () => {
  const repo = join(__dirname, '../../..');
  const read = <T>(rel: string): T => JSON.parse(readFileSync(join(repo, rel), 'utf8')) as T;
  const sharedActs: Record<string, Act> = Object.assign(
    {},
    ...readdirSync(join(repo, 'definitions/shared/acts')).map(
      (f) => read<{ acts: Record<string, Act> }>(`definitions/shared/acts/${f}`).acts,
    ),
  );
  const workingTime = compileWorkingTime(
    read<CalendarData>('definitions/calendars/kz.calendar.json'),
    read<ScheduleData>('definitions/calendars/schedules/state-corporation.schedule.json'),
  );
  const readText = (p: string) => {
    try {
      return readFileSync(join(repo, p), 'utf8');
    } catch {
      return undefined;
    }
  };
  const { definition } = assembleDefinition('definitions/services/cadastral-passport-duplicate/service.json', readText);
  const { service, problems } = compileService(definition!, {
    sharedActs,
    workingTime: (id) => (id === 'state-corporation' ? workingTime : undefined),
    readText,
  });
  const refs = (value: unknown) => {
    const out: Array<{ ref: LegalRef; pointer: string }> = [];
    forEachLegalRef(value, '', (ref, pointer) => out.push({ ref, pointer }));
    return out;
  };

  test('the example compiles', () => {
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  test("the definition as written leaves out seeds that are the act's own", () => {
    expect(refs(definition!.value).filter(({ ref }) => !ref.seed && sharedActs[ref.act]?.seed).length).toBeGreaterThan(
      0,
    );
  });

  test('every compiled legalRef whose act has a seed carries one, in the definition and in the acts', () => {
    const missing = [...refs(service!.def), ...refs(service!.acts)].filter(
      ({ ref }) => !ref.seed && service!.acts[ref.act]?.seed,
    );
    expect(missing.map(({ pointer }) => pointer)).toEqual([]);
  });
});
