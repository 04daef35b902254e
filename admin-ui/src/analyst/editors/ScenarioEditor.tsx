import type { CompiledVersion, EventDef, Scenario, ScenarioEvent } from '@qyzmet/engine';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceForm } from '../../forms/ServiceForm';
import { registerArea, type UiLang } from '../../i18n';
import { scenarios } from '../../i18n/editors/scenarios';
import { officer } from '../../i18n/officer';
import { JsonEditor } from '../JsonEditor';
import type { ScenarioRun } from '../model';
import { plainValue } from '../plainValue';
import { asServerErrors } from '../Previews';
import { ExpectedReceived } from './ExpectedReceived';
import { comparisonRows } from './expectedReceived';
import {
  findingsOfGrounds,
  hourAfter,
  isoOfLocalInput,
  localInputOf,
  moved,
  shiftEvents,
  reasoningOf,
  withEventData,
  withFinding,
  withReasoning,
  type Finding,
} from './scenarioEditing';
import './editors.css';

registerArea('scenarios', scenarios);
// The actors' names as officers read them (one wording for the whole product).
registerArea('officer', officer);

/**
 * One scenario edited as an analyst thinks of it, with no JSON: its name and submission instant, the application data
 * in the service's own form (the applicant page's component), the events as a timeline of (event, who, when) with the
 * officer's findings as checkboxes, and what it expects beside what the run produced, with "accept received as
 * expected". The JSON stays one toggle away for engineers.
 */
export interface ScenarioEditorProps {
  /** The scenario as written now (the latest edit, which the run may not have caught up with yet). */
  scenario: Scenario;
  /** The scenario's text as written now (the JSON view). */
  text: string;
  run: ScenarioRun | undefined;
  /** The version the scenario runs against (its form, events and grounds). */
  version: CompiledVersion | undefined;
  zone: string;
  lang: UiLang;
  /** A name for the JSON model (a file-like path ending in .scenario.json, for the schema). */
  jsonPath: string;
  onChange: (next: Scenario) => void;
  onText: (text: string) => void;
  onAccept: () => void;
  /** The run is of an older text: accepting now would drop the latest edit. */
  acceptWaiting: boolean;
}

export function ScenarioEditor(props: ScenarioEditorProps) {
  const { scenario, text, run, version, zone, lang, jsonPath, onChange, onText, onAccept, acceptWaiting } = props;
  const { t } = useTranslation('scenarios');
  const id = useId();
  const [advanced, setAdvanced] = useState(false);
  /** Bumped when the JSON view closes: the form starts again from the data as the JSON left it. */
  const [formKey, setFormKey] = useState(0);
  const [moveEvents, setMoveEvents] = useState(true);
  const def = version?.def;
  const rows = useMemo(() => comparisonRows(scenario.expect, run?.outcome), [scenario.expect, run?.outcome]);
  const set = (patch: Partial<Scenario>) => onChange({ ...scenario, ...patch });
  // Opened below a long list (a new scenario comes last): brought into view with its name ready to type.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.scrollIntoView({ block: 'start' });
  }, []);

  const setAt = (value: string) => {
    const at = isoOfLocalInput(value, zone);
    if (!at) return;
    set({ at, events: moveEvents ? shiftEvents(scenario.events ?? [], scenario.at, at, zone) : scenario.events });
  };
  const formErrors = useMemo(
    () => (version ? asServerErrors(version, scenario.data ?? {}, lang) : []),
    [version, scenario.data, lang],
  );

  return (
    <div className="qz-sc-editor" data-testid="scenario-editor" ref={root}>
      <label className="qz-sc-toggle">
        <input
          type="checkbox"
          checked={advanced}
          onChange={(e) => {
            setAdvanced(e.target.checked);
            if (!e.target.checked) setFormKey((k) => k + 1);
          }}
        />{' '}
        {t('advanced')}
      </label>
      {advanced ? (
        <JsonEditor path={jsonPath} value={text} onChange={onText} height="45vh" testHook="__qyzmetScenarioEditor" />
      ) : (
        <>
          <div className="qz-sc-grid">
            <label htmlFor={`${id}-name`}>{t('name')}</label>
            <input id={`${id}-name`} value={scenario.name ?? ''} onChange={(e) => set({ name: e.target.value })} />
            <label htmlFor={`${id}-description`}>{t('description')}</label>
            <textarea
              id={`${id}-description`}
              rows={2}
              value={scenario.description ?? ''}
              onChange={(e) => set({ description: e.target.value })}
            />
            <label htmlFor={`${id}-at`}>{t('at', { zone })}</label>
            <span className="qz-row">
              <input
                id={`${id}-at`}
                type="datetime-local"
                value={localInputOf(scenario.at, zone)}
                aria-invalid={!localInputOf(scenario.at, zone) || undefined}
                onChange={(e) => setAt(e.target.value)}
              />
              <label className="qz-sc-toggle">
                <input type="checkbox" checked={moveEvents} onChange={(e) => setMoveEvents(e.target.checked)} />{' '}
                {t('moveEvents')}
              </label>
            </span>
          </div>

          <section className="qz-sc-section" aria-labelledby={`${id}-data`}>
            <h3 id={`${id}-data`}>{t('data')}</h3>
            <p className="qz-muted qz-small">{t('dataHint')}</p>
            {def?.form ? (
              <ServiceForm
                key={`${version?.id}:${formKey}`}
                form={def.form}
                lang={lang}
                formData={scenario.data ?? {}}
                onChange={(data) => {
                  if (JSON.stringify(data) !== JSON.stringify(scenario.data ?? {})) set({ data });
                }}
                errors={formErrors}
                onErrorsChange={() => undefined}
                onSubmit={() => undefined}
              />
            ) : (
              <p className="qz-muted">{t('noForm')}</p>
            )}
          </section>

          <EventsTimeline
            events={scenario.events ?? []}
            version={version}
            zone={zone}
            lang={lang}
            after={scenario.at}
            onChange={(events) => set({ events })}
          />
        </>
      )}

      <section className="qz-sc-section" aria-labelledby={`${id}-compare`}>
        <h3 id={`${id}-compare`}>{t('expectedReceived')}</h3>
        {run?.outcome?.error && (
          <p className="error" role="alert">
            {t('runError', { message: run.outcome.error.split('\n')[0] })}
          </p>
        )}
        <ExpectedReceived rows={rows} version={def} zone={zone} lang={lang} />
        <div className="qz-row">
          <button
            type="button"
            onClick={onAccept}
            disabled={acceptWaiting || !run?.outcome?.result || !!run.outcome.passed}
          >
            {t('accept')}
          </button>
          {acceptWaiting && <span className="qz-muted qz-small">{t('acceptWaiting')}</span>}
        </div>
      </section>
    </div>
  );
}

