import {
  addDuration,
  formatInstant,
  isProvisional,
  parseDuration,
  registrationInstant,
  resumeDeadline,
  subtractWorkingDays,
  type Explanation,
} from '../calendar';
import type { CompiledVersion } from '../compiler/compileService';
import { ProblemError } from '../errors/problem';
import type { Actor, EventDef, Lang, StateDef } from '../format/types';
import { referenceHolds, type Facts } from '../rules';
import { timerEvent, timerExpiresBefore, timerOnExit, type TakenTransition } from '../steps';
import type {
  ApplicationEvent,
  ApplicationState,
  DeadlineState,
  StepOutcome,
  TimerState,
  TraceEntry,
} from './applicationState';
import { replayDeadline } from './replayDeadline';
import { withExplanation } from './lazyExplanation';

type DeadlineTrace = Extract<TraceEntry, { kind: 'deadline' }>;
import { PROVIDER_ACTORS, reasoningRequired, splitReasoning } from './officerReasoning';

/**
 * Runs one application through one compiled version, purely: time, ids and data come in; the next state and the
 * trace come out. The runtime stores the state and schedules its timers; the CLI and the admin UI simulate with it.
 */

export interface StartInput {
  id: string;
  data: Record<string, unknown>;
  /** ISO instant the application arrived. */
  arrivedAt: string;
  channel?: string | null;
}

const toMs = (iso: string) => Date.parse(iso);

/**
 * `owned`: the caller hands over the state and keeps no reference to it (a simulation replaying its events), so the
 * step mutates it in place instead of copying it. Copying history, facts and adjustments per event made a replay of
 * N events O(N²) (9,000 events froze the server 14.6 s); in place it is linear. A failed event then leaves the state
 * half-changed, which is fine only because such a caller abandons it.
 */
export interface StepOptions {
  owned?: boolean;
  /**
   * Timer firings left to a whole replay, shared by its calls (decremented in place): timers that move between
   * states on short delays fire up to 1,000 times per call, and a simulation makes one call per event.
   */
  timerBudget?: { left: number };
}

/** Own properties of `source` onto `target`, defined (not set), so a key "__proto__" stays a plain key. */
function assignOwn(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source))
    Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
}

/**
 * The next state starts as a copy of the current one, which must stay untouched (a rejected event changes nothing).
 * Only what a step mutates in place is copied; form data, facts, decisions and grounds are replaced, never mutated.
 */
const cloneState = (app: ApplicationState): ApplicationState => ({
  ...app,
  deadlines: app.deadlines.map((d) => ({ ...d })),
  timers: app.timers.map((t) => ({ ...t })),
  documents: [...app.documents],
  history: [...app.history],
});

function facts(app: ApplicationState, atIso: string): Facts {
  return {
    data: app.data,
    findings: app.findings,
    external: app.external,
    application: { channel: app.channel, registeredAt: app.registeredAt, state: app.state, now: atIso },
  };
}

function titleOf(text: { kk: string; ru: string; en?: string }): Record<Lang, string> {
  return { kk: text.kk, ru: text.ru, en: text.en ?? text.ru };
}

class Run {
  readonly trace: TraceEntry[] = [];
  constructor(
    readonly version: CompiledVersion,
    readonly app: ApplicationState,
    readonly owned = false,
  ) {}

  /** Records a move of a deadline: a new array unless owned (the previous state shares the old one). */
  adjust(d: DeadlineState, adjustment: NonNullable<DeadlineState['adjustments']>[number]) {
    if (this.owned && d.adjustments) d.adjustments.push(adjustment);
    else d.adjustments = [...(d.adjustments ?? []), adjustment];
  }

  get wt() {
    return this.version.service.workingTime;
  }

  iso(ms: number) {
    return formatInstant(this.wt, ms);
  }

  async evaluate(atIso: string) {
    const ev = await this.version.rules.evaluate(facts(this.app, atIso));
    this.app.decisions = ev.decisions;
    this.app.grounds = ev.grounds;
    this.trace.push({
      kind: 'rules',
      at: atIso,
      decisions: ev.decisions,
      grounds: ev.grounds.map((g) => ({ id: g.id, facts: g.facts })),
    });
    return ev;
  }

