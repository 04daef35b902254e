import type { CompiledService, CompiledVersion } from '../compiler/compileService';
import { isProblemError, ProblemError, type Problem } from '../errors/problem';
import type { Lang, LegalRef, Status } from '../format/types';
import { shownRegistration, type ApplicationState, type TraceEntry } from './applicationState';
import { provisionalOf } from './lazyExplanation';
import { renderIssuedDocument } from './renderIssuedDocument';
import { checkSimulatedEvents, isInstant } from './simulatedEvents';
import { applyEvent, fireDueTimers, registrationOf, startApplication, startRegistered } from './runApplication';

/** Timer firings in one simulation: a real one fires a handful, one per allowed event is generous. */
const TIMER_BUDGET = 1000;

/** The result of a simulation: the shape of `qyzmet simulate --json` and `POST /simulate` (DESIGN.md). */
export interface SimulationResult {
  serviceId: string;
  version: string;
  /** null when the application ended before registration (a state marked endsBeforeRegistration). */
  registeredAt: string | null;
  state: string;
  status: Status;
  /** `provisional` when the due instant rests on days computed from the statutes (DESIGN.md). */
  deadlines: Array<{ id: string; dueAt: string; status: string; provisional?: true }>;
  refusal: null | { grounds: Array<{ id: string; legalRef: LegalRef; message: string; facts: unknown }> };
  documents: Array<{ id: string; title: string; html: string }>;
  trace: TraceEntry[];
  application: ApplicationState;
}

export interface SimulateOptions {
  lang?: 'kk' | 'ru';
  /** Render the documents' HTML (default true); scenario runs that only compare ids switch it off. */
  renderDocuments?: boolean;
  /** Run under this version whatever the date (a draft's impact on the scenarios); default: the one in force. */
  version?: CompiledVersion;
  /** The channel the application came through (portal, state-corporation, …), a fact for the rules. */
  channel?: string;
  id?: string;
  /** The human-readable number to print (the runtime numbers real applications; a simulation has none by default). */
  number?: string;
}

/** The result as DESIGN.md publishes it (`qyzmet simulate --json`, `POST /simulate`): without the internal state. */
export function simulationContract(result: SimulationResult): Omit<SimulationResult, 'application'> {
  const { serviceId, version, registeredAt, state, status, deadlines, refusal, documents, trace } = result;
  return { serviceId, version, registeredAt, state, status, deadlines, refusal, documents, trace };
}

/**
 * The registration, or null when the calendar cannot place the arrival (before its data, past its horizon): the
 * version is then the one in force at the arrival itself, so that a date before any version answers "no version in
 * force" before any calendar check.
 */
function registrationOrNull(service: CompiledService, atIso: string): ReturnType<typeof registrationOf> | null {
  try {
    return registrationOf(service, atIso);
  } catch (e) {
    if (isProblemError(e) && e.problem.code === 'calendar.outOfCoverage') return null;
    throw e;
  }
}

/** Says which versions exist and when they applied, for "no version in force" answers. */
export function describeVersions(service: CompiledService): string {
  return service.versions
    .map(
      (v) =>
        `${v.id}: ${v.effectiveFrom ? `from ${v.effectiveFrom}` : `not yet in force (${v.effectiveFromHow})`}${v.effectiveTo ? ` until ${v.effectiveTo} (exclusive; ${v.effectiveToHow})` : ''}${v.provisional ? ' [provisional: a publication date is not established]' : ''}`,
    )
    .join('; ');
}

/** The version in force at an instant, or a ProblemError (code version.notInForce) that names the versions. */
export function versionInForce(service: CompiledService, atIso: string): CompiledVersion {
  const ms = Date.parse(atIso);
  if (Number.isNaN(ms))
    throw new ProblemError({
      code: 'input.instant',
      kind: 'user',
      message: `"${atIso}" is not an ISO instant; write e.g. 2026-03-03T10:00:00+05:00`,
    });
  const v = service.versionAt(ms);
  if (v) return v;
  const repeal = service.versions.find((x) => x.effectiveTo && ms >= x.toMs && typeof x.def.effectiveTo === 'object');
  const repealAct =
    repeal && typeof repeal.def.effectiveTo === 'object'
      ? service.acts[repeal.def.effectiveTo.actEntersIntoForce]
      : undefined;
  throw new ProblemError({
    code: 'version.notInForce',
    kind: 'user',
    message: `no version of "${service.id}" is in force at ${atIso}${repealAct ? `: the service was ended by ${repealAct.title.ru} (${repeal!.effectiveToHow}, from ${repeal!.effectiveTo})` : ''}. Versions: ${describeVersions(service)}`,
    params: {
      versions: service.versions.map((x) => ({ id: x.id, effectiveFrom: x.effectiveFrom, effectiveTo: x.effectiveTo })),
      ...(repealAct ? { repealedBy: repealAct.title } : {}),
    },
  });
}

/** Form errors as problems, in one language: the first 100 and how many there were in all. */
export function checkApplicationData(
  version: CompiledVersion,
  data: unknown,
  lang: Lang,
): { errors: Problem[]; total: number } {
  const { errors, total } = version.form.check(data, lang);
  return {
    errors: errors.map((e) => ({
      code: e.code,
      kind: 'user' as const,
      message: e.message,
      pointer: e.pointer,
      params: { ...(e.params as object), messages: e.messages },
    })),
    total,
  };
}

