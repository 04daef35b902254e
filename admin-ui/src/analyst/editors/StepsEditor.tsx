import {
  APPLICATION_STATUSES,
  DURATION_UNITS,
  serviceSchema,
  type ConditionRef,
  type EventDef,
  type MachineDef,
  type StateDef,
  type TimerDef,
  type VersionDef,
} from '@qyzmet/engine';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea } from '../../i18n';
import { stepsEditor } from '../../i18n/editors/steps';
import { officer } from '../../i18n/officer';
import { LangTexts, type Texts } from './LangTexts';
import { CardToggle } from './CardToggle';
import { ConfirmRemove } from './ConfirmRemove';
import { LegalRefField } from './LegalRefPicker';
import {
  addEvent,
  addState,
  addTimer,
  eventIdError,
  eventsOf,
  referencesTo,
  removeEvent,
  removeState,
  removeTimer,
  splitDuration,
  stateIdError,
  timerIdError,
  statesUsingEvent,
  transitionsOf,
  type IdError,
} from './machineModel';
import { pointerOf, problemsAt, setIn } from './pointer';
import { invalidProps, ProblemList } from './ProblemList';
import type { EditorContext } from './types';
import { useGuardText } from './useGuardText';
import './editors.css';

registerArea('stepsEditor', stepsEditor);
// The names of actors and statuses are the officer's inbox's own: one wording for a role everywhere.
registerArea('officer', officer);

type Lang = EditorContext['lang'];
type Actor = EventDef['roles'][number];
const ACTORS = (serviceSchema as unknown as { $defs: { actor: { enum: Actor[] } } }).$defs.actor.enum;
const textIn = (t: { kk?: string; ru?: string; en?: string } | undefined, lang: Lang) =>
  t ? (lang === 'en' ? (t.en ?? t.ru) : t[lang]) || '' : '';
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

type Props = EditorContext & { selected: string | null; onSelect: (state: string | null) => void };

/**
 * The steps of the draft as a form, beside the diagram: each step's names, status, performer and step deadlines, and
 * its events (names, who may send them, where they lead; guards in words, read only). Ids are chosen once when a step
 * or an event is added and never renamed (applications in progress hold them); a removal asks for a second click. The
 * step open here is the one selected in the diagram.
 */
export function StepsEditor(props: Props) {
  const { version, compiled, readOnly, onChange, selected, onSelect } = props;
  const { t } = useTranslation('stepsEditor');
  const written = version.machine as MachineDef | undefined;
  // A machine brought in by `$include` is shown as compiled and edited by an engineer in its file.
  const writable = isObject(written) && isObject(written.states) && !('$include' in written);
  const machine = writable ? written : compiled?.version.machine;
  if (!machine || !isObject(machine.states)) return <p className="qz-muted">—</p>;
  const locked = readOnly || !writable;
  const setMachine = (m: MachineDef) => onChange({ ...version, machine: m });
  const stateIds = Object.keys(machine.states).filter((id) => isObject(machine.states[id]));
  return (
    <div className="qz-steps" data-testid="steps-editor">
      <p className="qz-muted qz-small">{t('intro')}</p>
      {stateIds.map((id) => (
        <StateCard
          key={id}
          {...props}
          id={id}
          machine={machine}
          state={machine.states[id]}
          stateIds={stateIds}
          open={selected === id}
          onToggle={() => onSelect(selected === id ? null : id)}
          readOnly={locked}
          setMachine={setMachine}
        />
      ))}
      {!locked && (
        <NewId
          label={t('newStateId')}
          button={t('addState')}
          kind="state"
          error={(id) => stateIdError(machine, id)}
          onAdd={(id) => {
            setMachine(addState(machine, id));
            onSelect(id);
          }}
          testId="add-state"
        />
      )}
    </div>
  );
}