  startDeadline(id: string, atIso: string) {
    const d = this.version.def.deadlines.find((x) => x.id === id)!;
    const c = (d.cases ?? []).find((x) => referenceHolds(x.when, this.app.decisions));
    const existing = this.app.deadlines.findIndex((x) => x.id === id);
    if (!c) {
      // The act leaves the term to a document not in the seeds (notEncoded), or no case applies: no due instant.
      const state: DeadlineState = {
        id,
        dueAt: null,
        startedAt: atIso,
        duration: '',
        status: 'running',
        explanation: [],
      };
      if (existing >= 0) this.app.deadlines[existing] = state;
      else this.app.deadlines.push(state);
      return;
    }
    const r = addDuration(this.wt, toMs(atIso), parseDuration(c.duration), c.counting);
    const state = withExplanation<DeadlineState>(
      { id, dueAt: this.iso(r.dueAt), startedAt: atIso, duration: c.duration, status: 'running' },
      r,
    );
    if (existing >= 0) this.app.deadlines[existing] = state;
    else this.app.deadlines.push(state);
    this.trace.push(
      withExplanation<DeadlineTrace>(
        {
          kind: 'deadline',
          at: atIso,
          id,
          action: 'start',
          dueAt: state.dueAt,
          duration: c.duration,
          legalRef: c.legalRef,
        },
        r,
      ),
    );
  }

  applyDeadlineEffects(s: StateDef, atIso: string) {
    for (const id of s.deadlines?.start ?? []) this.startDeadline(id, atIso);
    for (const id of s.deadlines?.suspend ?? []) {
      const d = this.app.deadlines.find((x) => x.id === id);
      if (!d || d.status !== 'running' || !d.dueAt) continue;
      d.status = 'suspended';
      d.suspendedAt = atIso;
      this.adjust(d, { action: 'suspend', at: atIso });
      this.trace.push({ kind: 'deadline', at: atIso, id, action: 'suspend', dueAt: d.dueAt, explanation: [] });
    }
    for (const id of s.deadlines?.resume ?? []) {
      const d = this.app.deadlines.find((x) => x.id === id);
      if (!d || d.status !== 'suspended' || !d.dueAt || !d.suspendedAt) continue;
      const unit = parseDuration(d.duration).unit;
      const r = resumeDeadline(this.wt, toMs(d.dueAt), toMs(d.suspendedAt), toMs(atIso), unit);
      d.dueAt = this.iso(r.dueAt);
      d.status = 'running';
      d.adjusted = true;
      this.adjust(d, { action: 'resume', at: atIso });
      delete d.suspendedAt;
      withExplanation<DeadlineState>(d, r);
      this.trace.push(
        withExplanation<DeadlineTrace>({ kind: 'deadline', at: atIso, id, action: 'resume', dueAt: d.dueAt }, r),
      );
    }
    for (const e of s.deadlines?.extend ?? []) {
      const d = this.app.deadlines.find((x) => x.id === e.deadline);
      if (!d || !d.dueAt) continue;
      const r = addDuration(this.wt, toMs(d.dueAt), parseDuration(e.by));
      d.dueAt = this.iso(r.dueAt);
      d.adjusted = true;
      this.adjust(d, { action: 'extend', at: atIso, by: e.by });
      withExplanation<DeadlineState>(d, r);
      this.trace.push(
        withExplanation<DeadlineTrace>(
          {
            kind: 'deadline',
            at: atIso,
            id: e.deadline,
            action: 'extend',
            dueAt: d.dueAt,
            duration: e.by,
            legalRef: e.legalRef,
          },
          r,
        ),
      );
    }
  }

