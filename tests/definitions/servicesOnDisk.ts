import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileWorkingTime, type CalendarData, type ScheduleData } from '../../engine/src/calendar';
import { compileService, type CompiledService } from '../../engine/src/compiler';
import type { Problem } from '../../engine/src/errors/problem';
import { assembleDefinition } from '../../engine/src/format';
import type { Act } from '../../engine/src/format/types';

/**
 * The services on disk (definitions/), read and compiled by the engine alone, without the runtime's registry: for
 * the engine's tests that check something against every real service or scenario.
 */

const repo = resolve(__dirname, '..', '..');

/** A JSON file of the repository, by its path from the root. */
export const readRepoJson = <T>(rel: string): T => JSON.parse(readFileSync(join(repo, rel), 'utf8')) as T;

/** A file's text by its path from the root, undefined when there is none (the engine's readText). */
export function readRepoText(rel: string): string | undefined {
  try {
    return readFileSync(join(repo, rel), 'utf8');
  } catch {
    return undefined;
  }
}

/** The names in a folder of the repository. */
export const listRepoDir = (rel: string): string[] => readdirSync(join(repo, rel));

export const sharedActsOnDisk: Record<string, Act> = Object.assign(
  {},
  ...listRepoDir('definitions/shared/acts').map(
    (f) => readRepoJson<{ acts: Record<string, Act> }>(`definitions/shared/acts/${f}`).acts,
  ),
);

const calendar = readRepoJson<CalendarData>('definitions/calendars/kz.calendar.json');

/** A schedule of the Kazakh calendar compiled, undefined when it is not there or does not compile. */
export function workingTimeOnDisk(id: string) {
  try {
    return compileWorkingTime(calendar, readRepoJson<ScheduleData>(`definitions/calendars/schedules/${id}.schedule.json`));
  } catch {
    return undefined;
  }
}

/**
 * A service on disk assembled and compiled; `readText` stands in for the files (to try a changed one), and the
 * assembly's problems come first.
 */
export function compileOnDisk(
  serviceId: string,
  readText = readRepoText,
): { service?: CompiledService; problems: Problem[] } {
  const { definition, problems } = assembleDefinition(`definitions/services/${serviceId}/service.json`, readText);
  if (!definition) return { problems };
  const env = { sharedActs: sharedActsOnDisk, workingTime: workingTimeOnDisk, readText };
  const compiled = compileService(definition, env);
  return { ...compiled, problems: [...problems, ...compiled.problems] };
}
