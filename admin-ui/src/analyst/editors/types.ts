import type { Act, CompileEnv, CompiledService, CompiledVersion, VersionDef } from '@qyzmet/engine';
import type { UiLang } from '../../i18n';
import type { EditorProblem, ScenarioRun } from '../model';

/**
 * What every form editor of the workbench gets: the draft's version as written (its `$include` entries as they are),
 * the last version that compiled (includes resolved, seeds filled in) for reading, and `onChange` taking a whole new
 * version. The workbench serialises it, recompiles, autosaves it as a revision, and the server turns the difference
 * into changes citing the act item chosen once for the draft: an editor never writes JSON, pointers or citations.
 */
export interface EditorContext {
  serviceId: string;
  /** The draft's version as written, or the version in force (read only) when there is no draft. */
  version: VersionDef;
  /** The last version that compiled, with its service: for resolved includes, defaults, the calendar. */
  compiled: { service: CompiledService; compiled: CompiledVersion; version: VersionDef } | null;
  /** The acts registry as the runtime holds it (files plus acts registered through the API), by id. */
  acts: Record<string, Act>;
  /** The compile environment of the browser: `workingTime(scheduleId)`, `readText(path)`. */
  env: CompileEnv;
  /** The interface language. */
  lang: UiLang;
  /** No draft is open: show, never change. */
  readOnly: boolean;
  /** The engine's problems of the draft (pointers into the version, e.g. `/deadlines/0/cases/1/duration`). */
  problems: readonly EditorProblem[];
  /** The scenario runs against the draft (their data and outcomes: sample data for previews). */
  runs: readonly ScenarioRun[];
  onChange: (next: VersionDef) => void;
}