  setTimers(stateName: string, s: StateDef, atIso: string) {
    for (const t of s.timers ?? []) {
      let due: { dueAt: number; explanation: Explanation[] } | undefined;
      if (t.after) due = addDuration(this.wt, toMs(atIso), parseDuration(t.after), t.counting);
      else if (t.beforeDeadline) {
        const d = this.app.deadlines.find((x) => x.id === t.beforeDeadline!.deadline);
        const before = parseDuration(t.beforeDeadline.after);
        if (!d?.dueAt) continue;
        if (before.unit !== 'workingDays')
          throw new ProblemError({
            code: 'timer.unsupported',
            kind: 'definition',
            message: `timer "${t.id}": "beforeDeadline" counts working days only`,
          });
        due = subtractWorkingDays(this.wt, toMs(d.dueAt), before.amount);
      }
      if (!due) continue;
      const timer: TimerState = {
        id: t.id,
        state: stateName,
        dueAt: this.iso(due.dueAt),
        ...(t.target ? { target: t.target } : {}),
        ...(t.leadsTo?.length ? { leadsTo: t.leadsTo } : {}),
      };
      this.app.timers.push(timer);
      this.trace.push({
        kind: 'timer',
        at: atIso,
        id: t.id,
        state: stateName,
        action: 'set',
        dueAt: timer.dueAt,
        target: t.target,
        legalRef: t.legalRef,
      });
    }
  }

  /**
   * Effects of entering a state: timers of the state left are cancelled, deadlines, timers, documents, refusal,
   * closure.
   */
  async enter(stateName: string, atIso: string, grounds: Awaited<ReturnType<Run['evaluate']>>['grounds']) {
    const s = this.version.def.machine.states[stateName];
    // Entering a state (re-entering it too) cancels the step timers set before; the state's own start afresh. A norm
    // of one branch (leadsTo) is judged now: overdue when that branch is taken after its due instant.
    for (const t of this.app.timers) {
      const action = timerOnExit(t, stateName, toMs(atIso));
      if (action) this.trace.push({ kind: 'timer', at: atIso, id: t.id, state: t.state, action, dueAt: t.dueAt });
    }
    this.app.timers = [];
    this.app.state = stateName;
    this.app.status = s.status;
    if (s.endsBeforeRegistration) this.app.endedBeforeRegistration = true;
    for (const d of this.version.def.deadlines)
      if (d.start && typeof d.start === 'object' && d.start.state === stateName) this.startDeadline(d.id, atIso);
    this.applyDeadlineEffects(s, atIso);
    this.setTimers(stateName, s, atIso);
    if (s.status === 'refused' && !this.app.refusal) {
      this.app.refusal = { grounds };
      this.trace.push({ kind: 'refusal', at: atIso, grounds: grounds.map((g) => g.id) });
    }
    for (const id of s.documents ?? []) {
      const doc = this.version.documents.get(id)!;
      this.app.documents.push({
        id,
        kind: doc.def.kind,
        title: titleOf(doc.def.label),
        issuedAt: atIso,
        state: stateName,
      });
      this.trace.push({ kind: 'document', at: atIso, id, documentKind: doc.def.kind });
    }
    if (s.final) {
      for (const d of this.app.deadlines) {
        if (d.status === 'closed') continue;
        d.status = 'closed';
        this.trace.push({ kind: 'deadline', at: atIso, id: d.id, action: 'close', dueAt: d.dueAt, explanation: [] });
      }
      if (this.app.timers.length) this.app.timers = [];
    }
  }

  recordTransitions(transitions: TakenTransition[], atIso: string, actor: string) {
    for (const t of transitions) {
      this.trace.push({
        kind: 'transition',
        at: atIso,
        from: t.from,
        to: t.to,
        event: t.event,
        actor: t.automatic ? 'system' : actor,
        automatic: t.automatic,
        guard: t.guard,
        legalRef: t.def?.legalRef,
      });
      this.app.history.push({
        at: atIso,
        event: t.event,
        actor: t.automatic ? 'system' : actor,
        from: t.from,
        to: t.to,
      });
    }
  }
}

function problem(code: string, message: string, params?: Record<string, unknown>): ProblemError {
  return new ProblemError({ code, kind: 'user', message, params });
}

/**
 * The registration instant of an application arriving at `arrivedAtIso`: the next opening when it arrives after
 * hours, on a day off or a holiday (if the service uses that rule), else the arrival itself. The version in force at
 * this instant is the one the application keeps for its whole life.
 */
export function registrationOf(
  service: CompiledVersion['service'],
  arrivedAtIso: string,
): { registeredAt: string; readonly explanation: Explanation[] } {
  const wt = service.workingTime;
  const arrivedMs = toMs(arrivedAtIso);
  if (service.def.registration.rule === 'immediate')
    return { registeredAt: formatInstant(wt, arrivedMs), explanation: [] };
  const reg = registrationInstant(wt, arrivedMs);
  // Most callers want the instant only (which version is in force): the texts are built when read.
  return {
    registeredAt: formatInstant(wt, reg.registeredAt),
    get explanation() {
      return reg.explanation;
    },
  };
}

