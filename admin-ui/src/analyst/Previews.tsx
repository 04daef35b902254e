import type { ELK as ElkLayout, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import {
  addDuration,
  formatInstant,
  instantOfLocal,
  formatLegalRef,
  parseDuration,
  registrationInstant,
  simulate,
  toLocalIso,
  validateApplicationData,
  type CompiledService,
  type CompiledVersion,
  type LegalRef,
  type Scenario,
  type SimulationResult,
  type StateDef,
  type Status,
  type VersionDef,
} from '@qyzmet/engine';
import { Component, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceForm } from '../forms/ServiceForm';
import type { ServerFieldError } from '../forms/toExtraErrors';
import { LANGUAGES, registerArea, type UiLang } from '../i18n';
import { splitDuration } from './editors/machineModel';
import { useGuardText } from './editors/useGuardText';
import { officer } from '../i18n/officer';
import type { ScenarioRun } from './model';

// The diagram says a step's status as the officer's inbox does: one wording everywhere.
registerArea('officer', officer);

/** Live previews of the draft version, all computed in the browser from the compiled draft. */

type Lang = 'kk' | 'ru' | 'en';
const pick = (t: { kk: string; ru: string; en?: string } | undefined, lang: Lang) =>
  t ? (lang === 'en' ? (t.en ?? t.ru) : t[lang]) : '';

/**
 * A legal reference as documents print it (the engine's words, in Kazakh or Russian: citations have no English form),
 * with the lines of the seed it was read from, where the analyst looks it up.
 */
export function legalRefText(r: LegalRef | undefined, lang: Lang): string {
  if (!r) return '';
  const text = formatLegalRef(r, lang === 'kk' ? 'kk' : 'ru');
  return r.lines ? `${text} (L${r.lines.join('–')})` : text;
}

/** Renders errors of a preview as a message instead of taking the workbench down. */
class PreviewBoundary extends Component<
  { children: ReactNode; resetKey: unknown },
  { error: string | null; key: unknown }
> {
  state = { error: null as string | null, key: undefined as unknown };
  static getDerivedStateFromError(e: Error) {
    return { error: e.message };
  }
  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { error: string | null; key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  render() {
    return this.state.error ? <p className="error">{this.state.error}</p> : this.props.children;
  }
}

/** One preview of the workbench: a card that folds, and whose failure stays inside it. */
export function PreviewCard({ title, resetKey, children }: { title: string; resetKey: unknown; children: ReactNode }) {
  return (
    <details open className="card">
      <summary>{title}</summary>
      <PreviewBoundary resetKey={resetKey}>{children}</PreviewBoundary>
    </details>
  );
}

// ---------------------------------------------------------------- form

/** The engine's field errors as the runtime answers them in a 422: pointers into the request, messages in kk/ru/en. */
export function asServerErrors(
  compiled: CompiledVersion,
  data: Record<string, unknown>,
  lang: UiLang,
): ServerFieldError[] {
  return validateApplicationData(compiled, data, lang).map((p) => ({
    pointer: `/data${p.pointer ?? ''}`,
    code: p.code,
    message: p.message,
    messages: (p.params as { messages?: Record<string, string> } | undefined)?.messages,
  }));
}

/**
 * The form as an applicant gets it (the applicant page's own component) in the language picked; its button runs the
 * engine's validation of the draft in the browser, as the runtime does on submission, errors under the fields.
 */
export function FormPreview({ version, compiled }: { version: VersionDef; compiled: CompiledVersion }) {
  const { t } = useTranslation('analyst');
  const [lang, setLang] = useState<UiLang>('kk');
  const [errors, setErrors] = useState<ServerFieldError[]>([]);
  // Errors of a check belong to the version checked.
  useEffect(() => setErrors([]), [compiled]);
  return (
    <div data-testid="form-preview">
      <PreviewLanguage className="qz-inline" lang={lang} langs={LANGUAGES} onChange={setLang} />
      <PreviewBoundary resetKey={version.form}>
        <ServiceForm
          form={version.form}
          lang={lang}
          errors={errors}
          onErrorsChange={setErrors}
          onSubmit={(data) => setErrors(asServerErrors(compiled, data, lang))}
        >
          <div className="submit-row">
            <button type="submit" className="secondary" data-testid="form-check">
              {t('formCheck')}
            </button>
          </div>
        </ServiceForm>
      </PreviewBoundary>
    </div>
  );
}

// ---------------------------------------------------------------- step machine

// The layout library (1.6 MB) loads with the first diagram, not with the workbench: the fields tab never draws one.
let elk: Promise<ElkLayout> | undefined;
const layoutEngine = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));

