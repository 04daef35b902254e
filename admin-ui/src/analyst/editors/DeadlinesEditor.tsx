import {
  DURATION_UNITS,
  formatConditionRef,
  instantOfLocal,
  toLocalIso,
  type ConditionRef,
  type CountingDef,
  type DeadlineDef,
  type LegalRef,
  type VersionDef,
  type WorkingTime,
} from '@qyzmet/engine';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea } from '../../i18n';
import { deadlinesTexts } from '../../i18n/editors/deadlines';
import type { EditorProblem } from '../model';
import { plainValue } from '../plainValue';
import { legalRefText } from '../Previews';
import { dottedDate, explainDue, problemText, type LocalMoment, type SkippedDay } from './explainDue';
import { LangTexts, type Texts } from './LangTexts';
import { LegalRefField } from './LegalRefPicker';
import { getIn, pointerOf, problemsAt, setIn } from './pointer';
import type { EditorContext } from './types';
import './editors.css';

registerArea('deadlines', deadlinesTexts);

type Lang = EditorContext['lang'];
type DeadlineCase = NonNullable<DeadlineDef['cases']>[number];
type T = (key: string, options?: Record<string, unknown>) => string;

const ID = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const DAY_UNITS: readonly string[] = ['workingDays', 'calendarDays', 'months'];
const COUNT_STARTS = ['nextDay', 'sameDay'] as const;
const COUNT_ENDS = ['endOfWorkingDay', 'endOfDay', 'sameTime'] as const;

const pick = (t: { kk?: string; ru?: string; en?: string } | undefined, lang: Lang) =>
  (t && (lang === 'en' ? (t.en ?? t.ru) : t[lang])) || '';
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isInclude = (v: unknown) => isObject(v) && typeof v.$include === 'string';

/** A case's `when` the form can pick: a plain reference to a named condition (a negation stays in the JSON). */
function pickableRef(when: unknown): when is ConditionRef {
  return isObject(when) && typeof when.condition === 'string' && !when.negate;
}

/** "2 workingDays" → its number and unit as typed; odd text keeps what it has. */
function splitDuration(duration: unknown): { amount: string; unit: string } {
  const m = /^\s*(\S*)\s*(\S*)\s*$/.exec(typeof duration === 'string' ? duration : '');
  return { amount: m?.[1] ?? '', unit: m?.[2] || 'workingDays' };
}

/** Now as a datetime-local value ("YYYY-MM-DDTHH:mm") in the calendar's zone. */
const localInput = (ms: number, zone: string) => toLocalIso(ms, zone).slice(0, 16);

