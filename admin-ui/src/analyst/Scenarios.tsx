import { KAZAKHSTAN_TIME_ZONE, toLocalIso, type Scenario } from '@qyzmet/engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../i18n';
import { scenarios as scenarioTexts } from '../i18n/editors/scenarios';
import { ExpectedReceived } from './editors/ExpectedReceived';
import { ConfirmRemove } from './editors/ConfirmRemove';
import { comparisonRows } from './editors/expectedReceived';
import { ScenarioEditor } from './editors/ScenarioEditor';
import { blankScenario, copiedScenario, isoOfLocalInput, newScenarioFile } from './editors/scenarioEditing';
import { JsonEditor } from './JsonEditor';
import { download, parseScenario, type ScenarioRun } from './model';

registerArea('scenarios', scenarioTexts);

/**
 * Every scenario of the service run on each change, green or red, each against the version in force at its date (the
 * draft's from the date it is expected in force). A scenario is edited in a form (ScenarioEditor), made new from
 * scratch or as a copy of another, and its expectation can be set to what the run received. The workbench saves the
 * scenarios with the draft.
 */

const fileName = (f: string) => f.split('/').pop() ?? f;

/** A scenario whose expectations are what the run actually produced (a pinned version stays pinned). */
export function scenarioFromResult(run: ScenarioRun, name: string): Scenario | null {
  const r = run.outcome?.result;
  if (!run.scenario || !r) return null;
  return {
    ...run.scenario,
    name,
    description: `${run.scenario.description ?? ''}`.trim(),
    expect: {
      status: r.status,
      state: r.state,
      ...(run.scenario.expect?.version !== undefined ? { version: r.version } : {}),
      registeredAt: r.registeredAt,
      deadlines: Object.fromEntries(r.deadlines.filter((d) => d.dueAt).map((d) => [d.id, d.dueAt])),
      refusalGrounds: (r.refusal?.grounds ?? []).map((g) => g.id),
      documents: r.documents.map((d) => d.id),
    },
  };
}

const asText = (s: Scenario) => `${JSON.stringify(s, null, 2)}\n`;

export interface ScenariosProps {
  runs: ScenarioRun[];
  /** The version the draft makes (or the one in force when there is no draft). */
  versionId: string;
  /** The scenarios' texts as written now (the runs follow them after a pause). */
  texts: Array<{ file: string; text: string }>;
  isDraft: boolean;
  /** The date the draft is expected in force (YYYY-MM-DD): earlier scenarios run against the version then. */
  draftFrom: string | null;
  running: boolean;
  edited: Set<string>;
  added: Set<string>;
  serviceDir: string;
  onEdit(file: string, text: string): void;
  onReset(file: string): void;
  onAdd(file: string, text: string): void;
  /** Drops a scenario added in this draft. */
  onRemove(file: string): void;
  onRerun(): void;
}