/** The events of a scenario as rows of (event, who, when) and what each records; add, remove, reorder. */
function EventsTimeline({
  events,
  version,
  zone,
  lang,
  after,
  onChange,
}: {
  events: readonly ScenarioEvent[];
  version: CompiledVersion | undefined;
  zone: string;
  lang: UiLang;
  /** The submission instant: a first event comes an hour after it. */
  after: string;
  onChange: (events: ScenarioEvent[]) => void;
}) {
  const { t } = useTranslation('scenarios');
  const id = useId();
  const machine = version?.def.machine;
  const defs: Record<string, EventDef> = machine?.events ?? {};
  const findings = useMemo(() => findingsOfGrounds(version?.def.refusalGrounds), [version]);
  const roleName = (role: string) => {
    const label = machine?.roles?.[role]?.label;
    return label ? plainValue(label, lang, 60) : t(`actor.${role}`, { ns: 'officer', defaultValue: role });
  };
  const replace = (i: number, e: ScenarioEvent) => onChange(events.map((x, k) => (k === i ? e : x)));
  const setType = (i: number, type: string) => {
    const e = events[i];
    const next = defs[type];
    const roles = next?.roles ?? [];
    const actor = e.actor && roles.includes(e.actor as never) ? e.actor : roles[0];
    // What an event records belongs to its kind: findings do not carry over to an event that records none.
    const keep = defs[e.type]?.records === next?.records;
    const base: ScenarioEvent = { type, at: e.at, ...(actor ? { actor } : {}) };
    replace(i, keep && e.data ? { ...base, data: e.data } : base);
  };
  const add = () => {
    const [type, def] = Object.entries(defs)[0] ?? ['EVENT', undefined];
    const at = hourAfter(events.length ? events[events.length - 1].at : after, zone);
    const actor = def?.roles?.[0];
    onChange([...events, { type, at, ...(actor ? { actor } : {}) }]);
  };

  return (
    <section className="qz-sc-section" aria-labelledby={`${id}-events`}>
      <h3 id={`${id}-events`}>{t('events')}</h3>
      {events.length === 0 && <p className="qz-muted">{t('noEvents')}</p>}
      {events.length > 0 && (
        <div className="qz-sc-events-head" aria-hidden="true">
          <span>#</span>
          <span>{t('colEvent')}</span>
          <span>{t('colActor')}</span>
          <span>{t('colAt')}</span>
          <span>{t('colPayload')}</span>
        </div>
      )}
      <ol className="qz-sc-events">
        {events.map((e, i) => {
          const n = i + 1;
          const def = defs[e.type];
          const roles: string[] = [...(def?.roles ?? [])];
          if (e.actor && !roles.includes(e.actor)) roles.push(e.actor);
          return (
            <li key={i} className="qz-sc-event" data-testid="scenario-event" data-event={e.type}>
              <span className="qz-sc-n">{n}.</span>
              <select aria-label={t('eventN', { n })} value={e.type} onChange={(x) => setType(i, x.target.value)}>
                {!def && <option value={e.type}>{t('notInVersion', { id: e.type })}</option>}
                {Object.entries(defs).map(([type, d]) => (
                  <option key={type} value={type}>
                    {plainValue(d.label, lang, 90)}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('actorN', { n })}
                value={e.actor ?? ''}
                onChange={(x) => replace(i, { ...e, actor: x.target.value })}
              >
                {!e.actor && <option value="">—</option>}
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleName(r)}
                  </option>
                ))}
              </select>
              <input
                type="datetime-local"
                aria-label={t('atN', { n })}
                value={localInputOf(e.at, zone)}
                aria-invalid={!localInputOf(e.at, zone) || undefined}
                onChange={(x) => {
                  const at = isoOfLocalInput(x.target.value, zone);
                  if (at) replace(i, { ...e, at });
                }}
              />
              <Payload
                n={n}
                event={e}
                def={def}
                findings={findings}
                lang={lang}
                onChange={(data) => replace(i, withEventData(e, data))}
              />
              <span className="qz-sc-moves">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('moveUpN', { n })}
                  title={t('moveUpN', { n })}
                  disabled={i === 0}
                  onClick={() => onChange(moved(events, i, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('moveDownN', { n })}
                  title={t('moveDownN', { n })}
                  disabled={i === events.length - 1}
                  onClick={() => onChange(moved(events, i, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('removeN', { n })}
                  title={t('removeN', { n })}
                  onClick={() => onChange(events.filter((_, k) => k !== i))}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="secondary" onClick={add} disabled={!Object.keys(defs).length}>
        {t('addEvent')}
      </button>
    </section>
  );
}

/**
 * What an event records: the officer's findings as checkboxes and the officer's reasoning (kk, ru) the engine requires
 * when a ground holds after the event, anything else in words and read only.
 */
function Payload({
  n,
  event,
  def,
  findings,
  lang,
  onChange,
}: {
  n: number;
  event: ScenarioEvent;
  def: EventDef | undefined;
  findings: readonly Finding[];
  lang: UiLang;
  onChange: (data: Record<string, unknown> | undefined) => void;
}) {
  const { t } = useTranslation('scenarios');
  const data = event.data ?? {};
  const takesFindings = def?.records === 'findings';
  const shownAsBoxes = new Set(takesFindings ? [...findings.map((f) => f.key), 'reasoning'] : []);
  const reasoning = reasoningOf(event.data);
  const ticked = takesFindings && findings.some((f) => data[f.key] === f.value);
  const rest = Object.entries(data).filter(([k]) => !shownAsBoxes.has(k));
  const words = rest.map(([k, v]) => `${k}: ${plainValue(v, lang, 60)}`).join('; ');
  return (
    <div className="qz-sc-payload">
      {takesFindings && findings.length > 0 && (
        <fieldset>
          <legend className="qz-small">{t('findingsN', { n })}</legend>
          {findings.map((f) => (
            <label key={f.key} className="qz-sc-finding">
              <input
                type="checkbox"
                name={`finding-${n}-${f.key}`}
                checked={data[f.key] === f.value}
                onChange={(e) => onChange(withFinding(event.data, f, e.target.checked))}
              />
              <span>
                {plainValue(f.ground.text, lang, 140)} <code className="qz-muted">{f.key}</code>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {takesFindings && (
        <fieldset className="qz-sc-reasoning">
          <legend className="qz-small">{t('reasoningN', { n })}</legend>
          {(['kk', 'ru'] as const).map((l) => (
            <label key={l} className="qz-sc-reasoning-lang">
              <span className="qz-small">{t(l === 'kk' ? 'reasoningKkN' : 'reasoningRuN', { n })}</span>
              <textarea
                name={`reasoning-${n}-${l}`}
                lang={l}
                rows={2}
                value={reasoning[l]}
                onChange={(e) => onChange(withReasoning(event.data, l, e.target.value))}
              />
            </label>
          ))}
          {ticked && !reasoning.kk.trim() && !reasoning.ru.trim() && (
            <p className="error qz-small" role="status">
              {t('reasoningMissing')}
            </p>
          )}
        </fieldset>
      )}
      {rest.length > 0 && (
        <p className="qz-small qz-muted">
          {t(def?.records === 'external' ? 'externalPayload' : 'otherPayload', { text: words })}
        </p>
      )}
      {!takesFindings && rest.length === 0 && <span className="qz-small qz-muted">{t('nothingRecorded')}</span>}
    </div>
  );
}
