import { join } from 'node:path';
import type { CompiledService } from '@qyzmet/engine';
import { REPO } from '../../../tests/definitions/exampleCopy';
import { loadRepository } from '../registry/loadRepository';
import { demoSubmissionInstant } from './demoSubmissionInstant';

// On the real definitions and the real calendar. Order 156 (seed 003, line 537): an application that arrives after
// working hours, on a Sunday or a holiday is registered the next working day; info lookup (order 563) is registered
// the moment it arrives, at any hour.
let duplicate: CompiledService;
let lookup: CompiledService;
beforeAll(() => {
  const repo = loadRepository(join(REPO, 'definitions'), [
    'cadastral-passport-duplicate',
    'state-register-info-lookup',
  ]);
  duplicate = repo.services.get('cadastral-passport-duplicate')!;
  lookup = repo.services.get('state-register-info-lookup')!;
});

const at = (iso: string) => Date.parse(iso);

test('in working hours the samples are submitted now', () => {
  expect(demoSubmissionInstant(duplicate, at('2026-03-10T11:00:00+05:00'))).toBe(at('2026-03-10T11:00:00+05:00'));
  expect(demoSubmissionInstant(duplicate, at('2026-03-10T13:30:00+05:00'))).toBe(at('2026-03-10T13:30:00+05:00'));
});

test('the same evening they are submitted that morning at 10:00', () => {
  expect(demoSubmissionInstant(duplicate, at('2026-12-07T21:59:00+05:00'))).toBe(at('2026-12-07T10:00:00+05:00'));
});

test('on a day off, or before opening, at 10:00 of the last working day', () => {
  // Saturday 7 March 2026: Friday 6 March.
  expect(demoSubmissionInstant(duplicate, at('2026-03-07T14:20:00+05:00'))).toBe(at('2026-03-06T10:00:00+05:00'));
  // Monday 9 March 2026 is a day off (the holiday of 8 March fell on a Sunday; kz.calendar.json), so Tuesday before
  // opening goes back to Friday too.
  expect(demoSubmissionInstant(duplicate, at('2026-03-09T12:00:00+05:00'))).toBe(at('2026-03-06T10:00:00+05:00'));
  expect(demoSubmissionInstant(duplicate, at('2026-03-10T08:00:00+05:00'))).toBe(at('2026-03-06T10:00:00+05:00'));
});

test('a service registered on arrival is submitted now at any hour', () => {
  expect(demoSubmissionInstant(lookup, at('2026-03-07T23:30:00+05:00'))).toBe(at('2026-03-07T23:30:00+05:00'));
});