/**
 * Registers an application under a version: the registration instant by the calendar (next opening after hours when
 * the service uses that rule), the initial state and its automatic transitions, the deadlines that start at
 * registration. The caller has already validated the form data.
 */
export async function startApplication(version: CompiledVersion, input: StartInput): Promise<StepOutcome> {
  return startRegistered(version, input, registrationOf(version.service, input.arrivedAt));
}

/** startApplication with the registration already worked out (registrationOf on the version's service). */
export async function startRegistered(
  version: CompiledVersion,
  input: StartInput,
  reg: ReturnType<typeof registrationOf>,
): Promise<StepOutcome> {
  const service = version.service;
  const wt = service.workingTime;
  const arrivedMs = toMs(input.arrivedAt);
  const registeredAt = reg.registeredAt;
  const app: ApplicationState = {
    id: input.id,
    serviceId: service.id,
    version: version.id,
    channel: input.channel ?? null,
    arrivedAt: formatInstant(wt, arrivedMs),
    registeredAt,
    state: version.def.machine.initial,
    status: version.def.machine.states[version.def.machine.initial].status,
    data: input.data,
    findings: {},
    external: {},
    decisions: {},
    deadlines: [],
    timers: [],
    documents: [],
    refusal: null,
    grounds: [],
    history: [],
    updatedAt: registeredAt,
  };
  const run = new Run(version, app);
  run.trace.push({
    kind: 'version',
    at: registeredAt,
    version: version.id,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
  });
  run.trace.push(
    withExplanation<Extract<TraceEntry, { kind: 'registration' }>>(
      {
        kind: 'registration',
        at: registeredAt,
        arrivedAt: app.arrivedAt,
        registeredAt,
        rule: service.def.registration.rule,
      },
      reg,
    ),
  );
  const ev = await run.evaluate(registeredAt);
  for (const d of version.def.deadlines)
    if (!d.start || d.start === 'registration') run.startDeadline(d.id, registeredAt);
  const step = version.machine.start(ev.decisions);
  for (const [i, name] of step.entered.entries()) {
    if (i > 0) run.recordTransitions([step.transitions[i - 1]], registeredAt, 'system');
    await run.enter(name, registeredAt, ev.grounds);
  }
  return { application: app, trace: run.trace };
}

/**
 * The definition of an event, looked up as an own property: an event type comes from a request, and "constructor" or
 * "__proto__" must be an unknown event, not Object.prototype's members.
 */
export function eventDef(version: CompiledVersion, type: string): EventDef | undefined {
  const events = version.def.machine.events;
  return events && Object.hasOwn(events, type) ? events[type] : undefined;
}

/** The events the application accepts now, with the roles that may send them (for the API's allowedEvents). */
export function allowedEvents(
  version: CompiledVersion,
  app: ApplicationState,
): Array<{ type: string; roles: string[]; name: Record<Lang, string> }> {
  const events = version.def.machine.events ?? {};
  return version.machine.acceptedEvents(app.state, app.decisions).map((type) => ({
    type,
    roles: events[type]?.roles ?? [],
    name: titleOf(events[type]?.label ?? { kk: type, ru: type }),
  }));
}

/**
 * Checks an event's data against the schema the event declares (what it records: the hearing's time and place), so
 * a document never prints an empty place; errors are located under /data.
 */
function checkEventData(version: CompiledVersion, type: string, data: Record<string, unknown> | undefined): void {
  const form = version.eventForms.get(type);
  if (!form) return;
  const { errors, total } = form.check(data ?? {}, 'en');
  if (!errors.length) return;
  throw new ProblemError({
    code: 'event.dataInvalid',
    kind: 'user',
    pointer: `/data${errors[0].pointer}`,
    message: `the data of "${type}" do not fit what the event records: ${errors.map((e) => `/data${e.pointer}: ${e.message}`).join('; ')}`,
    params: {
      event: type,
      errors: errors.map((e) => ({
        code: e.code,
        pointer: `/data${e.pointer}`,
        message: e.message,
        messages: e.messages,
      })),
    },
    extensions: { errorsTotal: total },
  });
}