interface Laid {
  width: number;
  height: number;
  nodes: Array<{
    id: string;
    x: number;
    y: number;
    width: number;
    height: number;
    lines: string[];
    /** The ids, for the analyst's tooltip. */
    title: string;
    /** How many of the lines are the step's name (bold). */
    nameLines: number;
    status: Status;
    final: boolean;
    initial: boolean;
  }>;
  edges: Array<{
    id: string;
    points: Array<{ x: number; y: number }>;
    label?: { x: number; y: number; lines: string[] };
    timer: boolean;
  }>;
}

const STATUS_COLOUR: Record<Status, string> = {
  registered: '#e3f0fb',
  'in-progress': '#fff5d6',
  suspended: '#eee',
  approved: '#dff3e3',
  refused: '#fde8e7',
  withdrawn: '#eee',
};
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Splits a text into lines of at most n characters at spaces. */
function wrap(s: string, n: number, max = 3): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of s.split(/\s+/)) {
    if ((cur + ' ' + w).trim().length > n && cur) {
      out.push(cur);
      cur = w;
    } else cur = (cur + ' ' + w).trim();
  }
  if (cur) out.push(cur);
  return out.length > max ? [...out.slice(0, max - 1), clip(out.slice(max - 1).join(' '), n)] : out;
}

