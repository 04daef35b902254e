import type { Ground } from '@qyzmet/engine';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../../i18n';
import { grounds as texts } from '../../i18n/editors/grounds';
import type { EditorProblem } from '../model';
import './editors.css';
import { GroundFactWords, GroundFacts } from './GroundFacts';
import { groundIdProblem, includedGroundId, readGroundFacts } from './groundFacts';
import { LangTexts, type Texts } from './LangTexts';
import { CardToggle } from './CardToggle';
import { LegalRefField } from './LegalRefPicker';
import { pointerOf, problemsAt, setIn } from './pointer';
import { invalidProps, ProblemList } from './ProblemList';
import type { EditorContext } from './types';

registerArea('grounds', texts);

type Entry = Record<string, unknown>;
const isObject = (v: unknown): v is Entry => !!v && typeof v === 'object' && !Array.isArray(v);
const asTexts = (v: unknown): Texts | undefined => (isObject(v) ? (v as Texts) : undefined);
const pick = (t: unknown, lang: UiLang) => {
  const x = asTexts(t);
  return String((lang === 'en' ? (x?.en ?? x?.ru) : x?.[lang]) ?? '');
};
/** The first words of a text, as a card's title. */
const firstWords = (s: string, n = 9) => {
  const words = s.trim().split(/\s+/).filter(Boolean);
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : words.join(' ');
};

/** The keys of a ground that a field of the card edits: problems elsewhere in it are shown at the card's top. */
const EDITED = ['id', 'kind', 'decidedBy', 'text', 'message', 'fact', 'legalRef', 'when'];

/** A new ground, decided by the officer (most grounds of the acts are established on examination) and not cited yet. */
const newGround = (id: string): Partial<Ground> => ({
  id,
  kind: 'refusal',
  decidedBy: 'officer',
  text: { kk: '', ru: '' },
  legalRef: { act: '' },
});

/** The shared ground an `$include` entry brings, as the last compilation resolved it (by its id, else its place). */
function resolvedShared(ctx: EditorContext, index: number, entry: Entry): Entry | undefined {
  const id = includedGroundId(entry.$include);
  const lists = [ctx.compiled?.version.refusalGrounds, ctx.compiled?.compiled.def.refusalGrounds];
  for (const list of lists) {
    const found = (list ?? []).find((g) => isObject(g) && !('$include' in g) && g.id === id);
    if (found) return found as unknown as Entry;
  }
  const same = ctx.compiled?.compiled.def.refusalGrounds?.[index];
  return isObject(same) && !('$include' in same) ? (same as unknown as Entry) : undefined;
}

/**
 * The refusal grounds of the draft as cards (kind and the first words of the text), one open at a time: its id, kind,
 * who decides, the act's text and the applicant's message in kk/ru/en, the fact in words the refusal prints (with its
 * placeholders and a preview on a scenario), its legal reference and the facts it cites.
 * A shared ground (`$include`) shows its text read only; only its own legal reference is edited here.
 */
export function GroundsEditor(ctx: EditorContext) {
  const { t } = useTranslation('grounds');
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  /** The card just added takes the focus from the form that added it (keyboard users stay in place). */
  const [created, setCreated] = useState<number | null>(null);
  const raw = ctx.version.refusalGrounds as unknown;
  if (raw !== undefined && !Array.isArray(raw))
    return (
      <p className="error" role="alert">
        {t('notList')}
      </p>
    );
  const list = (raw ?? []) as unknown[];
  const ids = list.map((g) => (isObject(g) ? (typeof g.id === 'string' ? g.id : includedGroundId(g.$include)) : ''));
  const findings = [
    ...new Set(
      list.flatMap((g) => {
        const f = isObject(g) ? readGroundFacts(g.when) : null;
        return f?.kind === 'finding' ? [f.finding] : [];
      }),
    ),
  ];

  const create = (id: string) => {
    ctx.onChange(setIn(ctx.version, '/refusalGrounds', [...list, newGround(id)]));
    setOpen(list.length);
    setCreated(list.length);
    setAdding(false);
  };
  const remove = (index: number) => {
    ctx.onChange(setIn(ctx.version, pointerOf('refusalGrounds', index), undefined));
    setOpen(null);
  };

  return (
    <section className="qz-grounds" aria-labelledby="qz-grounds-title">
      <h2 id="qz-grounds-title">{t('title')}</h2>
      {list.length === 0 && <p className="qz-muted">{t('none')}</p>}
      {list.map((entry, i) => (
        <GroundCard
          key={i}
          ctx={ctx}
          index={i}
          entry={entry}
          open={open === i}
          focus={created === i}
          onToggle={() => setOpen(open === i ? null : i)}
          otherIds={ids.filter((_, j) => j !== i).filter((x): x is string => !!x)}
          findings={findings}
          onRemove={() => remove(i)}
        />
      ))}
      {!ctx.readOnly &&
        (adding ? (
          <NewGround ids={ids.filter((x): x is string => !!x)} onCreate={create} onCancel={() => setAdding(false)} />
        ) : (
          <button className="secondary" onClick={() => setAdding(true)} data-testid="add-ground">
            + {t('add')}
          </button>
        ))}
    </section>
  );
}

