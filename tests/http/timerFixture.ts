import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The timer fixture: a service whose first step refuses by itself after 2 working days without a decision, and the
 * instants that make its timer due without waiting days (the runtime's clock is pinned before, then moved after).
 */

const repo = resolve(__dirname, '../..');

export const TIMER_SERVICE_ID = 'timer-fixture';
/** The timer's id: its firing is the event `timer:no-decision`. */
export const TIMER_ID = 'no-decision';
/** What the fixture's form accepts. */
export const TIMER_SERVICE_DATA = { applicant: { iin: '900101300017', fullName: 'Әлиева Сәуле' } };
/** A Tuesday, 10:00 in Astana: an application registered now is refused by its timer at DUE_AT. */
export const REGISTERED_AT = '2026-03-03T10:00:00+05:00';
/** Two working days after Tuesday 3 March: Thursday 5 March at the end of working hours. */
export const DUE_AT = '2026-03-05T18:30:00+05:00';

/**
 * A definitions copy (with the seeds beside it, for the demo users) with one more service, TIMER_SERVICE_ID, made from
 * the new-service template. Returns the copy's definitions folder.
 */
export function definitionsWithTimerService(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-defs-'));
  cpSync(join(repo, 'definitions'), join(dir, 'definitions'), { recursive: true });
  cpSync(join(repo, 'seeds'), join(dir, 'seeds'), { recursive: true });
  const svc = join(dir, 'definitions/services', TIMER_SERVICE_ID);
  cpSync(join(repo, 'runtime/templates/new-service'), svc, { recursive: true });
  for (const f of ['service.json', 'version-1.json', 'scenarios/01-approved.json'])
    writeFileSync(join(svc, f), readFileSync(join(svc, f), 'utf8').replace(/__SERVICE_ID__/g, TIMER_SERVICE_ID));
  const version = JSON.parse(readFileSync(join(svc, 'version-1.json'), 'utf8'));
  version.machine.states.received.timers = [
    {
      id: TIMER_ID,
      after: '2 workingDays',
      target: 'refused',
      legalRef: { act: 'rules-of-service', paragraph: '4' },
    },
  ];
  writeFileSync(join(svc, 'version-1.json'), JSON.stringify(version, null, 2));
  return join(dir, 'definitions');
}