export function Scenarios({
  runs,
  versionId,
  texts,
  isDraft,
  draftFrom,
  running,
  edited,
  added,
  serviceDir,
  onEdit,
  onReset,
  onAdd,
  onRemove,
  onRerun,
}: ScenariosProps) {
  const { t, i18n } = useTranslation('scenarios');
  const lang = i18n.language as UiLang;
  const [open, setOpen] = useState<string | null>(null);
  /** Bumped by "undo my changes": the open editor starts again from the scenario as it was. */
  const [resets, setResets] = useState(0);
  const passed = runs.filter((r) => r.outcome?.passed).length;
  const zoneOf = (r: ScenarioRun | undefined) =>
    r?.version?.service.workingTime.timeZone ??
    runs.find((x) => x.version)?.version?.service.workingTime.timeZone ??
    KAZAKHSTAN_TIME_ZONE;
  const textOf = (file: string) => texts.find((x) => x.file === file)?.text;

  const create = (name: string, from: string) => {
    const zone = zoneOf(undefined);
    const source = from ? parseScenario(textOf(from) ?? '').scenario : undefined;
    // A scenario from scratch is submitted on the day the draft is expected in force (else today) at 10:00.
    const day = draftFrom ?? toLocalIso(Date.now(), zone).slice(0, 10);
    const s = source
      ? copiedScenario(source, name)
      : blankScenario(name, isoOfLocalInput(`${day}T10:00`, zone) ?? `${day}T10:00:00+05:00`);
    // Numbered after every scenario written, those not run yet included.
    const file = newScenarioFile(
      serviceDir,
      name,
      texts.map((x) => x.file),
    );
    onAdd(file, asText(s));
    setOpen(file);
  };
  const accept = (r: ScenarioRun) => {
    const s = r.scenario && scenarioFromResult(r, r.scenario.name);
    if (s) onEdit(r.file, asText(s));
  };

  return (
    <section className="card" data-testid="scenarios-panel">
      <div className="qz-row">
        <h2 className="qz-grow" data-testid="scenarios-summary">
          {t('scenariosSummary', { ns: 'analyst', passed, total: runs.length })}
          {running && <span className="qz-muted"> …</span>}
        </h2>
        <button className="secondary" onClick={onRerun}>
          {t('rerun')}
        </button>
      </div>
      <p className="qz-muted qz-small" data-testid="scenarios-dating">
        {isDraft && draftFrom
          ? t('byDate', { date: draftFrom.split('-').reverse().join('.') })
          : isDraft
            ? t('draftForAll')
            : t('ranAgainst', { version: versionId })}{' '}
        {isDraft && t('savedWithDraft')}
      </p>
      <NewScenario runs={runs} onCreate={create} />
      <ul className="qz-scenarios">
        {runs.map((r, i) => {
          const ok = !!r.outcome?.passed;
          const current = textOf(r.file) ?? r.text;
          const parsed = parseScenario(current).scenario;
          const name = parsed?.name ?? r.scenario?.name ?? fileName(r.file);
          const zone = zoneOf(r);
          const ranOn = r.version?.id ?? r.outcome?.result?.version;
          return (
            <li
              key={r.file}
              className={ok ? 'qz-pass' : 'qz-fail'}
              data-testid="scenario"
              data-file={fileName(r.file)}
              data-passed={ok ? 'true' : 'false'}
              data-version={ranOn}
            >
              <div className="qz-row">
                <span className={`qz-badge ${ok ? 'qz-badge-ok' : 'qz-badge-fail'}`}>
                  {ok ? t('passed') : t('failed')}
                </span>
                <span className="qz-grow">
                  <strong>{name}</strong> <span className="qz-muted qz-small">{fileName(r.file)}</span>
                  {added.has(r.file) ? (
                    <em className="qz-muted"> · {t('added')}</em>
                  ) : (
                    edited.has(r.file) && <em className="qz-muted"> · {t('modified')}</em>
                  )}
                  {ranOn && (
                    <span className="qz-small qz-muted" data-testid="ran-against">
                      {' '}
                      · {t('ranAgainst', { version: ranOn })}
                      {isDraft && ranOn === versionId && ` (${t('draftMark')})`}
                    </span>
                  )}
                </span>
                <button
                  className="secondary"
                  aria-expanded={open === r.file}
                  onClick={() => setOpen(open === r.file ? null : r.file)}
                >
                  {open === r.file ? t('close') : t('edit')}
                </button>
                {edited.has(r.file) && !added.has(r.file) && (
                  <button
                    className="secondary"
                    onClick={() => {
                      onReset(r.file);
                      setResets((n) => n + 1);
                    }}
                  >
                    {t('reset')}
                  </button>
                )}
                {added.has(r.file) && <ConfirmRemove label={t('remove')} onConfirm={() => onRemove(r.file)} />}
                {(edited.has(r.file) || added.has(r.file)) && (
                  <button className="secondary" onClick={() => download(fileName(r.file), current)}>
                    {t('download')}
                  </button>
                )}
              </div>
              {open !== r.file && (
                <>
                  {r.outcome?.error && <p className="error qz-small">{r.outcome.error.split('\n')[0]}</p>}
                  <ExpectedReceived
                    rows={comparisonRows(r.scenario?.expect, r.outcome)}
                    version={r.version?.def}
                    zone={zone}
                    lang={lang}
                    onlyDifferences
                  />
                </>
              )}
              {open === r.file &&
                (parsed ? (
                  <ScenarioEditor
                    key={`${r.file}:${resets}`}
                    scenario={parsed}
                    text={current}
                    run={r}
                    version={r.version}
                    zone={zone}
                    lang={lang}
                    jsonPath={`scenario-${i}.scenario.json`}
                    onChange={(next) => onEdit(r.file, asText(next))}
                    onText={(text) => onEdit(r.file, text)}
                    onAccept={() => accept(r)}
                    acceptWaiting={r.text !== current}
                  />
                ) : (
                  // Text that is not JSON can only be mended as text.
                  <>
                    {r.parseError && <p className="error">{r.parseError}</p>}
                    <JsonEditor
                      path={`scenario-${i}.scenario.json`}
                      value={current}
                      onChange={(text) => onEdit(r.file, text)}
                      height="45vh"
                      testHook="__qyzmetScenarioEditor"
                    />
                  </>
                ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "New scenario": a name, and an empty scenario or a copy of an existing one to start from. */
function NewScenario({ runs, onCreate }: { runs: ScenarioRun[]; onCreate: (name: string, from: string) => void }) {
  const { t } = useTranslation('scenarios');
  const id = useId();
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [tried, setTried] = useState(false);
  const missing = tried && !name.trim();
  return (
    <form
      className="qz-sc-new"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!name.trim()) return;
        onCreate(name.trim(), from);
        setName('');
        setTried(false);
      }}
    >
      <h3 id={`${id}-title`}>{t('newTitle')}</h3>
      <div className="qz-row">
        <label className="qz-grow">
          {t('newName')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${id}-missing` : undefined}
          />
        </label>
        <label className="qz-grow">
          {t('startFrom')}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t('fromScratch')}</option>
            {runs.map((r) => (
              <option key={r.file} value={r.file}>
                {t('copyOf', { name: r.scenario?.name ?? fileName(r.file) })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('create')}</button>
      </div>
      {missing && (
        <p id={`${id}-missing`} className="error qz-small">
          {t('nameRequired')}
        </p>
      )}
    </form>
  );
}
