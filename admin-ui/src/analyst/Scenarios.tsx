import type { Scenario } from '@qyzmet/engine';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonEditor } from './JsonEditor';
import { download, type ScenarioRun } from './model';

/**
 * Every scenario of the service run against the draft on each change: green or red with the differences. A scenario
 * can be edited here (kept in the browser) and a new one made from a run's actual result.
 */

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const fileName = (f: string) => f.split('/').pop() ?? f;

/** A scenario whose expectations are what the run actually produced. */
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
      registeredAt: r.registeredAt,
      deadlines: Object.fromEntries(r.deadlines.filter((d) => d.dueAt).map((d) => [d.id, d.dueAt])),
      refusalGrounds: (r.refusal?.grounds ?? []).map((g) => g.id),
      documents: r.documents.map((d) => d.id),
    },
  };
}

export interface ScenariosProps {
  runs: ScenarioRun[];
  versionId: string;
  running: boolean;
  edited: Set<string>;
  added: Set<string>;
  serviceDir: string;
  onEdit(file: string, text: string): void;
  onReset(file: string): void;
  onAdd(file: string, text: string): void;
  onRerun(): void;
}

export function Scenarios({
  runs,
  versionId,
  running,
  edited,
  added,
  serviceDir,
  onEdit,
  onReset,
  onAdd,
  onRerun,
}: ScenariosProps) {
  const { t } = useTranslation('analyst');
  const [open, setOpen] = useState<string | null>(null);
  const [base, setBase] = useState<string>('');
  const passed = runs.filter((r) => r.outcome?.passed).length;
  const addFromPreview = () => {
    const run = runs.find((r) => r.file === base) ?? runs.find((r) => r.outcome?.result);
    if (!run) return;
    const n = runs.length + 1;
    const s = scenarioFromResult(run, `${t('newScenarioName')} ${n}`);
    if (!s) return;
    const file = `${serviceDir}/scenarios/${String(n).padStart(2, '0')}-new-scenario.json`;
    onAdd(file, `${JSON.stringify(s, null, 2)}\n`);
    setOpen(file);
  };
  return (
    <section className="card" data-testid="scenarios-panel">
      <div className="qz-row">
        <h2 className="qz-grow" data-testid="scenarios-summary">
          {t('scenariosSummary', { passed, total: runs.length })}{' '}
          <span className="qz-muted">· {t('scenariosAgainst', { version: versionId })}</span>
          {running && <span className="qz-muted"> …</span>}
        </h2>
        <button className="secondary" onClick={onRerun}>
          {t('rerun')}
        </button>
      </div>
      <div className="qz-row">
        <label className="qz-grow">
          {t('baseScenario')}
          <select value={base} onChange={(e) => setBase(e.target.value)}>
            {runs.map((r) => (
              <option key={r.file} value={r.file}>
                {r.scenario?.name ?? fileName(r.file)}
              </option>
            ))}
          </select>
        </label>
        <button onClick={addFromPreview}>{t('addFromPreview')}</button>
      </div>
      <ul className="qz-scenarios">
        {runs.map((r, i) => {
          const ok = !!r.outcome?.passed;
          return (
            <li
              key={r.file}
              className={ok ? 'qz-pass' : 'qz-fail'}
              data-testid="scenario"
              data-file={fileName(r.file)}
              data-passed={ok ? 'true' : 'false'}
            >
              <div className="qz-row">
                <span className={`qz-badge ${ok ? 'qz-badge-ok' : 'qz-badge-fail'}`}>
                  {ok ? t('passed') : t('failed')}
                </span>
                <span className="qz-grow">
                  <strong>{r.scenario?.name ?? fileName(r.file)}</strong>{' '}
                  <span className="qz-muted">{fileName(r.file)}</span>
                  {edited.has(r.file) && <em className="qz-muted"> · {t('modified')}</em>}
                </span>
                <button className="secondary" onClick={() => setOpen(open === r.file ? null : r.file)}>
                  {open === r.file ? t('close') : t('edit')}
                </button>
                {edited.has(r.file) && !added.has(r.file) && (
                  <button className="secondary" onClick={() => onReset(r.file)}>
                    {t('reset')}
                  </button>
                )}
                {(edited.has(r.file) || added.has(r.file)) && (
                  <button className="secondary" onClick={() => download(fileName(r.file), r.text)}>
                    {t('download')}
                  </button>
                )}
              </div>
              {r.parseError && <p className="error">{r.parseError}</p>}
              {r.outcome?.error && <pre className="error qz-pre">{r.outcome.error.split('\n')[0]}</pre>}
              {!!r.outcome?.differences.length && (
                <table className="responsive qz-small qz-diffs">
                  <thead>
                    <tr>
                      <th>{t('path')}</th>
                      <th>{t('expected')}</th>
                      <th>{t('actual')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.outcome.differences.map((d) => (
                      <tr key={d.path} data-path={d.path}>
                        <td>
                          <code>{d.path}</code>
                        </td>
                        <td>{show(d.expected)}</td>
                        <td>{show(d.actual)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {added.has(r.file) && (
                <p className="qz-muted">{t('newScenarioHint', { dir: `${serviceDir}/scenarios/` })}</p>
              )}
              {open === r.file && (
                <JsonEditor
                  path={`scenario-${i}.scenario.json`}
                  value={r.text}
                  onChange={(text) => onEdit(r.file, text)}
                  height="45vh"
                  testHook="__qyzmetScenarioEditor"
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