/**
 * Applies an applicant's or officer's event: checks the role and that the current state accepts it, keeps its data
 * as facts (findings or external data), re-evaluates the rules, takes the transition and its automatic successors.
 * Throws a ProblemError (kind user) when the event is not allowed; the state is then untouched.
 */
export async function applyEvent(
  version: CompiledVersion,
  current: ApplicationState,
  event: ApplicationEvent,
  options: StepOptions = {},
): Promise<StepOutcome> {
  const def = eventDef(version, event.type);
  const isTimer = event.type.startsWith('timer:');
  if (!def && !isTimer)
    throw problem(
      'event.unknown',
      `the service has no event "${event.type}"; events: ${Object.keys(version.def.machine.events ?? {}).join(', ')}`,
      { event: event.type },
    );
  const actor = event.actor ?? (isTimer ? 'system' : def!.roles[0]);
  // A timer is the engine's own event: no one sends it on the application's behalf.
  if (isTimer && !def && actor !== 'system')
    throw problem('event.forbiddenRole', `"${actor}" may not send "${event.type}": timers fire by themselves`, {
      event: event.type,
      actor,
      roles: ['system'],
    });
  if (def && !def.roles.includes(actor as never)) {
    throw problem(
      'event.forbiddenRole',
      `"${actor}" may not send "${event.type}"; it is sent by: ${def.roles.join(', ')}`,
      { event: event.type, actor, roles: def.roles },
    );
  }
  const app: ApplicationState = options.owned ? current : cloneState(current);
  const run = new Run(version, app, options.owned);
  const atMs = toMs(event.at);
  const at = formatInstant(run.wt, atMs);
  if (!isTimer)
    run.trace.push({ kind: 'event', at, event: event.type, actor, ...(event.data ? { data: event.data } : {}) });
  // A decision needs a registered application: nothing the provider does can precede the registration instant.
  if (PROVIDER_ACTORS.has(actor as Actor) && atMs < toMs(current.registeredAt))
    throw problem(
      'event.beforeRegistration',
      `"${event.type}" at ${at} comes before the application's registration at ${current.registeredAt}: the provider acts only on a registered application`,
      { event: event.type, at, registeredAt: current.registeredAt },
    );
  const records = def?.records ?? 'findings';
  const { facts: data, reasoning } = splitReasoning(event.data);
  checkEventData(version, event.type, data);
  const newFacts = Boolean(data && records !== 'none' && Object.keys(data).length);
  if (newFacts && records !== 'none') {
    if (options.owned) assignOwn(app[records], data!);
    else app[records] = { ...app[records], ...data };
  }
  if (reasoning) app.reasoning = [...(app.reasoning ?? []), { at, event: event.type, actor, text: reasoning }];
  // Facts change only through event data (the form is fixed at submission), so without new data the last
  // evaluation still holds, unless a rule reads the application's own facts (state, now).
  const ev =
    newFacts || version.rules.readsApplicationFacts
      ? await run.evaluate(at)
      : { decisions: app.decisions, grounds: app.grounds };
  if (records === 'findings' && newFacts && PROVIDER_ACTORS.has(actor as Actor) && ev.grounds.length && !reasoning)
    throw reasoningRequired(
      event.type,
      ev.grounds.map((g) => g.id),
    );
  const step = version.machine.send(app.state, event.type, ev.decisions);
  if (!step) {
    throw problem(
      'event.notAllowed',
      `the application is in "${app.state}", which does not accept "${event.type}" now; it accepts: ${version.machine.acceptedEvents(current.state, ev.decisions).join(', ') || 'nothing (it is closed)'}`,
      { event: event.type, state: app.state },
    );
  }
  for (const [i, name] of step.entered.entries()) {
    run.recordTransitions([step.transitions[i]], at, actor);
    await run.enter(name, at, ev.grounds);
  }
  app.updatedAt = at;
  return { application: app, trace: run.trace };
}

/**
 * Fires the timers due before `untilIso`, earliest first: a timer with a target takes its transition; one without
 * marks the step overdue. An event at `untilIso` comes after them, and one at a timer's due instant before it: a step
 * finished at its due instant is on time (steps/stepTimers). Returns the new state and the trace (unchanged state
 * when nothing is due).
 */
