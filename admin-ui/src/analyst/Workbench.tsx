import {
  compileService,
  type CompiledService,
  type CompiledVersion,
  type LegalRef,
  type ServiceDef,
  type VersionDef,
} from '@qyzmet/engine';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../i18n';
import { analyst } from '../i18n/analyst';
import { api, session, type Schemas } from '../shell/api';
import { go } from '../shell/router';
import { ActItem } from './ActItem';
import './analyst.css';
import { clockTime } from './clockTime';
import { Coverage } from './Coverage';
import { RegistrationRule } from './RegistrationRule';
import { DiscardDraft } from './DiscardDraft';
import { conflictUsers } from './draftConflict';
import { JsonEditor } from './JsonEditor';
import {
  compileDraft,
  loadSources,
  runScenarios,
  type Draft,
  type DraftCompilation,
  type ScenarioRun,
  type Sources,
} from './model';
import { DeadlinesEditor } from './editors/DeadlinesEditor';
import { DocumentsEditor } from './editors/DocumentsEditor';
import { FieldsEditor } from './editors/FieldsEditor';
import { GroundsEditor } from './editors/GroundsEditor';
import { StepsEditor } from './editors/StepsEditor';
import type { EditorContext } from './editors/types';
import { VersionIdentity } from './editors/VersionIdentity';
import { DeadlinesPreview, DocumentsPreview, FormPreview, GroundsTable, MachineDiagram, PreviewCard } from './Previews';
import { problemWords } from './problemWords';
import { Scenarios } from './Scenarios';
import { useAutosave } from './useAutosave';
import { useDraftWatch, type RemoteSave } from './useDraftWatch';
import { useLeaveWarning } from './useLeaveWarning';
import { Versions } from './Versions';
import { usePageDetail } from '../shell/pageTitle';

registerArea('analyst', analyst);

/**
 * The analyst's workbench for one service (#/workbench/<serviceId>/<tab>/<section>): a draft of a new version edited
 * in forms, one section at a time (form fields, steps, deadlines, refusal grounds, documents), or as JSON in Monaco for
 * engineers (the advanced section); live previews and scenario runs recomputed in the browser ~300 ms after the last
 * edit, the versions with review / approval / publication / audit, and the clause coverage.
 */

