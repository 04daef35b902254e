import type { Problem } from '../errors/problem';
import type {
  Act,
  Condition,
  ConditionRef,
  LegalRef,
  ServiceDef,
  StateDef,
  TimerDef,
  TransitionDef,
  VersionDef,
} from '../format/types';
import { BUILTIN_DECISIONS, conditionReferences } from '../rules';
import { escapeSegment } from '../format/jsonPointer';

/**
 * Cross-reference checks the meta-schema cannot express: every transition target, event, guard, condition
 * reference, deadline, document and act that a definition names must exist. Each problem names its JSON Pointer;
 * the caller adds file and line:column.
 */

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
/** A name a definition gives is looked up as an own key: a target "constructor" is not Object.prototype's. */
const has = (map: object, key: string): boolean => Object.hasOwn(map, key);

function problem(code: string, pointer: string, message: string): Problem {
  return { code, kind: 'definition', pointer, message };
}

function nearest(name: string, options: string[]): string {
  if (options.length === 0) return 'none is defined';
  const close = options.filter(
    (o) =>
      o.toLowerCase().includes(name.toLowerCase().slice(0, 4)) ||
      name.toLowerCase().includes(o.toLowerCase().slice(0, 4)),
  );
  return `defined: ${(close.length ? close : options).slice(0, 12).join(', ')}`;
}

/**
 * Walks every legalRef of a definition (any object under a "legalRef", "basis", "citation" or "x-legalRef" key, or
 * in a "legalBasis" or "legalRefs" list, as a scenario has). An act's own `citation` (how the law names it: kk, ru
 * texts, no "act") is not a reference.
 */
export function forEachLegalRef(
  value: unknown,
  pointer: string,
  visit: (ref: LegalRef, pointer: string) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forEachLegalRef(v, `${pointer}/${i}`, visit));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // A string or number holds no reference: most values of a definition, and each would build its pointer.
    if (!v || typeof v !== 'object') continue;
    const p = `${pointer}/${escapeSegment(k)}`;
    if (
      (k === 'legalRef' || k === 'basis' || k === 'citation' || k === 'x-legalRef') &&
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      (k !== 'citation' || Object.hasOwn(v, 'act'))
    )
      visit(v as LegalRef, p);
    else if ((k === 'legalBasis' || k === 'legalRefs') && Array.isArray(v))
      v.forEach((r, i) => visit(r as LegalRef, `${p}/${i}`));
    else forEachLegalRef(v, p, visit);
  }
}

/** Every { not: { condition } } inside a rule: one way to negate a reference is its "negate". */
function negatedReferences(
  c: Condition,
  pointer: string,
  out: Array<{ name: string; pointer: string }> = [],
): Array<{ name: string; pointer: string }> {
  if ('all' in c) c.all.forEach((x, i) => negatedReferences(x, `${pointer}/all/${i}`, out));
  else if ('any' in c) c.any.forEach((x, i) => negatedReferences(x, `${pointer}/any/${i}`, out));
  else if ('not' in c) {
    if ('condition' in c.not) out.push({ name: (c.not as ConditionRef).condition, pointer: `${pointer}/not` });
    else negatedReferences(c.not, `${pointer}/not`, out);
  }
  return out;
}