function StateCard({
  id,
  machine,
  state,
  stateIds,
  open,
  onToggle,
  version,
  acts,
  lang,
  readOnly,
  problems,
  onChange,
  setMachine,
}: Props & {
  id: string;
  machine: MachineDef;
  state: StateDef;
  stateIds: string[];
  open: boolean;
  onToggle: () => void;
  setMachine: (m: MachineDef) => void;
}) {
  const { t } = useTranslation('stepsEditor');
  const bodyId = useId();
  const ref = useRef<HTMLElement>(null);
  // Selected in the diagram: brought into view here.
  useEffect(() => {
    if (open) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [open]);
  const at = pointerOf('machine', 'states', id);
  const set = (pointer: string, value: unknown) => onChange(setIn(version, pointer, value));
  const mine = problemsAt(problems, at);
  const refs = referencesTo(machine, id);
  const initial = machine.initial === id;
  return (
    <section
      ref={ref}
      className={`qz-step card${open ? ' qz-step-open' : ''}`}
      data-state={id}
      aria-invalid={mine.length > 0 || undefined}
    >
      <CardToggle
        headClassName="qz-step-head"
        className="qz-step-toggle"
        open={open}
        bodyId={bodyId}
        onToggle={onToggle}
        testId={`step-toggle-${id}`}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {textIn(state.label, lang) || id}{' '}
        <code className="qz-muted">{id}</code>
        {initial && <span className="qz-badge">{t('initial')}</span>}
        {state.final && <span className="qz-badge">{t('finalBadge')}</span>}
        {mine.length > 0 && <span className="qz-badge qz-badge-fail">{mine.length}</span>}
      </CardToggle>
      {open && (
        <div id={bodyId} className="qz-step-body" data-testid={`step-card-${id}`}>
          <LangTexts
            label={t('stateName')}
            name={`state.${id}.label`}
            value={state.label as Texts}
            readOnly={readOnly}
            problems={problemsAt(problems, `${at}/label`)}
            onChange={(v) => set(`${at}/label`, v)}
          />
          <div className="qz-row">
            <Select
              label={t('status')}
              value={state.status}
              options={APPLICATION_STATUSES.map((s) => [s, t(`officer:status.${s}`)])}
              readOnly={readOnly}
              problems={problemsAt(problems, `${at}/status`)}
              onChange={(v) => set(`${at}/status`, v)}
            />
            <Select
              label={t('performer')}
              value={state.performer ?? ''}
              options={[['', t('noPerformer')], ...ACTORS.map((a) => [a, roleName(machine, a, lang, t)] as const)]}
              readOnly={readOnly}
              problems={problemsAt(problems, `${at}/performer`)}
              onChange={(v) => set(`${at}/performer`, v || undefined)}
            />
            <label className="qz-inline">
              <input
                type="checkbox"
                checked={!!state.final}
                disabled={readOnly}
                onChange={(e) => set(`${at}/final`, e.target.checked || undefined)}
              />
              {t('final')}
            </label>
          </div>
          <LegalRefField
            label={t('legalRef')}
            ctx={{ version, onChange, acts, lang, problems }}
            pointer={`${at}/legalRef`}
            value={state.legalRef}
            readOnly={readOnly}
          />
          {!!state.documents?.length && (
            <p className="qz-small">
              {t('issues')}:{' '}
              {state.documents
                .map((d) => textIn(version.documents?.find((x) => x?.id === d)?.label, lang) || d)
                .join('; ')}
            </p>
          )}
          <Timers
            at={at}
            stateId={id}
            state={state}
            stateIds={stateIds}
            machine={machine}
            version={version}
            acts={acts}
            lang={lang}
            readOnly={readOnly}
            problems={problems}
            onChange={onChange}
            set={set}
            setMachine={setMachine}
          />
          <Automatic state={state} version={version} lang={lang} machine={machine} />
          <h4>{t('events')}</h4>
          {!eventsOf(state).length && <p className="qz-muted qz-small">{t('noEvents')}</p>}
          {eventsOf(state).map((ev) => (
            <EventRow
              key={ev}
              stateId={id}
              event={ev}
              machine={machine}
              stateIds={stateIds}
              version={version}
              lang={lang}
              readOnly={readOnly}
              problems={problems}
              set={set}
              setMachine={setMachine}
            />
          ))}
          {!readOnly && (
            <NewEvent machine={machine} stateId={id} stateIds={stateIds} lang={lang} setMachine={setMachine} />
          )}
          {!readOnly &&
            (initial ? (
              <p className="qz-muted qz-small">{t('initialNotRemovable')}</p>
            ) : (
              <ConfirmRemove
                label={t('removeState')}
                note={refs.transitions || refs.timers ? t('removeStateRefs', refs) : undefined}
                onConfirm={() => {
                  setMachine(removeState(machine, id));
                  onToggle();
                }}
              />
            ))}
        </div>
      )}
    </section>
  );
}

/** A role by the name the definition gives it (machine.roles), or by the interface's name for the actor. */
function roleName(machine: MachineDef, role: string, lang: Lang, t: (k: string) => string) {
  return textIn(machine.roles?.[role]?.label, lang) || t(`officer:actor.${role}`);
}

function EventRow({
  stateId,
  event,
  machine,
  stateIds,
  version,
  lang,
  readOnly,
  problems,
  set,
  setMachine,
}: {
  stateId: string;
  event: string;
  machine: MachineDef;
  stateIds: string[];
  version: VersionDef;
  lang: Lang;
  readOnly: boolean;
  problems: Props['problems'];
  set: (pointer: string, value: unknown) => void;
  setMachine: (m: MachineDef) => void;
}) {
  const { t } = useTranslation('stepsEditor');
  const id = useId();
  const decl = machine.events?.[event];
  const declAt = pointerOf('machine', 'events', event);
  const onAt = pointerOf('machine', 'states', stateId, 'on', event);
  const others = statesUsingEvent(machine, event).filter((s) => s !== stateId);
  const roles = Array.isArray(decl?.roles) ? decl.roles : [];
  const roleProblems = problemsAt(problems, `${declAt}/roles`);
  const toggleRole = (role: Actor, on: boolean) =>
    set(`${declAt}/roles`, on ? [...roles, role] : roles.filter((r) => r !== role));
  return (
    <div className="qz-step-event" data-event={event}>
      <p className="qz-step-event-id">
        <code>{event}</code>
      </p>
      {others.length > 0 && (
        <p className="qz-muted qz-small">
          {t('sharedEvent', {
            states: others.map((s) => textIn(machine.states[s]?.label, lang) || s).join(', '),
          })}
        </p>
      )}
      <LangTexts
        label={t('eventName')}
        name={`event.${event}.label`}
        value={decl?.label as Texts | undefined}
        readOnly={readOnly}
        problems={problemsAt(problems, `${declAt}/label`)}
        onChange={(v) => set(`${declAt}/label`, v)}
      />
      <fieldset className="qz-step-roles" {...invalidProps(`${id}-roles`, roleProblems)}>
        <legend>{t('whoMayAct')}</legend>
        {ACTORS.map((a) => (
          <label key={a} className="qz-inline">
            <input
              type="checkbox"
              checked={roles.includes(a)}
              disabled={readOnly}
              onChange={(e) => toggleRole(a, e.target.checked)}
            />
            {roleName(machine, a, lang, t)}
          </label>
        ))}
        <ProblemList id={`${id}-roles`} problems={roleProblems} />
      </fieldset>
      {transitionsOf(machine.states[stateId], event).map(({ index, transition }) => {
        const at = index === null ? onAt : `${onAt}/${index}`;
        return (
          <div key={index ?? 0} className="qz-row">
            <Select
              label={t('leadsTo')}
              value={transition.target}
              options={stateIds.map((s) => [s, textIn(machine.states[s]?.label, lang) || s])}
              readOnly={readOnly}
              problems={problemsAt(problems, `${at}/target`)}
              onChange={(v) => set(`${at}/target`, v)}
            />
            <GuardText guard={transition.guard} version={version} lang={lang} />
          </div>
        );
      })}
      {!readOnly && (
        <ConfirmRemove label={t('removeEvent')} onConfirm={() => setMachine(removeEvent(machine, stateId, event))} />
      )}
    </div>
  );
}

/** A guard in the analyst's words: the condition's description where the definition gives one. Read only. */
function GuardText({ guard, version, lang }: { guard: ConditionRef | undefined; version: VersionDef; lang: Lang }) {
  const { t } = useTranslation('stepsEditor');
  const words = useGuardText(version, lang);
  if (!guard) return <p className="qz-muted qz-small">{t('otherwise')}</p>;
  return (
    <p className="qz-small qz-step-guard" data-testid="guard">
      {t('onlyWhen')}: {words(guard)}
    </p>
  );
}

/** The moves the system makes by itself, in words. */
function Automatic({
  state,
  version,
  lang,
  machine,
}: {
  state: StateDef;
  version: VersionDef;
  lang: Lang;
  machine: MachineDef;
}) {
  const { t } = useTranslation('stepsEditor');
  const always = Array.isArray(state.always) ? state.always.filter((x) => x && typeof x.target === 'string') : [];
  if (!always.length) return null;
  return (
    <>
      <h4>{t('automatic')}</h4>
      <ul className="qz-small">
        {always.map((x, i) => (
          <li key={i}>
            → {textIn(machine.states[x.target]?.label, lang) || x.target}{' '}
            <GuardText guard={x.guard} version={version} lang={lang} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The step deadlines as the format has them: a time after entering the step, or before a deadline's end. */
function Timers({
  at,
  stateId,
  state,
  stateIds,
  machine,
  version,
  acts,
  lang,
  readOnly,
  problems,
  onChange,
  set,
  setMachine,
}: {
  at: string;
  stateId: string;
  state: StateDef;
  stateIds: string[];
  machine: MachineDef;
  version: VersionDef;
  acts: Props['acts'];
  lang: Lang;
  readOnly: boolean;
  problems: Props['problems'];
  onChange: Props['onChange'];
  set: (pointer: string, value: unknown) => void;
  setMachine: (m: MachineDef) => void;
}) {
  const { t } = useTranslation('stepsEditor');
  const timers = Array.isArray(state.timers) ? state.timers : [];
  if (!timers.length && readOnly) return null;
  return (
    <>
      <h4>{t('timers')}</h4>
      {timers.map((tm: TimerDef, i) => {
        if (!isObject(tm)) return null;
        const tAt = `${at}/timers/${i}`;
        const d = splitDuration(tm.after);
        const deadline = version.deadlines?.find((x) => x?.id === tm.beforeDeadline?.deadline);
        return (
          <div key={tm.id ?? i} className="qz-step-timer" data-timer={tm.id}>
            <p className="qz-small">
              <code>{tm.id}</code>
            </p>
            <LangTexts
              label={t('timerName')}
              value={tm.label as Texts | undefined}
              readOnly={readOnly}
              problems={problemsAt(problems, `${tAt}/label`)}
              onChange={(v) => set(`${tAt}/label`, v)}
            />
            {d && (
              <DurationInput
                label={t('timerAfter')}
                value={d}
                readOnly={readOnly}
                problems={problemsAt(problems, `${tAt}/after`)}
                onChange={(v) => set(`${tAt}/after`, v)}
              />
            )}
            {tm.beforeDeadline && (
              <p className="qz-small">
                {t('timerBefore', {
                  deadline: textIn(deadline?.label, lang) || tm.beforeDeadline.deadline,
                  after: durationWords(tm.beforeDeadline.after, t),
                })}
              </p>
            )}
            <Select
              label={t('timerTarget')}
              value={tm.target ?? ''}
              options={[
                ['', t('timerNoTarget')],
                ...stateIds.map((s) => [s, textIn(machine.states[s]?.label, lang) || s] as const),
              ]}
              readOnly={readOnly}
              problems={problemsAt(problems, `${tAt}/target`)}
              onChange={(v) => set(`${tAt}/target`, v || undefined)}
            />
            <LegalRefField
              label={t('legalRef')}
              ctx={{ version, onChange, acts, lang, problems }}
              pointer={`${tAt}/legalRef`}
              value={tm.legalRef}
              readOnly={readOnly}
            />
            {!readOnly && (
              <ConfirmRemove label={t('removeTimer')} onConfirm={() => setMachine(removeTimer(machine, stateId, i))} />
            )}
          </div>
        );
      })}
      {!readOnly && (
        <NewId
          label={t('newTimerId')}
          button={t('addTimer')}
          kind="timer"
          error={(id) => timerIdError(machine, id)}
          onAdd={(id) => setMachine(addTimer(machine, stateId, id))}
          testId={`add-timer-${stateId}`}
        />
      )}
    </>
  );
}

const durationWords = (d: string, t: (k: string) => string) => {
  const s = splitDuration(d);
  return s ? `${s.n} ${t(`unit.${s.unit}`)}` : d;
};

function DurationInput({
  label,
  value,
  readOnly,
  problems,
  onChange,
}: {
  label: string;
  value: { n: number; unit: string };
  readOnly: boolean;
  problems: Props['problems'];
  onChange: (duration: string) => void;
}) {
  const { t } = useTranslation('stepsEditor');
  const id = useId();
  return (
    <fieldset className="qz-step-duration" {...invalidProps(`${id}-p`, problems)}>
      <legend>{label}</legend>
      <div className="qz-row">
        <label>
          {t('amount')}
          <input
            type="number"
            min={0}
            step={1}
            value={value.n}
            readOnly={readOnly}
            {...invalidProps(`${id}-p`, problems)}
            onChange={(e) =>
              e.target.value !== '' && onChange(`${Math.max(0, Math.trunc(Number(e.target.value)))} ${value.unit}`)
            }
          />
        </label>
        <label>
          {t('unit')}
          <select value={value.unit} disabled={readOnly} onChange={(e) => onChange(`${value.n} ${e.target.value}`)}>
            {DURATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`unit.${u}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProblemList id={`${id}-p`} problems={problems} />
    </fieldset>
  );
}

function Select({
  label,
  value,
  options,
  readOnly,
  problems,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  readOnly: boolean;
  problems: Props['problems'];
  onChange: (v: string) => void;
}) {
  const id = useId();
  // A value the list does not know (odd data) is kept and shown as it is.
  const known = options.some(([v]) => v === value);
  return (
    <label className="qz-grow">
      {label}
      <select
        value={value}
        disabled={readOnly}
        {...invalidProps(`${id}-p`, problems)}
        onChange={(e) => onChange(e.target.value)}
      >
        {!known && <option value={value}>{value}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <ProblemList id={`${id}-p`} problems={problems} />
    </label>
  );
}

/** An id typed once for a new step or event, checked as it is typed (latin, the format's pattern, unused). */
function NewId({
  label,
  button,
  kind,
  error,
  onAdd,
  testId,
  children,
}: {
  label: string;
  button: string;
  kind: 'state' | 'event' | 'timer';
  error: (id: string) => IdError | null;
  onAdd: (id: string) => void;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation('stepsEditor');
  const [id, setId] = useState('');
  const domId = useId();
  const why = error(id);
  const shown = id && why ? (why === 'format' ? t(`idFormat.${kind}`) : why === 'taken' ? t('idTaken') : '') : '';
  const add = () => {
    if (why) return;
    onAdd(id);
    setId('');
  };
  return (
    <div className="qz-row qz-step-new" data-testid={testId}>
      <label className="qz-grow">
        {label}
        <input
          value={id}
          onChange={(e) => setId(e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && add()}
          aria-invalid={!!shown || undefined}
          aria-describedby={`${domId}-hint`}
          spellCheck={false}
          autoCapitalize="off"
        />
        <span id={`${domId}-hint`} className={shown ? 'error qz-small' : 'qz-muted qz-small'}>
          {shown || t(`idFormat.${kind}`)}
        </span>
      </label>
      {children}
      <button type="button" onClick={add} disabled={!!why}>
        {button}
      </button>
    </div>
  );
}

function NewEvent({
  machine,
  stateId,
  stateIds,
  lang,
  setMachine,
}: {
  machine: MachineDef;
  stateId: string;
  stateIds: string[];
  lang: Lang;
  setMachine: (m: MachineDef) => void;
}) {
  const { t } = useTranslation('stepsEditor');
  const [target, setTarget] = useState(stateId);
  return (
    <NewId
      label={t('newEventId')}
      button={t('addEvent')}
      kind="event"
      error={(id) => eventIdError(machine, stateId, id)}
      onAdd={(id) => setMachine(addEvent(machine, stateId, id, target))}
      testId={`add-event-${stateId}`}
    >
      <label className="qz-grow">
        {t('leadsTo')}
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {stateIds.map((s) => (
            <option key={s} value={s}>
              {textIn(machine.states[s]?.label, lang) || s}
            </option>
          ))}
        </select>
      </label>
    </NewId>
  );
}