const TABS = ['editor', 'scenarios', 'versions', 'coverage'] as const;
type Tab = (typeof TABS)[number];
/** The sections of the editor tab: a form for each part of a version, and the JSON of the whole for engineers. */
const SECTIONS = ['fields', 'steps', 'deadlines', 'grounds', 'documents', 'json'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_LABEL: Record<Section, string> = {
  fields: 'sectionFields',
  steps: 'sectionSteps',
  deadlines: 'sectionDeadlines',
  grounds: 'sectionGrounds',
  documents: 'sectionDocuments',
  json: 'sectionJson',
};
const TAB_LABEL: Record<Tab, string> = {
  editor: 'tabEditor',
  scenarios: 'tabScenarios',
  versions: 'tabVersions',
  coverage: 'tabCoverage',
};

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

interface Good {
  service: CompiledService;
  compiled: CompiledVersion;
  version: VersionDef;
}

export default function Workbench({
  serviceId,
  tab: tabParam,
  section: sectionParam,
}: {
  serviceId: string;
  tab?: string;
  section?: string;
}) {
  const { t, i18n } = useTranslation('analyst');
  const lang = i18n.language as UiLang;
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'editor';
  const section: Section = (SECTIONS as readonly string[]).includes(sectionParam ?? '')
    ? (sectionParam as Section)
    : 'fields';
  const [selectedState, setSelectedState] = useState<string | null>(null);
  // The editor tab reopens the part of the version last edited.
  const [lastSection, setLastSection] = useState<Section>(section);
  useEffect(() => {
    if (tab === 'editor') setLastSection(section);
  }, [tab, section]);
  const [src, setSrc] = useState<Sources | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const [note, setNote] = useState('');
  const [reveal, setReveal] = useState<{ line: number; nonce: number } | null>(null);
  const [scenarioTexts, setScenarioTexts] = useState<Record<string, string>>({});
  const [addedFiles, setAddedFiles] = useState<string[]>([]);
  const [runs, setRuns] = useState<ScenarioRun[]>([]);
  const [running, setRunning] = useState(false);
  const [rerun, setRerun] = useState(0);
  const [loadCount, setLoadCount] = useState(0);
  /**
   * Who saved the draft since this browser read it (a refused save, or another analyst's revision seen by polling): a
   * banner asks to reload, and autosave stops until then.
   */
  const [conflict, setConflict] = useState<{ users: string[]; remote?: RemoteSave } | null>(null);
  const [saving, setSaving] = useState(false);
  /** Why the last save was refused (other than a conflict), shown where autosave reports. */
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const fail = useCallback((e: unknown) => {
    const users = conflictUsers(e);
    if (users) setConflict((c) => ({ users, remote: c?.remote }));
    else setError((e as Error).message);
  }, []);

  const knownRev = useRef(0);
  const load = useCallback(async () => {
    try {
      const s = await loadSources(serviceId);
      setSrc(s);
      const drafts = await api<Schemas['DraftList']>(
        'GET',
        `/admin/definitions/${encodeURIComponent(serviceId)}/drafts`,
      );
      const latest =
        drafts.items.filter((d) => !d.publishedAt).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
      // One draft read whole: with the version it makes, which the list leaves out.
      const open = latest
        ? await api<Draft>('GET', `/admin/definitions/${encodeURIComponent(serviceId)}/drafts/${latest.id}`)
        : null;
      // Known at once, before React renders it: a poll answered in between must not call this revision "newer".
      knownRev.current = open?.rev ?? 0;
      setDraft(open);
      // Scenarios written with the draft come back with it: edited files and new ones alike.
      const withDraft = Object.fromEntries(
        (open?.scenarios ?? []).map((x) => [
          `${s.serviceDir}/scenarios/${x.file}`,
          `${JSON.stringify(x.scenario, null, 2)}\n`,
        ]),
      );
      setScenarioTexts(withDraft);
      setAddedFiles(Object.keys(withDraft).filter((f) => !s.scenarios.some((x) => x.file === f)));
      // The JSON view shows the whole version the draft makes; the server keeps it as cited changes of its base.
      const body = open ? `${JSON.stringify(open.materialised ?? open.definition, null, 2)}\n` : '';
      setText(body);
      setSavedText(body);
      setNote(open?.note ?? '');
      setError(null);
      setConflict(null);
      setSaveFailure(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [serviceId]);
  useEffect(() => {
    void load();
  }, [load, loadCount]);

  // The version in force (no draft): compiled once from the sources.
  const baseCompiled = useMemo((): Good | null => {
    if (!src?.base) return null;
    const { service } = compileService(src.base, src.env);
    if (!service) return null;
    const compiled =
      service.versions.find((v) => v.id === src.inForce) ?? service.versions[service.versions.length - 1];
    return compiled ? { service, compiled, version: compiled.def } : null;
  }, [src]);

  const debounced = useDebounced(text, 300);
  const compilation = useMemo(
    (): DraftCompilation | null => (src && draft ? compileDraft(src, debounced) : null),
    [src, draft, debounced],
  );
  const [lastGood, setLastGood] = useState<Good | null>(null);
  useEffect(() => {
    if (compilation?.service && compilation.compiled && compilation.version)
      setLastGood({ service: compilation.service, compiled: compilation.compiled, version: compilation.version });
  }, [compilation]);
  useEffect(() => setLastGood(null), [draft?.id]);
  const current: Good | null = draft ? lastGood : baseCompiled;
  const stale = !!draft && !!compilation && !compilation.service;

  const scenarioList = useMemo(() => {
    if (!src) return [];
    const files = [...src.scenarios.map((s) => s.file), ...addedFiles];
    return files.map((file) => ({
      file,
      text: scenarioTexts[file] ?? src.scenarios.find((s) => s.file === file)?.text ?? '',
    }));
  }, [src, scenarioTexts, addedFiles]);
  const debouncedScenarios = useDebounced(scenarioList, 300);

  useEffect(() => {
    if (!current) return;
    let live = true;
    setRunning(true);
    // Before the date the draft is expected in force, a scenario runs against the version in force then.
    const from =
      draft?.expectedFrom && baseCompiled ? { date: draft.expectedFrom, before: baseCompiled.service } : undefined;
    runScenarios(current.service, current.compiled, debouncedScenarios, from).then(
      (r) => {
        if (!live) return;
        setRuns(r);
        setRunning(false);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [current, debouncedScenarios, rerun, draft?.expectedFrom, baseCompiled]);

  const newDraft = async () => {
    try {
      const d = await api<Draft>('POST', `/admin/definitions/${encodeURIComponent(serviceId)}/drafts`, { note: '' });
      const body = `${JSON.stringify(d.materialised ?? d.definition, null, 2)}\n`;
      setDraft(d);
      setText(body);
      setSavedText(body);
      setNote('');
      go('workbench', serviceId, 'editor', section);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // The scenarios edited or added in the workbench are saved with the draft, so a reload keeps them.
  const scenarios = useMemo(
    () =>
      Object.entries(scenarioTexts).flatMap(([file, body]) => {
        try {
          const scenario = JSON.parse(body) as Record<string, unknown>;
          return [{ file: file.slice(file.lastIndexOf('/') + 1), scenario }];
        } catch {
          return [];
        }
      }),
    [scenarioTexts],
  );
  /** Edits not saved yet: the text, the note or the scenarios differ from the revision held. */
  const dirty =
    !!draft &&
    (text !== savedText ||
      note !== (draft.note ?? '') ||
      JSON.stringify(scenarios) !== JSON.stringify(draft.scenarios ?? []));
  /** The draft's version as written now (the forms edit it), or null while the JSON view holds a syntax error. */
  const written = useMemo((): VersionDef | null => {
    try {
      return JSON.parse(text) as VersionDef;
    } catch {
      return null;
    }
  }, [text]);
  const parses = written !== null;

  /** PUTs the editor's text; false (with the reason shown) when it is not JSON. */
  const put = useCallback(async (): Promise<boolean> => {
    if (!draft) return false;
    // Nothing new: no revision (an approval of the current one stays valid).
    if (!dirty) return true;
    let version: unknown;
    try {
      version = JSON.parse(text);
    } catch (e) {
      setError(`${t('jsonInvalid')}: ${(e as Error).message}`);
      return false;
    }
    try {
      // The revision this edit was made from: a save after someone else's is refused (409), never lost.
      const d = await api<Draft>('PUT', `/admin/definitions/${encodeURIComponent(serviceId)}/drafts/${draft.id}`, {
        version,
        note,
        scenarios,
        rev: draft.rev,
      });
      setDraft(d);
      setSavedText(text);
      setError(null);
      setSaveFailure(null);
      return true;
    } catch (e) {
      fail(e);
      if (!conflictUsers(e)) setSaveFailure((e as Error).message);
      return false;
    }
  }, [draft, dirty, text, note, scenarios, serviceId, t, fail]);
  /** One save at a time: the Save button during an autosave waits for it instead of sending the same rev twice. */
  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return inFlight.current;
    setSaving(true);
    inFlight.current = put();
    try {
      return await inFlight.current;
    } finally {
      inFlight.current = null;
      setSaving(false);
    }
  }, [put]);
  useAutosave(dirty && parses && !conflict && !saving, save);
  const me = session.user()?.id;
  useDraftWatch(serviceId, draft, me, knownRev, (remote) =>
    setConflict((c) => (c?.remote && c.remote.rev >= remote.rev ? c : { users: [remote.savedBy], remote })),
  );
  // Other tabs of this workbench keep the edits; another service or area is asked about.
  const stays = useCallback((next: string[]) => next[0] === 'workbench' && next[1] === serviceId, [serviceId]);
  useLeaveWarning(dirty, t('leaveUnsaved'), stays);
  // The page title names the service as the law does and the tab in the analyst's language, not the id and its key.
  const label = (src?.base?.value as ServiceDef | undefined)?.label;
  usePageDetail(label ? `${lang === 'en' ? (label.en ?? label.ru) : label[lang]} · ${t(TAB_LABEL[tab])}` : null);

  /** The act item every change cites, saved on its own (the editor's unsaved text stays as it is). */
  const cite = async (legalRef: LegalRef, expectedFrom: string | null) => {
    if (!draft) return;
    try {
      const d = await api<Draft>('PUT', `/admin/definitions/${encodeURIComponent(serviceId)}/drafts/${draft.id}`, {
        rev: draft.rev,
        legalRef,
        expectedFrom,
      });
      setDraft(d);
      setError(null);
    } catch (e) {
      fail(e);
    }
  };

  if (error && !src)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!src) return <p>{t('loading', { ns: 'shell' })}</p>;
  const def = src.base?.value as ServiceDef | undefined;
  const name = def ? (lang === 'en' ? (def.label.en ?? def.label.ru) : def.label[lang]) : serviceId;
  const passed = runs.filter((r) => r.outcome?.passed).length;
  // The engine's problems in the analyst's language (the English where a code has no words yet).
  const problems = (compilation?.problems ?? []).map((p) => ({ ...p, message: problemWords(p, lang) }));
  const draftProblems = problems.filter((p) => p.inDraft);
  const outside = problems.filter((p) => !p.inDraft);
  const previewLang = lang;
  /** Forgets the workbench's text of a scenario (its edits, or all of it when it was added here). */
  const dropScenarioText = (file: string) =>
    setScenarioTexts((m) => {
      const { [file]: _, ...rest } = m;
      return rest;
    });
  const editorVersion = draft ? written : (current?.version ?? null);
  const ctx: EditorContext | null = editorVersion
    ? {
        serviceId,
        version: editorVersion,
        compiled: current,
        acts: src.env.sharedActs,
        env: src.env,
        lang,
        readOnly: !draft,
        problems: draftProblems,
        runs,
        onChange: (next) => setText(`${JSON.stringify(next, null, 2)}\n`),
      }
    : null;

  return (
    <div className="qz-workbench">
      <p>
        <a href="#/workbench">{t('backToList')}</a>
      </p>
      <h1 className="qz-title">
        {name} <span className="qz-muted">({serviceId})</span>
      </h1>
      <nav className="qz-tabs" role="tablist">
        {TABS.map((x) => (
          <a
            key={x}
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'qz-tab active' : 'qz-tab'}
            href={`#/workbench/${encodeURIComponent(serviceId)}/${x}${x === 'editor' ? `/${lastSection}` : ''}`}
          >
            {t(TAB_LABEL[x])}
            {x === 'scenarios' && runs.length > 0 && (
              <span
                className={`qz-badge ${passed === runs.length ? 'qz-badge-ok' : 'qz-badge-fail'}`}
                data-testid="scenario-badge"
              >
                {passed}/{runs.length}
              </span>
            )}
          </a>
        ))}
      </nav>
      {error && (
        <pre className="error qz-pre" role="alert">
          {error}
        </pre>
      )}
      <div aria-live="assertive">
        {conflict && (
          <div className="qz-banner" role="alert" data-testid="draft-conflict">
            <span className="qz-grow">
              {conflict.remote &&
                `${t('savedByOther', {
                  user: conflict.remote.savedBy,
                  rev: conflict.remote.rev,
                  time: clockTime(conflict.remote.updatedAt),
                })} `}
              {t('draftChanged', { users: conflict.users.join(', ') || '—' })}
            </span>
            <button onClick={() => setLoadCount((n) => n + 1)}>{t('reload')}</button>
          </div>
        )}
      </div>

      {tab === 'editor' && (
        <>
          <section className="card">
            <div className="qz-row">
              <h2 className="qz-grow">
                {draft ? `${t('draftOf')}: ${compilation?.version?.id ?? ''}` : t('noDraft')}
                {draft && (
                  <span className="qz-muted qz-small" data-testid="draft-base">
                    {' '}
                    {t('draftBasedOn', { version: draft.baseVersion })}
                  </span>
                )}
              </h2>
              <button onClick={() => void newDraft()} data-testid="new-draft">
                {t('newDraft')}
              </button>
              {draft && (
                <button className="secondary" onClick={() => void save()} disabled={!dirty}>
                  {/* A note typed or a scenario edited is an unsaved edit too. */}
                  {dirty ? t('save') : t('saved')}
                </button>
              )}
              {draft && (
                <DiscardDraft
                  serviceId={serviceId}
                  draftId={draft.id}
                  onDiscarded={() => setLoadCount((n) => n + 1)}
                  onError={fail}
                />
              )}
            </div>
            {draft && (
              <p className="qz-muted qz-small" role="status" aria-live="polite" data-testid="autosave">
                {conflict
                  ? t('autosavePaused')
                  : saving
                    ? t('autosaving')
                    : dirty
                      ? !parses
                        ? t('autosaveNotJson')
                        : saveFailure
                          ? t('autosaveFailed', { reason: saveFailure })
                          : t('unsaved')
                      : t('savedRevision', { rev: draft.rev, time: clockTime(draft.updatedAt) })}
              </p>
            )}
            {draft && (
              <label>
                {t('draftNote')}
                <input value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
            )}
            {draft && ctx && <VersionIdentity {...ctx} />}
            {draft && (
              <ActItem
                legalRef={(draft.legalRef as LegalRef | null) ?? null}
                expectedFrom={draft.expectedFrom}
                lang={lang}
                onCite={cite}
                onActsChanged={() => void loadSources(serviceId).then(setSrc, fail)}
              />
            )}
          </section>
          <RegistrationRule registration={def?.registration} acts={src.env.sharedActs} lang={lang} />
          <nav className="qz-sections" role="tablist" aria-label={t('sections')}>
            {SECTIONS.map((x) => (
              <a
                key={x}
                role="tab"
                aria-selected={section === x}
                className={section === x ? 'qz-section active' : 'qz-section'}
                href={`#/workbench/${encodeURIComponent(serviceId)}/editor/${x}`}
                data-section={x}
              >
                {t(SECTION_LABEL[x])}
              </a>
            ))}
          </nav>
          <div className="qz-split">
            <div className="qz-pane" data-testid={`section-${section}`}>
              {section === 'json' ? (
                draft ? (
                  <>
                    <JsonEditor
                      key={`draft-${draft.id}`}
                      path={`draft-${draft.id}.version.json`}
                      value={text}
                      onChange={setText}
                      problems={problems}
                      testHook="__qyzmetEditor"
                      reveal={reveal}
                      height="70vh"
                    />
                    <div className="card qz-problems" data-testid="problems">
                      <h3>
                        {t('problems')}: {problems.length}
                      </h3>
                      {compilation && problems.length === 0 && <p className="ok">{t('problemsNone')}</p>}
                      <ul>
                        {draftProblems.map((p, i) => (
                          <li key={i}>
                            <button
                              className="link qz-link"
                              onClick={() => setReveal({ line: p.line, nonce: Date.now() })}
                              data-line={p.line}
                            >
                              {t('line')} {p.line}:{p.column}
                            </button>{' '}
                            <span className={p.severity === 'warning' ? '' : 'error'}>{p.message}</span>{' '}
                            {p.pointer && <code className="qz-muted">{p.pointer}</code>}
                          </li>
                        ))}
                      </ul>
                      {outside.length > 0 && (
                        <>
                          <h4>{t('problemsOutside')}</h4>
                          <ul>
                            {outside.map((p, i) => (
                              <li key={i} className="error">
                                {p.message}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </div>
                  </>
                ) : (
                  current && (
                    <JsonEditor
                      key="current"
                      path={`current-${current.version.id}.version.json`}
                      value={`${JSON.stringify(current.version, null, 2)}\n`}
                      onChange={() => undefined}
                      readOnly
                      height="70vh"
                    />
                  )
                )
              ) : ctx ? (
                <>
                  {section === 'fields' && <FieldsEditor {...ctx} />}
                  {section === 'steps' && <StepsEditor {...ctx} selected={selectedState} onSelect={setSelectedState} />}
                  {section === 'deadlines' && <DeadlinesEditor {...ctx} />}
                  {section === 'grounds' && <GroundsEditor {...ctx} />}
                  {section === 'documents' && <DocumentsEditor {...ctx} />}
                </>
              ) : (
                <p className="error" role="alert">
                  {t('formsNeedJson')}
                </p>
              )}
            </div>
            <div className="qz-pane">
              <div className="qz-row">
                <h2 className="qz-grow">{t('previews')}</h2>
                <a
                  href={`#/workbench/${encodeURIComponent(serviceId)}/scenarios`}
                  className={`qz-badge ${passed === runs.length ? 'qz-badge-ok' : 'qz-badge-fail'}`}
                  data-testid="scenarios-mini"
                >
                  {t('scenariosSummary', { passed, total: runs.length })}
                </a>
              </div>
              {stale && (
                <p className="qz-muted qz-stale">
                  ⚠ {t('problems')}: {problems.length} — {current?.version.id}
                </p>
              )}
              {current && (
                <div className={stale ? 'qz-previews qz-is-stale' : 'qz-previews'}>
                  {(section === 'json' || section === 'fields') && (
                    <PreviewCard title={t('previewForm')} resetKey={current.version}>
                      <FormPreview version={current.version} compiled={current.compiled} />
                    </PreviewCard>
                  )}
                  {(section === 'json' || section === 'steps') && (
                    <PreviewCard title={t('previewMachine')} resetKey={current.version}>
                      <MachineDiagram
                        version={current.version}
                        lang={previewLang}
                        selected={selectedState}
                        onSelect={section === 'steps' ? setSelectedState : undefined}
                      />
                    </PreviewCard>
                  )}
                  {(section === 'json' || section === 'grounds') && (
                    <PreviewCard title={t('previewGrounds')} resetKey={current.version}>
                      <GroundsTable version={current.version} lang={previewLang} />
                    </PreviewCard>
                  )}
                  {(section === 'json' || section === 'deadlines') && (
                    <PreviewCard title={t('previewDeadlines')} resetKey={current.version}>
                      <DeadlinesPreview service={current.service} version={current.version} lang={previewLang} />
                    </PreviewCard>
                  )}
                  {(section === 'json' || section === 'documents') && (
                    <PreviewCard title={t('previewDocuments')} resetKey={current.compiled}>
                      <DocumentsPreview service={current.service} compiled={current.compiled} runs={runs} />
                    </PreviewCard>
                  )}
                </div>
              )}
            </div>
          </div>
        </>
      )}

      {tab === 'scenarios' && (
        <Scenarios
          runs={runs}
          versionId={current?.version.id ?? '—'}
          texts={scenarioList}
          isDraft={!!draft}
          draftFrom={draft?.expectedFrom ?? null}
          running={running}
          edited={new Set(Object.keys(scenarioTexts))}
          added={new Set(addedFiles)}
          serviceDir={src.serviceDir}
          onEdit={(file, body) => setScenarioTexts((m) => ({ ...m, [file]: body }))}
          onReset={dropScenarioText}
          onAdd={(file, body) => {
            setAddedFiles((f) => [...f, file]);
            setScenarioTexts((m) => ({ ...m, [file]: body }));
          }}
          onRemove={(file) => {
            setAddedFiles((f) => f.filter((x) => x !== file));
            dropScenarioText(file);
          }}
          onRerun={() => setRerun((n) => n + 1)}
        />
      )}

      {tab === 'versions' && (
        <Versions
          serviceId={serviceId}
          defs={def?.versions ?? []}
          draft={draft ? { ...draft, version: compilation?.version } : null}
          save={save}
          onPublished={() => setLoadCount((n) => n + 1)}
          onDraftChanged={() => setLoadCount((n) => n + 1)}
          onError={fail}
          lang={lang}
        />
      )}

      {tab === 'coverage' && <Coverage serviceId={serviceId} lang={lang} />}
    </div>
  );
}