/** The id of a ground with its live check (format, unique) under it. */
function IdField({
  value,
  otherIds,
  onChange,
  readOnly,
  problems = [],
  autoFocus,
}: {
  value: string;
  otherIds: readonly string[];
  onChange: (id: string) => void;
  readOnly?: boolean;
  problems?: readonly EditorProblem[];
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('grounds');
  const id = useId();
  const problem = groundIdProblem(value, otherIds);
  const messages = [
    ...(problem
      ? [problem === 'empty' ? t('idEmpty') : problem === 'format' ? t('idFormat') : t('idTaken', { id: value })]
      : []),
    ...problems.map((p) => p.message),
  ];
  return (
    <label>
      {t('id')}
      <input
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        readOnly={readOnly}
        spellCheck={false}
        autoComplete="off"
        autoFocus={autoFocus}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={`${id}-hint${messages.length ? ` ${id}-err` : ''}`}
      />
      <span id={`${id}-hint`} className="qz-muted qz-small">
        {t('idHint')}
      </span>
      {messages.length > 0 && (
        <span id={`${id}-err`} className="error qz-small" role="status">
          {messages.join(' ')}
        </span>
      )}
    </label>
  );
}

/** A new card: the id first (checked as typed), then the ground is added and opened for the rest. */
function NewGround({
  ids,
  onCreate,
  onCancel,
}: {
  ids: readonly string[];
  onCreate: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('grounds');
  const [id, setId] = useState('');
  const ok = !groundIdProblem(id, ids);
  return (
    <form
      className="card qz-ground qz-ground-new"
      aria-label={t('newGround')}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onCreate(id);
      }}
    >
      <h3>{t('newGround')}</h3>
      <IdField value={id} otherIds={ids} onChange={setId} autoFocus />
      <div className="qz-row">
        <button type="submit" disabled={!ok}>
          {t('create')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function GroundCard({
  ctx,
  index,
  entry,
  open,
  focus,
  onToggle,
  otherIds,
  findings,
  onRemove,
}: {
  ctx: EditorContext;
  index: number;
  entry: unknown;
  open: boolean;
  focus: boolean;
  onToggle: () => void;
  otherIds: readonly string[];
  findings: readonly string[];
  onRemove: () => void;
}) {
  const { t } = useTranslation('grounds');
  const [confirming, setConfirming] = useState(false);
  // Cards are kept by place: a removal must not leave the next ground's card asking to confirm its own removal.
  useEffect(() => {
    if (!open) setConfirming(false);
  }, [open]);
  const bodyId = useId();
  const at = pointerOf('refusalGrounds', index);
  const all = problemsAt(ctx.problems, at);
  if (!isObject(entry))
    return (
      <article className="card qz-ground" aria-invalid>
        <p className="error">{t('notObject')}</p>
      </article>
    );
  const shared = typeof entry.$include === 'string';
  const resolved = shared ? resolvedShared(ctx, index, entry) : undefined;
  // A shared ground's own legalRef overrides the fragment's; without one, the fragment's is shown until edited.
  const g = shared ? { ...resolved, legalRef: entry.legalRef ?? resolved?.legalRef } : entry;
  const id = typeof g.id === 'string' ? g.id : (includedGroundId(entry.$include) ?? '');
  const kind = g.kind === 'return' ? 'return' : 'refusal';
  const title = firstWords(pick(g.text, ctx.lang)) || t('untitled');
  const set = (key: string, value: unknown) => ctx.onChange(setIn(ctx.version, `${at}/${key}`, value));
  const field = (key: string) => problemsAt(all, `${at}/${key}`);
  const elsewhere = all.filter((p) => !EDITED.some((k) => field(k).includes(p)));
  const readOnly = ctx.readOnly || shared;

  const setDecidedBy = (next: 'rule' | 'officer') => {
    // A finding belongs to the officer, a named condition to a rule: switching drops the other kind (not a composite).
    const facts = readGroundFacts(g.when);
    const keep =
      facts.kind === 'complex' || (next === 'officer' ? facts.kind === 'finding' : facts.kind === 'condition');
    const changed = setIn(ctx.version, `${at}/decidedBy`, next);
    ctx.onChange(keep ? changed : setIn(changed, `${at}/when`, undefined));
  };

  return (
    <article
      className={open ? 'card qz-ground qz-ground-open' : 'card qz-ground'}
      data-ground={id}
      aria-invalid={all.length > 0 || undefined}
    >
      <CardToggle
        headClassName="qz-ground-head"
        className="qz-ground-toggle"
        open={open}
        bodyId={bodyId}
        autoFocus={focus}
        onToggle={onToggle}
      >
        <span className={`qz-ground-kind qz-ground-kind-${kind}`}>
          {t(kind === 'return' ? 'badgeReturn' : 'badgeRefusal')}
        </span>
        {shared && <span className="qz-ground-kind">{t('badgeShared')}</span>}
        <span className="qz-grow">{title}</span>
        <code className="qz-muted qz-small">{id}</code>
        {all.length > 0 && <span className="qz-badge qz-badge-fail">{t('problemsCount', { count: all.length })}</span>}
      </CardToggle>
      {open && (
        <div id={bodyId} className="qz-ground-body">
          {shared && (
            <p className="qz-ground-shared" role="note">
              {t('shared', { file: String(entry.$include).split('#')[0].split('/').pop() })}
              {!resolved && ` ${t('sharedUnresolved')}`}
            </p>
          )}
          {elsewhere.map((p, i) => (
            <p key={i} className="error qz-small">
              {p.message}
            </p>
          ))}
          {!shared && (
            <IdField
              value={id}
              otherIds={otherIds}
              onChange={(next) => set('id', next)}
              readOnly={ctx.readOnly}
              problems={field('id')}
            />
          )}
          <div className="qz-ground-choices">
            <Choice
              legend={t('kind')}
              value={kind}
              options={[
                ['refusal', t('kindRefusal')],
                ['return', t('kindReturn')],
              ]}
              onChange={(v) => set('kind', v)}
              readOnly={readOnly}
              problems={field('kind')}
            />
            <Choice
              legend={t('decidedBy')}
              value={g.decidedBy === 'officer' ? 'officer' : 'rule'}
              options={[
                ['rule', t('decidedByRule')],
                ['officer', t('decidedByOfficer')],
              ]}
              onChange={(v) => setDecidedBy(v as 'rule' | 'officer')}
              readOnly={readOnly}
              problems={field('decidedBy')}
            />
          </div>
          <LangTexts
            label={t('text')}
            name="text"
            multiline
            value={asTexts(g.text)}
            onChange={(v) => set('text', v)}
            readOnly={readOnly}
            problems={field('text')}
          />
          <LangTexts
            label={t('message')}
            name="message"
            multiline
            value={asTexts(g.message)}
            onChange={(v) => set('message', v)}
            readOnly={readOnly}
            problems={field('message')}
          />
          <GroundFactWords
            groundId={id}
            value={g.fact}
            version={ctx.compiled?.version ?? ctx.version}
            runs={ctx.runs}
            lang={ctx.lang}
            readOnly={readOnly}
            problems={field('fact')}
            pointer={`${at}/fact`}
            onChange={(fact) => set('fact', fact)}
          />
          <LegalRefField
            label={t('legalRef')}
            ctx={ctx}
            pointer={`${at}/legalRef`}
            value={g.legalRef}
            readOnly={ctx.readOnly}
          />
          {shared ? null : (
            <GroundFacts
              when={g.when}
              decidedBy={g.decidedBy}
              version={ctx.version}
              lang={ctx.lang}
              readOnly={ctx.readOnly}
              problems={field('when')}
              findings={findings}
              jsonHref={`#/workbench/${encodeURIComponent(ctx.serviceId)}/editor/json`}
              onChange={(when) => set('when', when)}
            />
          )}
          {!ctx.readOnly && (
            <div className="qz-row qz-ground-actions">
              {confirming ? (
                <>
                  <button className="danger" onClick={onRemove} autoFocus>
                    {t('confirmRemove', { id })}
                  </button>
                  <button className="secondary" onClick={() => setConfirming(false)}>
                    {t('cancel')}
                  </button>
                </>
              ) : (
                <button className="secondary" onClick={() => setConfirming(true)}>
                  {t('remove')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </article>
  );
}

/** A choice among a few values as radio buttons in a labelled group. */
function Choice({
  legend,
  value,
  options,
  onChange,
  readOnly,
  problems,
}: {
  legend: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
  readOnly: boolean;
  problems: readonly EditorProblem[];
}) {
  const name = useId();
  return (
    <fieldset className="qz-ground-choice" aria-invalid={problems.length > 0 || undefined}>
      <legend>{legend}</legend>
      {options.map(([v, text]) => (
        <label key={v} className="qz-check">
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            {...invalidProps(`${name}-err`, problems)}
            disabled={readOnly && value !== v}
            onChange={() => !readOnly && onChange(v)}
          />
          {text}
        </label>
      ))}
      <ProblemList id={`${name}-err`} problems={problems} />
    </fieldset>
  );
}