/** Form errors as problems, in one language (the first 100). */
export function validateApplicationData(version: CompiledVersion, data: unknown, lang: Lang): Problem[] {
  return checkApplicationData(version, data, lang).errors;
}

/**
 * The problem of application data that do not fit the form: `params.errors` (the first 100, which the HTTP layer
 * writes as `errors`) and `extensions.errorsTotal`.
 */
export function formInvalidProblem(
  what: string,
  { errors, total }: { errors: Problem[]; total: number },
  detailed = true,
): ProblemError {
  const listed = detailed ? `: ${errors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('; ')}` : '';
  return new ProblemError({
    code: 'form.invalid',
    kind: 'user',
    message: `the application data do not fit the form of ${what}${listed}${total > errors.length ? ` (and ${total - errors.length} more)` : ''}`,
    params: { errors },
    extensions: { errorsTotal: total },
  });
}

/**
 * Runs one application through the service without storing it: registration, each event in time order, timers
 * that fall due between events (and, after the last event, those that take a transition by themselves).
 *
 * @example
 *   const r = await simulate(service, { object: { kind: 'apartment' } }, [], '2026-03-07T12:00:00+05:00');
 *   r.registeredAt // '2026-03-09T09:00:00+05:00' (Saturday → Monday's opening)
 */
export async function simulate(
  service: CompiledService,
  data: Record<string, unknown>,
  events: unknown,
  atIso: string,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  // An instant with its offset, as the events' (Date.parse would take "1" for the year 2001).
  if (!isInstant(atIso))
    throw new ProblemError({
      code: 'input.instant',
      kind: 'user',
      pointer: '/at',
      message: `"${String(atIso)}" is not an ISO instant with an offset; write e.g. 2026-03-03T10:00:00+05:00`,
    });
  const checked = checkSimulatedEvents(events);
  // The application keeps the version in force when it is registered (an after-hours arrival the evening before
  // a new version takes effect is registered under the new one).
  const registration = options.version ? null : registrationOrNull(service, atIso);
  const version = options.version ?? versionInForce(service, registration?.registeredAt ?? atIso);
  const lang = options.lang ?? 'kk';
  const checkedData = checkApplicationData(version, data, lang);
  const { errors } = checkedData;
  const trace: TraceEntry[] = [{ kind: 'form', at: atIso, valid: errors.length === 0, errors }];
  if (errors.length) throw formInvalidProblem(`${service.id}@${version.id}`, checkedData);
  const input = { id: options.id ?? 'simulation', data, arrivedAt: atIso, channel: options.channel ?? null };
  // The registration that chose the version is the application's (the same service's calendar): not worked out twice.
  const started =
    registration && version.service === service
      ? await startRegistered(version, input, registration)
      : await startApplication(version, input);
  let app = started.application;
  if (options.number) app.number = options.number;
  trace.push(...started.trace);
  // A document reads the application as it stood when it was issued (as the runtime renders and stores it then): a
  // preliminary decision keeps its grounds and reasoning after a hearing that lifts them.
  const render = options.renderDocuments !== false;
  const rendered: Array<{ title: string; html: string }> = [];
  const renderIssued = () => {
    if (render)
      for (let i = rendered.length; i < app.documents.length; i++)
        rendered.push(renderIssuedDocument(version, app, app.documents[i], lang));
  };
  renderIssued();
  // The simulation owns its application: each step changes it in place, so a replay is linear in the events.
  // The timers of a whole replay fire at most TIMER_BUDGET times: a cycle of timed states must not spin for each event.
  const owned = { owned: true, timerBudget: { left: TIMER_BUDGET } };
  // In time order (a stable sort: events at one instant keep theirs), each instant read once.
  const ordered = checked
    .map((event) => ({ event, ms: Date.parse(event.at) }))
    .sort((a, b) => a.ms - b.ms)
    .map((x) => x.event);
  for (const event of ordered) {
    const timers = await fireDueTimers(version, app, event.at, owned);
    app = timers.application;
    for (const entry of timers.trace) trace.push(entry);
    renderIssued();
    const out = await applyEvent(version, app, event, owned);
    app = out.application;
    for (const entry of out.trace) trace.push(entry);
    renderIssued();
  }
  const tail = await fireDueTimers(version, app, '9999-12-31T00:00:00Z', { onlyTransitions: true, ...owned });
  app = tail.application;
  trace.push(...tail.trace);
  renderIssued();
  return {
    serviceId: service.id,
    version: version.id,
    registeredAt: shownRegistration(app),
    state: app.state,
    status: app.status,
    deadlines: app.deadlines
      .filter((d) => d.dueAt)
      .map((d) => ({
        id: d.id,
        dueAt: d.dueAt!,
        status: d.status,
        ...(provisionalOf(d) ? { provisional: true as const } : {}),
      })),
    refusal: app.refusal
      ? {
          grounds: app.refusal.grounds.map((g) => ({
            id: g.id,
            legalRef: g.legalRef,
            message: g.message[lang],
            facts: g.facts,
          })),
        }
      : null,
    documents: app.documents.map((d, i) =>
      render ? { id: d.id, ...rendered[i] } : { id: d.id, title: d.title[lang], html: '' },
    ),
    trace,
    application: app,
  };
}