/** A labelled control: the label names the control alone (a wrapping label would add its options to its name). */
function Field({
  label,
  className,
  children,
}: {
  label: string;
  className: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/**
 * The problems under one field, and the attributes that mark it. `exact`: only those at the pointer itself;
 * `except`: those at or under it but not under these members, which show them at their own fields.
 */
function useField(
  problems: readonly EditorProblem[],
  pointer: string,
  { exact = false, except = [] }: { exact?: boolean; except?: readonly string[] } = {},
) {
  const id = useId();
  const placed = except.map((key) => `${pointer}/${key}`);
  const own = (exact ? problems.filter((p) => p.pointer === pointer) : problemsAt(problems, pointer)).filter(
    (p) => !placed.some((at) => p.pointer === at || p.pointer?.startsWith(`${at}/`)),
  );
  return {
    problems: own,
    attrs: {
      'aria-invalid': own.length > 0 || undefined,
      'aria-describedby': own.length ? `${id}-problems` : undefined,
    },
    messages: own.length ? (
      <ul id={`${id}-problems`} className="error qz-small qz-dl-problems">
        {own.map((p, i) => (
          <li key={i}>{p.message}</li>
        ))}
      </ul>
    ) : null,
  };
}

/**
 * The deadlines of the draft as a form: each term a card (its name in kk/ru/en, when it starts, its legal reference)
 * with its cases (the named condition that selects it, number and unit, counting, note, reference), each case
 * explained live on the working calendar for a submission instant the analyst picks. A shared term (`$include`) and a
 * term the act leaves to another document (`notEncoded`) are shown in words, never as inputs.
 */
export function DeadlinesEditor(ctx: EditorContext) {
  const { t } = useTranslation('deadlines');
  const { compiled, env, serviceId } = ctx;
  const wt = useMemo(() => workingTimeOf(compiled, env, serviceId), [compiled, env, serviceId]);
  const zone = wt?.timeZone ?? 'Asia/Almaty';
  const [submitted, setSubmitted] = useState(() => localInput(Date.now(), zone));
  const deadlines: unknown[] = Array.isArray(ctx.version.deadlines) ? ctx.version.deadlines : [];
  const change = (pointer: string, value: unknown) => ctx.onChange(setIn(ctx.version, pointer, value));
  const arrivedAt = useMemo(() => {
    try {
      return instantOfLocal(submitted, zone);
    } catch {
      return NaN;
    }
  }, [submitted, zone]);

  return (
    <div className="qz-deadlines">
      <SubmissionInstant ctx={ctx} zone={zone} value={submitted} onChange={setSubmitted} t={t} />
      {deadlines.map((d, i) => {
        const pointer = pointerOf('deadlines', i);
        if (isInclude(d)) return <SharedDeadline key={i} {...{ ctx, t, wt, arrivedAt, pointer }} index={i} />;
        if (!isObject(d)) return null;
        const deadline = d as unknown as DeadlineDef;
        return (
          <section
            key={i}
            className="card qz-deadline"
            aria-label={`${t('term')}: ${pick(deadline.label, ctx.lang) || String(deadline.id ?? '')}`}
            data-deadline={String(deadline.id ?? '')}
          >
            <DeadlineCard {...{ ctx, t, wt, arrivedAt, pointer, deadline }} readOnly={ctx.readOnly} onChange={change} />
            {!ctx.readOnly && (
              <p>
                <button
                  type="button"
                  className="qz-dl-remove"
                  disabled={deadline.id === 'service'}
                  title={deadline.id === 'service' ? t('serviceKept') : undefined}
                  onClick={() => change(pointer, undefined)}
                >
                  {t('removeDeadline', { name: pick(deadline.label, ctx.lang) || deadline.id })}
                </button>
              </p>
            )}
          </section>
        );
      })}
      {!ctx.readOnly && <AddDeadline ctx={ctx} t={t} taken={deadlines} onAdd={(d) => change('/deadlines/-', d)} />}
    </div>
  );
}

/** A term included from a shared fragment: the resolved term, read only, with the problems of the include. */
function SharedDeadline(props: Omit<CardProps, 'deadline' | 'readOnly' | 'onChange'> & { index: number }) {
  const { ctx, t, pointer, index } = props;
  const field = useField(ctx.problems, pointer);
  const resolved = ctx.compiled?.version.deadlines?.[index];
  return (
    <section
      className="card qz-deadline"
      aria-label={`${t('term')}: ${pick(resolved?.label, ctx.lang) || String(resolved?.id ?? index + 1)}`}
      {...field.attrs}
    >
      <p className="qz-dl-shared" role="note">
        {t('shared')}
      </p>
      {field.messages}
      {resolved ? (
        <DeadlineCard {...props} ctx={{ ...ctx, problems: [] }} deadline={resolved} readOnly />
      ) : (
        <p className="qz-muted">{t('sharedMissing')}</p>
      )}
    </section>
  );
}

/**
 * The service's working calendar: the compiled one, else the schedule its entry file names, so that a draft that
 * does not compile yet (a citation missing) still gets its explanations.
 */
function workingTimeOf(
  compiled: EditorContext['compiled'],
  env: EditorContext['env'],
  serviceId: string,
): WorkingTime | undefined {
  if (compiled) return compiled.service.workingTime;
  try {
    const entry = JSON.parse(env.readText(`definitions/services/${serviceId}/service.json`) ?? 'null') as {
      schedule?: { id?: unknown };
    } | null;
    const id = entry?.schedule?.id;
    return typeof id === 'string' ? env.workingTime(id) : undefined;
  } catch {
    return undefined;
  }
}

/** The submission instant every case is explained for: now by default, or a scenario's. */
function SubmissionInstant({
  ctx,
  zone,
  value,
  onChange,
  t,
}: {
  ctx: EditorContext;
  zone: string;
  value: string;
  onChange: (v: string) => void;
  t: T;
}) {
  const picks = useMemo(() => {
    const seen = new Map<string, string>();
    for (const run of ctx.runs) {
      const at = run.scenario?.at;
      const ms = typeof at === 'string' ? Date.parse(at) : NaN;
      if (Number.isNaN(ms)) continue;
      const local = localInput(ms, zone);
      if (!seen.has(local)) seen.set(local, run.scenario?.name ?? run.file);
    }
    return [...seen].slice(0, 8);
  }, [ctx.runs, zone]);
  return (
    <div className="qz-dl-instant" role="group" aria-label={t('onCalendar')}>
      <Field className="qz-dl-field" label={`${t('submittedAt')} (${zone})`}>
        {(controlId) => (
          <input
            id={controlId}
            type="datetime-local"
            value={value}
            onChange={(e) => e.target.value && onChange(e.target.value)}
            data-testid="deadline-submitted"
          />
        )}
      </Field>
      {picks.length > 0 && (
        <div className="qz-dl-picks" role="group" aria-label={t('fromScenarios')}>
          <span className="qz-muted qz-small">{t('fromScenarios')}:</span>
          {picks.map(([local, name]) => (
            <button
              key={local}
              type="button"
              className="qz-dl-pick"
              aria-pressed={local === value}
              title={name}
              aria-label={`${local.replace('T', ' ')} — ${name}`}
              onClick={() => onChange(local)}
            >
              {local.replace('T', ' ')}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

interface CardProps {
  ctx: EditorContext;
  t: T;
  wt: WorkingTime | undefined;
  arrivedAt: number;
  pointer: string;
  deadline: DeadlineDef;
  readOnly: boolean;
  onChange?: (pointer: string, value: unknown) => void;
}

/** One term: its name, start and reference, then its cases, or the statement that it is not encoded. */
function DeadlineCard(props: CardProps) {
  const { ctx, t, pointer, deadline, readOnly } = props;
  const set = (key: string, value: unknown) => props.onChange?.(`${pointer}/${key}`, value);
  const root = useField(ctx.problems, pointer, { except: ['label', 'start', 'legalRef', 'cases'] });
  const casesField = useField(ctx.problems, `${pointer}/cases`, { exact: true });
  const cases: unknown[] = Array.isArray(deadline.cases) ? deadline.cases : [];
  return (
    <>
      <h3 className="qz-dl-title">
        {pick(deadline.label, ctx.lang) || t('term')} <code className="qz-muted qz-small">{String(deadline.id)}</code>
      </h3>
      {root.messages}
      <LangTexts
        label={t('name')}
        value={deadline.label as Texts | undefined}
        onChange={(v) => set('label', v)}
        readOnly={readOnly}
        problems={problemsAt(ctx.problems, `${pointer}/label`)}
        name={`deadline-${String(deadline.id)}-label`}
      />
      <StartSelect {...props} />
      <FoldedLegalRef
        {...{ ctx, t, readOnly }}
        value={deadline.legalRef}
        pointer={`${pointer}/legalRef`}
        onChange={props.onChange}
      />
      {deadline.notEncoded ? (
        <NotEncodedView t={t} lang={ctx.lang} value={deadline.notEncoded} />
      ) : (
        <div className="qz-dl-cases">
          <h4>
            {t('cases')} <span className="qz-muted qz-small">{t('casesHint')}</span>
          </h4>
          {casesField.messages}
          {cases.map((c, j) =>
            isObject(c) ? (
              <CaseEditor
                key={j}
                {...props}
                index={j}
                count={cases.length}
                value={c as unknown as DeadlineCase}
                pointer={`${pointer}/cases/${j}`}
              />
            ) : null,
          )}
          {!readOnly && (
            <button type="button" onClick={() => set(`cases/${cases.length}`, { duration: '1 workingDays' })}>
              + {t('addCase')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** Where the term starts: registration, or entering a step of the machine (by its name in the UI language). */
function StartSelect({ ctx, t, pointer, deadline, readOnly, onChange }: CardProps) {
  const field = useField(ctx.problems, `${pointer}/start`);
  const states = (
    isObject(ctx.version.machine?.states) ? ctx.version.machine.states : {}
  ) as VersionDef['machine']['states'];
  const start = deadline.start;
  const value = isObject(start) && typeof start.state === 'string' ? `state:${start.state}` : 'registration';
  const options: Array<[string, string]> = [
    ['registration', t('startRegistration')],
    ...Object.entries(states).map(([id, s]): [string, string] => [
      `state:${id}`,
      t('startState', { state: pick(s?.label, ctx.lang) || id }),
    ]),
  ];
  if (!options.some(([v]) => v === value)) options.push([value, t('startState', { state: value.slice(6) })]);
  return (
    <Field className="qz-dl-field" label={t('start')}>
      {(controlId) => (
        <>
          <select
            id={controlId}
            value={value}
            disabled={readOnly}
            {...field.attrs}
            onChange={(e) =>
              onChange?.(
                `${pointer}/start`,
                e.target.value === 'registration' ? 'registration' : { state: e.target.value.slice(6) },
              )
            }
          >
            {options.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
          {field.messages}
        </>
      )}
    </Field>
  );
}

/**
 * A legal reference in the words documents print, with its problems; the analyst changes it with the shared picker
 * (act, clause, lines, quote), folded so that a case stays short to read.
 */
function FoldedLegalRef({
  ctx,
  t,
  value,
  pointer,
  readOnly,
  onChange,
}: {
  ctx: EditorContext;
  t: T;
  value: LegalRef | undefined;
  pointer: string;
  readOnly: boolean;
  onChange?: (pointer: string, value: unknown) => void;
}) {
  const field = useField(ctx.problems, pointer);
  const [open, setOpen] = useState(field.problems.length > 0);
  const text = isObject(value) ? legalRefText(value, ctx.lang) : '';
  const editable = !readOnly && !!onChange;
  return (
    <div className="qz-dl-ref" {...field.attrs}>
      <span className="qz-dl-ref-label">{t('legalRef')}:</span>{' '}
      {text ? <span>{text}</span> : <span className="qz-muted">{t('legalRefMissing')}</span>}
      {isObject(value) && typeof value.quote === 'string' && <q className="qz-dl-quote">{value.quote}</q>}
      {!(editable && open) && field.messages}
      {editable && (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('editLegalRef')}</summary>
          {open && <LegalRefField ctx={ctx} pointer={pointer} value={value} label={t('legalRef')} />}
        </details>
      )}
    </div>
  );
}

/** A term the act leaves to a document not in the seeds: what, why and where, read only (nothing to guess). */
function NotEncodedView({ t, lang, value }: { t: T; lang: Lang; value: DeadlineDef['notEncoded'] }) {
  if (!value) return null;
  return (
    <div className="qz-dl-notencoded" role="note">
      <strong>{t('notEncoded')}</strong>
      <dl>
        <dt>{t('notEncodedWhat')}</dt>
        <dd>{plainValue(value.what, lang, 400)}</dd>
        <dt>{t('notEncodedReason')}</dt>
        <dd>{plainValue(value.reason, lang, 600)}</dd>
        {value.citation && (
          <>
            <dt>{t('notEncodedCitation')}</dt>
            <dd>
              {legalRefText(value.citation, lang)}
              {value.citation.note && <span className="qz-muted"> — {value.citation.note}</span>}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** The words of a named condition: its description in the UI language, else its id. */
function conditionWords(version: VersionDef, name: string, lang: Lang): string {
  const named = isObject(version.conditions) ? version.conditions[name] : undefined;
  return pick(named?.description, lang) || name;
}

/** A case's condition in words, for its group's name. */
function whenWords(version: VersionDef, when: unknown, lang: Lang, t: T): string {
  if (when === undefined) return t('always');
  if (pickableRef(when)) return conditionWords(version, when.condition, lang);
  if (isObject(when) && typeof when.condition === 'string')
    return t('notHolds', { text: conditionWords(version, when.condition, lang) });
  return plainValue(when, lang);
}

function CaseEditor(props: CardProps & { index: number; count: number; value: DeadlineCase }) {
  const { ctx, t, pointer, value, index, count, readOnly, onChange } = props;
  const set = (key: string, v: unknown) => onChange?.(`${pointer}/${key}`, v);
  const n = index + 1;
  const words = whenWords(ctx.version, value.when, ctx.lang, t);
  const legendId = useId();
  const note = useField(ctx.problems, `${pointer}/note`);
  const own = useField(ctx.problems, pointer, { except: ['when', 'duration', 'counting', 'note', 'legalRef'] });
  const casesPointer = pointer.slice(0, pointer.lastIndexOf('/'));
  const move = (to: number) => {
    const list = getIn(ctx.version, casesPointer) as unknown[];
    const next = [...list];
    [next[index], next[to]] = [next[to], next[index]];
    onChange?.(casesPointer, next);
  };
  return (
    <fieldset className="qz-dl-case" aria-labelledby={legendId} {...own.attrs}>
      <legend id={legendId}>{t('caseOf', { n, when: words })}</legend>
      {own.messages}
      <WhenSelect {...props} />
      <DurationAndExplanation {...props} />
      <Field className="qz-dl-field" label={t('note')}>
        {(controlId) => (
          <>
            <textarea
              id={controlId}
              rows={2}
              value={typeof value.note === 'string' ? value.note : ''}
              readOnly={readOnly}
              {...note.attrs}
              onChange={(e) => set('note', e.target.value || undefined)}
            />
            {note.messages}
          </>
        )}
      </Field>
      <FoldedLegalRef {...{ ctx, t, readOnly, onChange }} value={value.legalRef} pointer={`${pointer}/legalRef`} />
      {!readOnly && (
        <div className="qz-dl-case-actions">
          <button
            type="button"
            disabled={index === 0}
            onClick={() => move(index - 1)}
            aria-label={t('moveCaseUp', { n })}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={index === count - 1}
            onClick={() => move(index + 1)}
            aria-label={t('moveCaseDown', { n })}
          >
            ↓
          </button>
          {/* A term keeps at least one case (the format requires it). */}
          <button type="button" disabled={count <= 1} onClick={() => onChange?.(pointer, undefined)}>
            {t('removeCase', { n })}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** The condition that selects a case, among the version's named conditions; anything else is read only. */
function WhenSelect({ ctx, t, pointer, value, readOnly, onChange }: CardProps & { value: DeadlineCase }) {
  const field = useField(ctx.problems, `${pointer}/when`);
  const when: unknown = value.when;
  if (when !== undefined && !pickableRef(when)) {
    const formal =
      isObject(when) && typeof when.condition === 'string' ? formatConditionRef(when as unknown as ConditionRef) : '';
    return (
      <div className="qz-dl-field" role="group" aria-label={t('when')} {...field.attrs}>
        <span>{t('when')}</span>
        <p className="qz-dl-readonly">
          {whenWords(ctx.version, when, ctx.lang, t)} {formal && <code className="qz-muted">{formal}</code>}
        </p>
        <p className="qz-muted qz-small">{t('complexWhen')}</p>
        {field.messages}
      </div>
    );
  }
  const names = Object.keys(isObject(ctx.version.conditions) ? ctx.version.conditions : {});
  const current = when === undefined ? '' : when.condition;
  if (current && !names.includes(current)) names.push(current);
  return (
    <Field className="qz-dl-field" label={t('when')}>
      {(controlId) => (
        <>
          <select
            id={controlId}
            value={current}
            disabled={readOnly}
            {...field.attrs}
            onChange={(e) => onChange?.(`${pointer}/when`, e.target.value ? { condition: e.target.value } : undefined)}
          >
            <option value="">{t('always')}</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {conditionWords(ctx.version, name, ctx.lang)}
              </option>
            ))}
          </select>
          {field.messages}
        </>
      )}
    </Field>
  );
}

/**
 * Number, unit and counting of a case, and its explanation on the calendar. The number is kept as typed, so the
 * explanation follows each keystroke (an empty field included) before the draft recompiles.
 */
function DurationAndExplanation({
  ctx,
  t,
  wt,
  arrivedAt,
  pointer,
  value,
  readOnly,
  onChange,
}: CardProps & {
  value: DeadlineCase;
}) {
  const stored = splitDuration(value.duration);
  const [typed, setTyped] = useState(stored.amount);
  // A value changed elsewhere (a reload, the JSON section) replaces what was typed; a half-typed number stays.
  useEffect(
    () => setTyped((mine) => (Number(mine) === Number(stored.amount) && mine !== '' ? mine : stored.amount)),
    [stored.amount],
  );
  const duration = useField(ctx.problems, `${pointer}/duration`);
  const counting = useField(ctx.problems, `${pointer}/counting`);
  const unit = stored.unit;
  const units: string[] = [...DURATION_UNITS];
  if (!units.includes(unit)) units.push(unit);
  const write = (amount: string, nextUnit: string) => {
    if (/^\d+(\.\d+)?$/.test(amount)) onChange?.(`${pointer}/duration`, `${amount} ${nextUnit}`);
  };
  const count = isObject(value.counting) ? (value.counting as CountingDef) : {};
  const setCount = (key: 'start' | 'end', v: string) => {
    const next: Record<string, unknown> = { ...count, [key]: v || undefined };
    if (!v) delete next[key];
    onChange?.(`${pointer}/counting`, Object.keys(next).length ? next : undefined);
  };
  return (
    <>
      <div className="qz-dl-duration">
        <Field className="qz-dl-field qz-dl-number" label={t('number')}>
          {(controlId) => (
            <>
              <input
                id={controlId}
                type="number"
                inputMode={DAY_UNITS.includes(unit) ? 'numeric' : 'decimal'}
                min={0}
                step={DAY_UNITS.includes(unit) ? 1 : 'any'}
                value={typed}
                readOnly={readOnly}
                {...duration.attrs}
                onChange={(e) => {
                  setTyped(e.target.value);
                  write(e.target.value, unit);
                }}
              />
            </>
          )}
        </Field>
        <Field className="qz-dl-field" label={t('unit')}>
          {(controlId) => (
            <>
              <select
                id={controlId}
                value={unit}
                disabled={readOnly}
                {...duration.attrs}
                onChange={(e) => write(typed || stored.amount, e.target.value)}
              >
                {units.map((u) => (
                  <option key={u} value={u}>
                    {(DURATION_UNITS as readonly string[]).includes(u) ? t(`unit_${u}`) : u}
                  </option>
                ))}
              </select>
            </>
          )}
        </Field>
        <Field className="qz-dl-field" label={t('countStart')}>
          {(controlId) => (
            <>
              <select
                id={controlId}
                value={count.start ?? ''}
                disabled={readOnly}
                {...counting.attrs}
                onChange={(e) => setCount('start', e.target.value)}
              >
                <option value="">{t('countStartDefault')}</option>
                {COUNT_STARTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`countStart_${s}`)}
                  </option>
                ))}
              </select>
            </>
          )}
        </Field>
        <Field className="qz-dl-field" label={t('countEnd')}>
          {(controlId) => (
            <>
              <select
                id={controlId}
                value={count.end ?? ''}
                disabled={readOnly}
                {...counting.attrs}
                onChange={(e) => setCount('end', e.target.value)}
              >
                <option value="">{t('countEndDefault')}</option>
                {COUNT_ENDS.map((s) => (
                  <option key={s} value={s}>
                    {t(`countEnd_${s}`)}
                  </option>
                ))}
              </select>
            </>
          )}
        </Field>
      </div>
      {duration.messages}
      {counting.messages}
      <DueExplanation
        t={t}
        lang={ctx.lang}
        wt={wt}
        arrivedAt={arrivedAt}
        duration={`${typed} ${unit}`}
        typed={typed}
        counting={count}
      />
    </>
  );
}

/** "registered Fri 18.12 at 10:00 → due Mon 21.12 18:30; skipped: Sat 19.12, Sun 20.12", computed by the engine. */
function DueExplanation({
  t,
  lang,
  wt,
  arrivedAt,
  duration,
  typed,
  counting,
}: {
  t: T;
  lang: Lang;
  wt: WorkingTime | undefined;
  arrivedAt: number;
  duration: string;
  typed: string;
  counting: CountingDef;
}) {
  const result = useMemo(() => {
    if (!wt || Number.isNaN(arrivedAt)) return { error: t('noCalendar') };
    if (!/^\d+(\.\d+)?$/.test(typed)) return { error: t('typeNumber') };
    try {
      return { ok: explainDue(wt, arrivedAt, duration, counting) };
    } catch (e) {
      return { error: problemText(e, lang) };
    }
  }, [wt, arrivedAt, duration, typed, counting, lang, t]);
  let body: ReactNode;
  if (!result.ok) body = <span className="error">{result.error}</span>;
  else {
    const e = result.ok;
    const year = e.registered.date.slice(0, 4);
    const day = (m: { date: string; weekday: number }) =>
      `${t(`wd${m.weekday}`)} ${dottedDate(m.date, m.date.slice(0, 4) !== year)}`;
    const at = (m: LocalMoment) => t('dayAt', { day: day(m), time: m.time });
    const skippedDay = (s: SkippedDay) => {
      const why =
        s.kind === 'holiday' && s.holiday
          ? pick(s.holiday, lang)
          : s.kind === 'movedHoliday' && s.holiday
            ? t('movedHoliday', { name: pick(s.holiday, lang) })
            : s.kind === 'transfer' || s.kind === 'extra'
              ? t(s.kind)
              : '';
      return why ? `${day(s)} (${why})` : day(s);
    };
    const arrivedApart = e.arrived.date !== e.registered.date || e.arrived.time !== e.registered.time;
    body = (
      <>
        <span data-testid="due-summary">
          {arrivedApart && `${t('submitted', { submitted: at(e.arrived) })}, `}
          {t('summary', {
            registered: at(e.registered),
            due: t('dayTime', { day: day(e.due), time: e.due.time }),
          })}
          ; {e.skipped.length ? t('skipped', { days: e.skipped.map(skippedDay).join(', ') }) : t('skippedNone')}
        </span>
        <details className="qz-small">
          <summary>{t('stepByStep')}</summary>
          <ul className="qz-expl">
            {[...e.registration, ...e.term].map((x, i) => (
              <li key={i}>{pick(x.text, lang)}</li>
            ))}
          </ul>
        </details>
      </>
    );
  }
  return (
    <div className="qz-dl-explanation" role="status" aria-live="polite" data-testid="due-explanation">
      {body}
    </div>
  );
}

/** A new term by its identifier (unique, the format's pattern), with one case to fill in. */
function AddDeadline({
  ctx,
  t,
  taken,
  onAdd,
}: {
  ctx: EditorContext;
  t: T;
  taken: readonly unknown[];
  onAdd: (d: DeadlineDef) => void;
}) {
  const [id, setId] = useState('');
  const hintId = useId();
  const ids = new Set(
    taken.map((d, i) =>
      isObject(d) && typeof d.id === 'string' ? d.id : String(ctx.compiled?.version.deadlines?.[i]?.id ?? ''),
    ),
  );
  const problem = !id ? '' : !ID.test(id) ? t('newIdBad') : ids.has(id) ? t('newIdTaken', { id }) : '';
  return (
    <form
      className="qz-dl-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!id || problem) return;
        // The reference is the analyst's to cite: left out, the engine's problem marks it until it is given.
        onAdd({
          id,
          label: { kk: '', ru: '' },
          start: 'registration',
          cases: [{ duration: '1 workingDays' }],
        } as unknown as DeadlineDef);
        setId('');
      }}
    >
      <Field className="qz-dl-field" label={t('newId')}>
        {(controlId) => (
          <>
            <input
              id={controlId}
              value={id}
              onChange={(e) => setId(e.target.value.trim())}
              aria-invalid={!!problem || undefined}
              aria-describedby={hintId}
              spellCheck={false}
            />
            <span id={hintId} className={problem ? 'error qz-small' : 'qz-muted qz-small'}>
              {problem || t('newIdHint')}
            </span>
          </>
        )}
      </Field>
      <button type="submit" disabled={!id || !!problem}>
        + {t('addDeadline')}
      </button>
    </form>
  );
}