export async function fireDueTimers(
  version: CompiledVersion,
  current: ApplicationState,
  untilIso: string,
  opts: { onlyTransitions?: boolean } & StepOptions = {},
): Promise<StepOutcome> {
  let app = current;
  const trace: TraceEntry[] = [];
  const until = toMs(untilIso);
  for (let guard = 0; guard < 1000; guard++) {
    // The earliest due (the first of equals, as a stable sort gives it), each instant read once.
    let due: TimerState | undefined;
    let dueMs = Infinity;
    for (const t of app.timers) {
      if (!timerExpiresBefore(t, until) || (opts.onlyTransitions && !t.target)) continue;
      const ms = toMs(t.dueAt);
      if (!due || ms < dueMs) [due, dueMs] = [t, ms];
    }
    if (!due) break;
    if (opts.timerBudget && opts.timerBudget.left-- <= 0)
      throw new ProblemError({
        code: 'simulation.timerLoop',
        kind: 'definition',
        message: `the timers of ${version.service.id}@${version.id} keep firing (last "${due.id}" in "${due.state}"): the replay stopped; a cycle of states joined by short timers never settles`,
        params: { timer: due.id, state: due.state },
      });
    if (!due.target) {
      if (!opts.owned) app = cloneState(app);
      app.timers.find((t) => t.id === due.id && t.state === due.state)!.overdue = true;
      trace.push({ kind: 'timer', at: due.dueAt, id: due.id, state: due.state, action: 'overdue', dueAt: due.dueAt });
      continue;
    }
    trace.push({
      kind: 'timer',
      at: due.dueAt,
      id: due.id,
      state: due.state,
      action: 'fire',
      dueAt: due.dueAt,
      target: due.target,
    });
    const out = await applyEvent(
      version,
      app,
      { type: timerEvent(due.id), at: due.dueAt, actor: 'system' },
      { owned: opts.owned },
    );
    app = out.application;
    trace.push(...out.trace);
  }
  return { application: app, trace };
}

/** The earliest pending timer instant, for the runtime's scheduler. */
export function nextTimerAt(app: ApplicationState): string | null {
  const pending = app.timers.filter((t) => !t.overdue && !t.leadsTo?.length).map((t) => t.dueAt);
  if (pending.length === 0) return null;
  return pending.reduce((a, b) => (toMs(a) <= toMs(b) ? a : b));
}

export interface DeadlineChange {
  id: string;
  from: string;
  to: string;
  explanation: Explanation[];
}

/**
 * Re-computes the due instants of an application's open deadlines (running or suspended) on the service's current
 * working time, after a calendar change (a new transfer of days off, a holiday added): each deadline's history is
 * replayed on the new calendar (start, suspensions, resumptions, extensions; see replayDeadline), so a suspension or
 * an extension is kept and moves with the calendar. A deadline whose moves predate their recording cannot be replayed:
 * it is left as it is and listed in `skipped` for the caller to report.
 */
export function recomputeDeadlines(
  version: CompiledVersion,
  current: ApplicationState,
): { application: ApplicationState; changes: DeadlineChange[]; skipped: string[] } {
  const app = cloneState(current);
  const wt = version.service.workingTime;
  const changes: DeadlineChange[] = [];
  const skipped: string[] = [];
  for (const d of app.deadlines) {
    if (d.status === 'closed' || !d.dueAt || !d.duration) continue;
    const def = version.def.deadlines.find((x) => x.id === d.id);
    const c = def?.cases?.find((x) => x.duration === d.duration && referenceHolds(x.when, app.decisions));
    const r = replayDeadline(wt, d, c?.counting);
    if (!r) {
      skipped.push(d.id);
      continue;
    }
    const dueAt = formatInstant(wt, r.dueAt);
    // The same instant may stop being provisional (the year's decree entered): the flag lives in the explanation.
    if (dueAt !== d.dueAt || isProvisional(d.explanation) !== isProvisional(r.explanation)) {
      changes.push({ id: d.id, from: d.dueAt, to: dueAt, explanation: r.explanation });
      d.dueAt = dueAt;
      d.explanation = r.explanation;
    }
  }
  return { application: app, changes, skipped };
}