export function MachineDiagram({
  version,
  lang,
  selected,
  onSelect,
}: {
  version: VersionDef;
  lang: Lang;
  /** The state being edited beside the diagram, highlighted. */
  selected?: string | null;
  /** Given, a click on a state selects it for editing. */
  onSelect?: (state: string) => void;
}) {
  const { t } = useTranslation('analyst');
  const guardText = useGuardText(version, lang);
  const [laid, setLaid] = useState<Laid | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const m = version.machine;
    if (!m?.states) return;
    const nodeW = 210;
    const nodes: Laid['nodes'] = [];
    // A step in words: its name, its status as the officer's inbox says it, its step deadlines by name and term; the
    // ids are kept for the analyst in the tooltip only (the kk/ru interface shows no raw codes).
    const durationText = (d: string | undefined) => {
      const x = splitDuration(d);
      return x ? `${x.n} ${t(`stepsEditor:unit.${x.unit}`, { defaultValue: t('diagramTerm') })}` : '';
    };
    const timerText = (tm: NonNullable<StateDef['timers']>[number]) => {
      const name = pick(tm.label, lang) || t('diagramTimer');
      if (tm.after) return `${name}: ${durationText(tm.after)}`;
      if (!tm.beforeDeadline) return name;
      const dl = version.deadlines?.find((x) => x.id === tm.beforeDeadline!.deadline);
      return `${name}: ${t('diagramBefore', { after: durationText(tm.beforeDeadline.after), deadline: pick(dl?.label, lang) || t('diagramDeadline') })}`;
    };
    const titles = new Map<string, string>();
    const names = new Map<string, number>();
    const children: ElkNode[] = Object.entries(m.states).map(([id, s]) => {
      const timers = s.timers ?? [];
      titles.set(id, [`${id} [${s.status}]`, ...timers.map((tm) => `${t('timer')}: ${tm.id}`)].join('\n'));
      const name = wrap(pick(s.label, lang) || t('diagramUnnamed'), 27, 2);
      names.set(id, name.length);
      const lines = [
        ...name,
        `${t(`officer:status.${s.status}`, { defaultValue: t('diagramStatusOther') })}${s.final ? ` · ${t('final')}` : ''}`,
        ...timers.map((tm) => clip(timerText(tm), 28)),
      ];
      const height = 14 + lines.length * 15;
      nodes.push({
        id,
        x: 0,
        y: 0,
        width: nodeW,
        height,
        lines,
        title: titles.get(id) ?? id,
        nameLines: names.get(id) ?? 1,
        status: s.status,
        final: !!s.final,
        initial: m.initial === id,
      });
      return { id, width: nodeW, height };
    });
    const edges: ElkExtendedEdge[] = [];
    const labels = new Map<string, { lines: string[]; timer: boolean }>();
    let n = 0;
    const add = (from: string, to: string, text: string, timer = false) => {
      if (!m.states[to]) return;
      const id = `e${n++}`;
      const lines = wrap(text, 26, 3);
      labels.set(id, { lines, timer });
      edges.push({
        id,
        sources: [from],
        targets: [to],
        labels: [
          {
            id: `${id}l`,
            text,
            width: Math.max(...lines.map((l) => l.length)) * 6.4 + 6,
            height: lines.length * 13 + 2,
          },
        ],
      });
    };
    for (const [id, s] of Object.entries(m.states)) {
      // The arrows in words: the event's name, and the guard as the steps editor says it.
      for (const [ev, tr] of Object.entries(s.on ?? {}))
        for (const x of Array.isArray(tr) ? tr : [tr])
          add(
            id,
            x.target,
            `${pick(m.events?.[ev]?.label, lang) || t('diagramEvent')}${x.guard ? `: ${guardText(x.guard)}` : ''}`,
          );
      for (const x of s.always ?? []) add(id, x.target, `↳${x.guard ? ` ${guardText(x.guard)}` : ''}`);
      for (const tm of s.timers ?? []) if (tm.target) add(id, tm.target, timerText(tm), true);
    }
    const graph: ElkNode = {
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.spacing.nodeNode': '30',
        'elk.layered.spacing.nodeNodeBetweenLayers': '50',
        'elk.edgeLabels.placement': 'CENTER',
        'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP',
      },
      children,
      edges,
    };
    layoutEngine()
      .then((engine) => engine.layout(graph))
      .then((g: ElkNode) => {
        if (!live) return;
        const byId = new Map((g.children ?? []).map((c) => [c.id, c]));
        setLaid({
          width: g.width ?? 400,
          height: g.height ?? 300,
          nodes: nodes.map((x) => ({ ...x, x: byId.get(x.id)?.x ?? 0, y: byId.get(x.id)?.y ?? 0 })),
          edges: (g.edges ?? []).map((e) => {
            const s = (e as ElkExtendedEdge).sections?.[0];
            const l = e.labels?.[0];
            const meta = labels.get(e.id)!;
            return {
              id: e.id,
              timer: meta.timer,
              points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [],
              label: l ? { x: l.x ?? 0, y: l.y ?? 0, lines: meta.lines } : undefined,
            };
          }),
        });
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [version.machine, version.deadlines, lang, t, guardText]);
  if (error)
    return (
      <p className="error">
        {t('layoutFailed')}: {error}
      </p>
    );
  if (!laid) return null;
  return (
    <div className="qz-diagram" data-testid="machine-diagram">
      <svg
        style={{ width: '100%', maxWidth: laid.width + 20, minWidth: Math.min(laid.width + 20, 560), height: 'auto' }}
        viewBox={`-10 -10 ${laid.width + 20} ${laid.height + 20}`}
        // States that can be selected make the diagram a group of buttons, not a picture.
        role={onSelect ? 'group' : 'img'}
        aria-label={t('previewMachine')}
      >
        <defs>
          <marker
            id="qz-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#56606b" />
          </marker>
        </defs>
        {laid.edges.map((e) => (
          <g key={e.id} className="qz-edge">
            <polyline
              points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="none"
              stroke={e.timer ? '#b26a00' : '#56606b'}
              strokeDasharray={e.timer ? '5 3' : undefined}
              markerEnd="url(#qz-arrow)"
            />
            {e.label && (
              <text x={e.label.x + 3} y={e.label.y + 11} fontSize="11" fill={e.timer ? '#8a5200' : '#1b1f24'}>
                {e.label.lines.map((l, i) => (
                  <tspan key={i} x={e.label!.x + 3} dy={i ? 13 : 0}>
                    {l}
                  </tspan>
                ))}
              </text>
            )}
          </g>
        ))}
        {laid.nodes.map((nd) => (
          <g
            key={nd.id}
            transform={`translate(${nd.x},${nd.y})`}
            data-state={nd.id}
            className={`qz-node${selected === nd.id ? ' qz-node-selected' : ''}`}
            {...(onSelect && {
              role: 'button',
              tabIndex: 0,
              'aria-label': nd.lines.join(' '),
              'aria-pressed': selected === nd.id,
              onClick: () => onSelect(nd.id),
              onKeyDown: (e: { key: string; preventDefault(): void }) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                onSelect(nd.id);
              },
            })}
          >
            {/* The ids, for the analyst: a tooltip, never a line of the box. */}
            <title>{nd.title}</title>
            {/* The state being edited beside the diagram, and the one with keyboard focus, get a halo. */}
            <rect className="qz-node-halo" x="-5" y="-5" width={nd.width + 10} height={nd.height + 10} rx="9" />
            <rect
              width={nd.width}
              height={nd.height}
              rx="6"
              fill={STATUS_COLOUR[nd.status] ?? '#fff'}
              stroke={nd.initial ? '#0b4f8a' : '#8a949e'}
              strokeWidth={nd.initial ? 2.5 : nd.final ? 2 : 1}
              strokeDasharray={nd.final ? '0' : undefined}
            />
            {nd.final && (
              <rect x="3" y="3" width={nd.width - 6} height={nd.height - 6} rx="4" fill="none" stroke="#8a949e" />
            )}
            {/* A drawn clock before each step deadline's line: the "⏱" character has no glyph in the fonts. */}
            {nd.lines.map((_, i) =>
              i > nd.nameLines ? (
                <g
                  key={`clock${i}`}
                  className="qz-timer-icon"
                  transform={`translate(8,${9 + i * 15})`}
                  aria-hidden="true"
                >
                  <circle cx="5.5" cy="5.5" r="4.8" fill="none" stroke="#8a5200" strokeWidth="1.2" />
                  <path d="M5.5 2.8v2.7l1.8 1.8" fill="none" stroke="#8a5200" strokeWidth="1.2" strokeLinecap="round" />
                </g>
              ) : null,
            )}
            <text x="8" y="18" fontSize="12">
              {/* A space ends each line but the last: the text read out is the lines' words, not run together. */}
              {nd.lines.map((l, i) => (
                <tspan key={i} x={i > nd.nameLines ? 22 : 8} dy={i ? 15 : 0} fontWeight={i < nd.nameLines ? 700 : 400}>
                  {i < nd.lines.length - 1 ? `${l} ` : l}
                </tspan>
              ))}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

// ---------------------------------------------------------------- grounds

export function GroundsTable({ version, lang }: { version: VersionDef; lang: Lang }) {
  const { t } = useTranslation('analyst');
  return (
    <table className="responsive qz-small">
      <thead>
        <tr>
          <th>{t('colId')}</th>
          <th>{t('colKind')}</th>
          <th>{t('colText')}</th>
          <th>{t('colLegalRef')}</th>
        </tr>
      </thead>
      <tbody>
        {(version.refusalGrounds ?? []).map((g) => (
          <tr key={g.id}>
            <td>
              <code>{g.id}</code>
            </td>
            <td>
              {g.kind === 'return' ? t('kindReturn') : t('kindRefusal')}
              {g.decidedBy === 'officer' ? ` · ${t('decidedByOfficer')}` : ''}
            </td>
            <td>{pick(g.text, lang)}</td>
            <td>
              {legalRefText(g.legalRef, lang)}
              {g.basis && <div className="qz-muted">{legalRefText(g.basis, lang)}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------- deadlines

/** Now as a datetime-local value ("YYYY-MM-DDTHH:mm"): the local ISO of the zone without seconds and offset. */
function nowLocalInput(zone: string): string {
  return toLocalIso(Date.now(), zone).slice(0, 16);
}

export function DeadlinesPreview({
  service,
  version,
  lang,
}: {
  service: CompiledService;
  version: VersionDef;
  lang: Lang;
}) {
  const { t } = useTranslation('analyst');
  // Each case's condition in words, as the deadlines editor names it.
  const guardText = useGuardText(version, lang);
  const [at, setAt] = useState(() => nowLocalInput(service.workingTime.timeZone));
  const wt = service.workingTime;
  const result = useMemo(() => {
    try {
      const reg = registrationInstant(wt, instantOfLocal(at, wt.timeZone));
      const rows = version.deadlines.flatMap((d) =>
        (d.cases ?? []).map((c, i) => {
          try {
            const r = addDuration(wt, reg.registeredAt, parseDuration(c.duration), c.counting);
            return {
              key: `${d.id}/${i}`,
              d,
              c,
              due: formatInstant(wt, r.dueAt),
              lines: r.explanation.map((e) => pick(e.text, lang)),
              error: null as string | null,
            };
          } catch (e) {
            return { key: `${d.id}/${i}`, d, c, due: '', lines: [], error: (e as Error).message };
          }
        }),
      );
      const none = version.deadlines.filter((d) => !(d.cases ?? []).length);
      return {
        registeredAt: formatInstant(wt, reg.registeredAt),
        regLines: reg.explanation.map((e) => pick(e.text, lang)),
        rows,
        none,
        error: null as string | null,
      };
    } catch (e) {
      return { registeredAt: '', regLines: [], rows: [], none: [], error: (e as Error).message };
    }
  }, [wt, at, version.deadlines, lang]);
  return (
    <div>
      <label className="qz-inline">
        {t('submittedAt')} ({service.workingTime.timeZone})
        <input
          type="datetime-local"
          value={at}
          onChange={(e) => e.target.value && setAt(e.target.value)}
          data-testid="deadline-at"
        />
      </label>
      {result.error ? (
        <p className="error">{result.error}</p>
      ) : (
        <>
          <p>
            <strong>{t('registeredAt')}:</strong> {result.registeredAt}
          </p>
          <ul className="qz-expl">
            {result.regLines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          <table className="responsive qz-small">
            <thead>
              <tr>
                <th>{t('deadline')}</th>
                <th>{t('caseWhen')}</th>
                <th>{t('duration')}</th>
                <th>
                  {t('dueAt')} · {t('explanation')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.key}>
                  <td>
                    <code>{r.d.id}</code> {pick(r.d.label, lang)}
                    {typeof r.d.start === 'object' && (
                      <div className="qz-muted">{t('startsAtState', { state: r.d.start.state })}</div>
                    )}
                  </td>
                  <td>{r.c.when ? guardText(r.c.when) : t('always')}</td>
                  <td>{r.c.duration}</td>
                  <td>
                    {r.error ? (
                      <span className="error">{r.error}</span>
                    ) : (
                      <strong className="qz-nowrap" data-testid="deadline-due">
                        {r.due}
                      </strong>
                    )}
                    <ul className="qz-expl">
                      {r.lines.map((l, i) => (
                        <li key={i}>{l}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
              {result.none.map((d) => (
                <tr key={d.id}>
                  <td>
                    <code>{d.id}</code> {pick(d.label, lang)}
                  </td>
                  <td colSpan={3} className="qz-muted">
                    {t('notComputable')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- documents

export function DocumentsPreview({
  service,
  compiled,
  runs,
  initialLang = 'kk',
  initialDocument = '',
}: {
  service: CompiledService;
  compiled: CompiledVersion;
  runs: readonly ScenarioRun[];
  /** The language and the document shown first (the documents editor opens on the template being edited). */
  initialLang?: 'kk' | 'ru';
  initialDocument?: string;
}) {
  const { t } = useTranslation('analyst');
  const usable = runs.filter((r) => r.scenario) as Array<ScenarioRun & { scenario: Scenario }>;
  // Chosen by the analyst, or '' for the first that issues a document (the runs arrive after the first render).
  const [file, setFile] = useState<string>('');
  const [lang, setLang] = useState<'kk' | 'ru'>(initialLang);
  const [docId, setDocId] = useState<string>(initialDocument);
  const [result, setResult] = useState<{ r?: SimulationResult; error?: string }>({});
  const run =
    usable.find((r) => r.file === file) ?? usable.find((r) => r.outcome?.result?.documents.length) ?? usable[0];
  useEffect(() => {
    let live = true;
    if (!run) return;
    simulate(service, run.scenario.data, run.scenario.events, run.scenario.at, {
      version: compiled,
      lang,
      renderDocuments: true,
      channel: run.scenario.channel,
    })
      .then((r) => live && setResult({ r }))
      .catch((e: Error) => live && setResult({ error: e.message }));
    return () => {
      live = false;
    };
  }, [service, compiled, run?.text, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const docs = result.r?.documents ?? [];
  const doc = docs.find((d) => d.id === docId) ?? docs[0];
  return (
    <div>
      <div className="qz-row">
        <label className="qz-grow">
          {t('scenario')}
          <select value={run?.file ?? ''} onChange={(e) => setFile(e.target.value)}>
            {usable.map((r) => (
              <option key={r.file} value={r.file}>
                {r.scenario.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('document')}
          <select value={doc?.id ?? ''} onChange={(e) => setDocId(e.target.value)}>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id}
              </option>
            ))}
          </select>
        </label>
        <PreviewLanguage lang={lang} langs={DOCUMENT_LANGUAGES} onChange={setLang} />
      </div>
      {result.error && <p className="error">{result.error}</p>}
      {result.r && !docs.length && <p className="qz-muted">{t('noDocuments')}</p>}
      {doc && <iframe className="qz-doc" title={doc.title} srcDoc={doc.html} sandbox="" />}
    </div>
  );
}

/** Documents exist in the two state languages only. */
const DOCUMENT_LANGUAGES = ['kk', 'ru'] as const;

/** The language one preview is shown in, apart from the UI's: a form in kk, ru or en; a document in kk or ru. */
function PreviewLanguage<L extends string>({
  lang,
  langs,
  onChange,
  className,
}: {
  lang: L;
  langs: readonly L[];
  onChange: (lang: L) => void;
  className?: string;
}) {
  const { t } = useTranslation('analyst');
  return (
    <label className={className}>
      {t('formLanguage')}
      <select value={lang} onChange={(e) => onChange(e.target.value as L)}>
        {langs.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