export function checkServiceReferences(
  def: ServiceDef,
  acts: Record<string, Act>,
  scheduleExists: (id: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  forEachLegalRef(def, '', (ref, p) => {
    if (!has(acts, ref.act))
      problems.push(
        problem(
          'ref.unknownAct',
          `${p}/act`,
          `legalRef names the act "${ref.act}", which is not in the acts registry (the service's "acts" or definitions/shared/acts/*.json); ${nearest(ref.act, Object.keys(acts))}`,
        ),
      );
    if (ref.lines && ref.lines.length === 2 && ref.lines[0] > ref.lines[1])
      problems.push(
        problem(
          'ref.badLines',
          `${p}/lines`,
          `lines [${ref.lines.join(', ')}] go backwards; write [from, to], e.g. [513, 521]`,
        ),
      );
  });
  for (const [id, act] of Object.entries(def.acts)) {
    for (const [key, ids] of [
      ['amends', act.amends],
      ['amendedBy', act.amendedBy],
      ['repealedBy', act.repealedBy ? [act.repealedBy] : []],
    ] as const) {
      (ids ?? []).forEach((other, i) => {
        if (!has(acts, other))
          problems.push(
            problem(
              'ref.unknownAct',
              `/acts/${id}/${key}${key === 'repealedBy' ? '' : `/${i}`}`,
              `act "${id}" ${key} "${other}", which is not in the acts registry`,
            ),
          );
      });
    }
  }
  if (!scheduleExists(def.schedule.id))
    problems.push(
      problem(
        'ref.unknownSchedule',
        '/schedule/id',
        `the schedule "${def.schedule.id}" does not exist in definitions/calendars/schedules/ (e.g. "provider-default", "round-the-clock", "state-corporation")`,
      ),
    );
  def.versions.forEach((v, i) => problems.push(...checkVersionReferences(v, `/versions/${i}`, acts)));
  const ids = new Map<string, number>();
  def.versions.forEach((v, i) => {
    if (ids.has(v.id))
      problems.push(
        problem(
          'version.duplicateId',
          `/versions/${i}/id`,
          `version id "${v.id}" is used twice (also /versions/${ids.get(v.id)}); each version needs its own id`,
        ),
      );
    ids.set(v.id, i);
  });
  return problems;
}

function checkVersionReferences(v: VersionDef, at: string, acts: Record<string, Act>): Problem[] {
  const problems: Problem[] = [];
  const states = v.machine.states;
  const stateNames = Object.keys(states);
  const events = v.machine.events ?? {};
  const conditions = v.conditions ?? {};
  const decisionNames = [...Object.keys(conditions), ...BUILTIN_DECISIONS];
  const deadlineIds = v.deadlines.map((d) => d.id);
  const documentIds = (v.documents ?? []).map((d) => d.id);

  v.producedBy.forEach((a, i) => {
    if (!has(acts, a))
      problems.push(
        problem(
          'ref.unknownAct',
          `${at}/producedBy/${i}`,
          `producedBy names the act "${a}", which is not in the acts registry`,
        ),
      );
  });
  const fromRule = v.effectiveFrom;
  if (typeof fromRule === 'object') {
    const actId = 'afterPublication' in fromRule ? fromRule.afterPublication.act : fromRule.actEntersIntoForce;
    if (!has(acts, actId))
      problems.push(
        problem(
          'ref.unknownAct',
          `${at}/effectiveFrom`,
          `effectiveFrom names the act "${actId}", which is not in the acts registry`,
        ),
      );
  }
  if (v.effectiveTo && typeof v.effectiveTo === 'object' && !has(acts, v.effectiveTo.actEntersIntoForce)) {
    problems.push(
      problem(
        'ref.unknownAct',
        `${at}/effectiveTo`,
        `effectiveTo names the act "${v.effectiveTo.actEntersIntoForce}", which is not in the acts registry`,
      ),
    );
  }

  if (!has(states, v.machine.initial))
    problems.push(
      problem(
        'machine.unknownInitial',
        `${at}/machine/initial`,
        `the initial state "${v.machine.initial}" is not one of the states; ${nearest(v.machine.initial, stateNames)}`,
      ),
    );

  const checkGuard = (t: TransitionDef, p: string) => {
    if (!has(states, t.target))
      problems.push(
        problem(
          'machine.unknownTarget',
          `${p}/target`,
          `transition target "${t.target}" is not a state of the machine; ${nearest(t.target, stateNames)}`,
        ),
      );
    if (t.guard) {
      const name = t.guard.condition;
      if (!decisionNames.includes(name))
        problems.push(
          problem(
            'machine.unknownGuard',
            `${p}/guard/condition`,
            `guard "${name}" names no condition; declare it under "conditions" or use a built-in (${BUILTIN_DECISIONS.join(', ')}); ${nearest(name, Object.keys(conditions))}`,
          ),
        );
    }
  };

  // A norm of one branch (timer leadsTo, steps/stepTimers) names states this state's own transitions go to.
  const checkTimerBranch = (t: TimerDef, s: StateDef, p: string) => {
    if (!t.leadsTo) return;
    if (t.target)
      problems.push(
        problem(
          'machine.timerBranchWithTarget',
          `${p}/leadsTo`,
          `timer "${t.id}" has both a target and leadsTo: a timer that moves the application times no branch; keep one`,
        ),
      );
    const ways = [...Object.values(s.on ?? {}).flatMap((x) => asArray(x)), ...(s.always ?? [])].map((x) => x.target);
    t.leadsTo.forEach((to, k) => {
      if (!ways.includes(to))
        problems.push(
          problem(
            'machine.timerBranchUnknown',
            `${p}/leadsTo/${k}`,
            `timer "${t.id}" times the way to "${to}", but no transition of this state goes there; ${ways.length ? `its transitions go to ${[...new Set(ways)].join(', ')}` : 'the state has no transitions'}`,
          ),
        );
    });
  };
  // Clock counting is for minutes and seconds (calendar/addDuration): days and working hours have no clock reading.
  const checkClock = (duration: string, p: string) => {
    if (!/ (?:minutes|seconds)$/.test(duration))
      problems.push(
        problem(
          'deadline.clockUnit',
          p,
          `counting.clock counts minutes or seconds as clock time; "${duration}" is not in minutes or seconds (write e.g. "20 minutes", or drop clock)`,
        ),
      );
  };

  const reachable = new Set<string>([v.machine.initial]);
  for (const [name, s] of Object.entries(states)) {
    const sp = `${at}/machine/states/${name}`;
    for (const [event, ts] of Object.entries(s.on ?? {})) {
      if (!has(events, event))
        problems.push(
          problem(
            'machine.unknownEvent',
            `${sp}/on/${event}`,
            `event "${event}" is not declared under machine.events (declare its name and the roles that may send it, e.g. "${event}": { "name": { "kk": "…", "ru": "…" }, "roles": ["operator"] })`,
          ),
        );
      asArray(ts).forEach((t, i) => {
        checkGuard(t, Array.isArray(ts) ? `${sp}/on/${event}/${i}` : `${sp}/on/${event}`);
        reachable.add(t.target);
      });
    }
    (s.always ?? []).forEach((t, i) => {
      checkGuard(t, `${sp}/always/${i}`);
      reachable.add(t.target);
    });
    (s.timers ?? []).forEach((t, i) => {
      if (t.target) {
        if (!has(states, t.target))
          problems.push(
            problem(
              'machine.unknownTarget',
              `${sp}/timers/${i}/target`,
              `timer target "${t.target}" is not a state; ${nearest(t.target, stateNames)}`,
            ),
          );
        reachable.add(t.target);
      }
      checkTimerBranch(t, s, `${sp}/timers/${i}`);
      if (t.after && t.counting?.clock) checkClock(t.after, `${sp}/timers/${i}/counting/clock`);
      if (t.beforeDeadline && !deadlineIds.includes(t.beforeDeadline.deadline))
        problems.push(
          problem(
            'machine.unknownDeadline',
            `${sp}/timers/${i}/beforeDeadline/deadline`,
            `deadline "${t.beforeDeadline.deadline}" is not declared; ${nearest(t.beforeDeadline.deadline, deadlineIds)}`,
          ),
        );
    });
    (s.documents ?? []).forEach((d, i) => {
      if (!documentIds.includes(d))
        problems.push(
          problem(
            'machine.unknownDocument',
            `${sp}/documents/${i}`,
            `document "${d}" is not declared under documents; ${nearest(d, documentIds)}`,
          ),
        );
    });
    for (const key of ['suspend', 'resume', 'start'] as const) {
      (s.deadlines?.[key] ?? []).forEach((d, i) => {
        if (!deadlineIds.includes(d))
          problems.push(
            problem(
              'machine.unknownDeadline',
              `${sp}/deadlines/${key}/${i}`,
              `deadline "${d}" is not declared; ${nearest(d, deadlineIds)}`,
            ),
          );
      });
    }
    (s.deadlines?.extend ?? []).forEach((e, i) => {
      if (!deadlineIds.includes(e.deadline))
        problems.push(
          problem(
            'machine.unknownDeadline',
            `${sp}/deadlines/extend/${i}/deadline`,
            `deadline "${e.deadline}" is not declared; ${nearest(e.deadline, deadlineIds)}`,
          ),
        );
    });
    if (s.final && (Object.keys(s.on ?? {}).length || (s.always ?? []).length))
      problems.push(
        problem(
          'machine.finalWithExits',
          sp,
          `state "${name}" is final but has transitions out of it; a final state ends the application`,
        ),
      );
  }
  for (const name of stateNames) {
    if (!reachable.has(name))
      problems.push({
        ...problem(
          'machine.unreachable',
          `${at}/machine/states/${name}`,
          `state "${name}" cannot be reached from "${v.machine.initial}": no transition leads to it`,
        ),
        severity: 'warning',
      });
  }

  const rules = [
    ...Object.entries(conditions).map(([name, c]) => ({ when: c.when, pointer: `${at}/conditions/${name}/when` })),
    ...(v.refusalGrounds ?? []).map((g, i) => ({ when: g.when, pointer: `${at}/refusalGrounds/${i}/when` })),
  ];
  for (const { when, pointer } of rules) {
    for (const p of negatedReferences(when, pointer))
      problems.push(
        problem(
          'rules.negatedReference',
          p.pointer,
          `a reference is negated with "negate": write { "condition": "${p.name}", "negate": true } instead of { "not": { "condition": "${p.name}" } }`,
        ),
      );
  }
  // Named conditions and grounds' rules alike may only refer to declared conditions.
  for (const { when, pointer } of rules) {
    for (const ref of conditionReferences(when, pointer)) {
      if (!has(conditions, ref.name))
        problems.push(
          problem(
            'rules.unknownCondition',
            ref.pointer,
            `condition "${ref.name}" is not declared under conditions; ${nearest(ref.name, Object.keys(conditions))}`,
          ),
        );
    }
  }
  // A condition that depends on itself, directly or through others, can never be decided.
  for (const cycle of conditionCycles(conditions, `${at}/conditions`))
    problems.push({
      ...problem(
        'rules.conditionCycle',
        cycle.pointer,
        `the conditions ${[...cycle.names, cycle.names[0]].join(' → ')} refer to each other in a circle, so none of them can be decided; let one of them test facts or decisions instead`,
      ),
      params: { conditions: cycle.names },
    });
  const groundIds = new Set<string>();
  (v.refusalGrounds ?? []).forEach((g, i) => {
    if (groundIds.has(g.id))
      problems.push(
        problem('rules.duplicateGround', `${at}/refusalGrounds/${i}/id`, `refusal ground id "${g.id}" is used twice`),
      );
    groundIds.add(g.id);
  });

  v.deadlines.forEach((d, i) => {
    const dp = `${at}/deadlines/${i}`;
    (d.cases ?? []).forEach((c, j) => {
      if (c.counting?.clock) checkClock(c.duration, `${dp}/cases/${j}/counting/clock`);
      if (c.when && !decisionNames.includes(c.when.condition))
        problems.push(
          problem(
            'deadline.unknownCondition',
            `${dp}/cases/${j}/when/condition`,
            `condition "${c.when.condition}" is not declared under conditions; ${nearest(c.when.condition, Object.keys(conditions))}`,
          ),
        );
    });
    if (d.start && typeof d.start === 'object' && !has(states, d.start.state))
      problems.push(
        problem(
          'deadline.unknownState',
          `${dp}/start/state`,
          `state "${d.start.state}" is not a state of the machine; ${nearest(d.start.state, stateNames)}`,
        ),
      );
    if (deadlineIds.indexOf(d.id) !== i)
      problems.push(problem('deadline.duplicate', `${dp}/id`, `deadline id "${d.id}" is used twice`));
  });
  (v.variants ?? []).forEach((variant, i) => {
    if (variant.when && !decisionNames.includes(variant.when.condition))
      problems.push(
        problem(
          'variant.unknownCondition',
          `${at}/variants/${i}/when/condition`,
          `condition "${variant.when.condition}" is not declared under conditions; ${nearest(variant.when.condition, Object.keys(conditions))}`,
        ),
      );
  });
  return problems;
}

/**
 * Each circle of references among named conditions, once: the names in order and the reference that closes it
 * (depth-first; a reference to an undeclared name is reported elsewhere).
 */
function conditionCycles(
  conditions: Record<string, { when: Condition }>,
  at: string,
): Array<{ names: string[]; pointer: string }> {
  const cycles: Array<{ names: string[]; pointer: string }> = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string) => {
    path.push(name);
    for (const ref of conditionReferences(conditions[name].when, `${at}/${name}/when`)) {
      if (!has(conditions, ref.name) || done.has(ref.name)) continue;
      const from = path.indexOf(ref.name);
      if (from >= 0) cycles.push({ names: path.slice(from), pointer: ref.pointer });
      else visit(ref.name);
    }
    path.pop();
    done.add(name);
  };
  for (const name of Object.keys(conditions)) if (!done.has(name)) visit(name);
  return cycles;
}
