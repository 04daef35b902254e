import { missingFragment, type Act, type LegalRef } from '@qyzmet/engine';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../../i18n';
import { legalRefPicker } from '../../i18n/editors/legalRefPicker';
import { api, type Schemas } from '../../shell/api';
import type { EditorProblem } from '../model';
import { legalRefText } from '../Previews';
import './editors.css';
import { citedLines, clauseOf, clauseRef, compactRef, linesOf, UNITS, type Unit } from './legalRefModel';
import { problemsAt, setIn } from './pointer';
import { invalidProps, ProblemList } from './ProblemList';
import type { EditorContext } from './types';

registerArea('legalRef', legalRefPicker);

/** An act's clause inventory with the seed text of each clause (GET /api/v1/admin/acts/:id/clauses). */
type ClauseInventory = Schemas['ActClauses'];
type ClauseItem = ClauseInventory['items'][number];

/** The free fields, in the order an analyst reads an order's structure. */
const FREE_FIELDS: readonly Unit[] = ['paragraph', 'subparagraph', 'part', 'article', 'annex', 'row'];

/**
 * Each act's inventory fetched once per page; an act without one (or the endpoint missing) gives null and the picker
 * shows the free fields only. A failure is forgotten so that the next picker asks again.
 */
const inventories = new Map<string, Promise<ClauseInventory | null>>();
function inventoryOf(act: string): Promise<ClauseInventory | null> {
  let known = inventories.get(act);
  if (!known) {
    known = api<ClauseInventory>('GET', `/admin/acts/${encodeURIComponent(act)}/clauses`).then(
      (r) => (Array.isArray(r?.items) && r.items.length ? r : null),
      () => {
        inventories.delete(act);
        return null;
      },
    );
    inventories.set(act, known);
  }
  return known;
}

function useInventory(act: string): { loading: boolean; inventory: ClauseInventory | null } {
  const [state, setState] = useState<{ act: string; inventory: ClauseInventory | null } | null>(null);
  useEffect(() => {
    if (!act) return;
    let live = true;
    void inventoryOf(act).then((inventory) => live && setState({ act, inventory }));
    return () => {
      live = false;
    };
  }, [act]);
  const loaded = state?.act === act;
  return { loading: !!act && !loaded, inventory: loaded ? state.inventory : null };
}

const pick = (t: { kk?: string; ru?: string; en?: string } | undefined, lang: UiLang) =>
  (lang === 'en' ? (t?.en ?? t?.ru) : t?.[lang]) ?? '';

/** An act as a choice: its number, date and title in the UI language (long titles cut). */
export function actChoiceText(act: Act, lang: UiLang): string {
  const title = pick(act.title, lang);
  const cut = title.length > 90 ? `${title.slice(0, 89)}…` : title;
  return [act.number && `№ ${act.number}`, act.date, cut].filter(Boolean).join(' · ');
}

/** A clause as a choice: its units as a citation prints them, and its summary. */
function clauseChoiceText(c: ClauseItem, lang: UiLang): string {
  const units = Object.fromEntries(UNITS.filter((k) => c[k]).map((k) => [k, c[k]]));
  const where = legalRefText({ act: '', ...units }, lang) || c.id;
  return c.summary ? `${where} — ${c.summary}` : where;
}

export interface LegalRefPickerProps {
  value: LegalRef | undefined;
  onChange: (next: LegalRef) => void;
  /** The acts registry by id (EditorContext.acts). */
  acts: Record<string, Act>;
  lang: UiLang;
  /** The engine's problems (any: those at or under `pointer` are shown). */
  problems: readonly EditorProblem[];
  /** Where the citation sits in the version, e.g. `/refusalGrounds/6/legalRef`. */
  pointer: string;
  readOnly?: boolean;
  /** The fieldset's legend (default: "Legal reference"). */
  label?: string;
}

/**
 * A citation of an act without JSON: the act from the registry, then a clause of its inventory (which fills the units,
 * the seed file and its lines, and shows the act's text there) or the units typed in (an act with no inventory, like
 * a newly registered amending order), the lines narrowed and a quote of the act's words. A quote that is not in the
 * text shown is flagged at once, with the engine's own comparison; the engine's problems under `pointer` are shown
 * at their fields. The citation is shown as documents print it. Generic: every editor that cites an act uses it.
 */
export function LegalRefPicker({
  value,
  onChange,
  acts,
  lang,
  problems,
  pointer,
  readOnly,
  label,
}: LegalRefPickerProps) {
  const { t } = useTranslation('legalRef');
  const id = useId();
  const ref: LegalRef = value && typeof value === 'object' && !Array.isArray(value) ? value : ({ act: '' } as LegalRef);
  const act = typeof ref.act === 'string' ? ref.act : '';
  const { loading, inventory } = useInventory(act);
  const choices = useMemo(
    () =>
      Object.entries(acts).sort(([a, x], [b, y]) => (y.date ?? '').localeCompare(x.date ?? '') || a.localeCompare(b)),
    [acts],
  );
  const clause = inventory ? clauseOf(inventory.items, ref) : undefined;
  // A clause whose act's text is not in the seeds comes with no text: nothing to show or to check a quote against.
  const shown = clause?.text ? citedLines(clause, ref.lines) : null;
  const shownText = shown?.map((l) => l.text).join('\n');
  const quote = typeof ref.quote === 'string' ? ref.quote : '';
  const missing = quote.trim() && shownText !== undefined ? missingFragment(quote, shownText) : undefined;

  const mine = problemsAt(problems, pointer);
  const at = (key: string) => problemsAt(mine, `${pointer}/${key}`);
  const placed = new Set([...['act', 'lines', ...UNITS].flatMap(at)]);
  // The engine says the same of a misquote the text shown already flags (in English, after the next compilation).
  const atQuote = mine.filter((p) => !placed.has(p) && !(missing && p.code === 'legalRef.misquote'));
  const quoteInvalid = !!missing || atQuote.length > 0;

  const write = (next: Record<string, unknown>) => onChange(compactRef(next));
  const chooseAct = (next: string) => write({ act: next, note: ref.note });
  const chooseClause = (clauseId: string) => {
    const c = inventory?.items.find((x) => x.id === clauseId);
    if (c && inventory) onChange(clauseRef(ref, c, inventory.seed, acts[act]?.seed));
  };
  const setLines = (which: 0 | 1, n: string) => {
    const from = which === 0 ? n : String(ref.lines?.[0] ?? '');
    const to = which === 1 ? n : String(ref.lines?.[1] ?? ref.lines?.[0] ?? '');
    write({ ...ref, lines: linesOf(from, to) });
  };
  // Documents print the act as the law cites it (its citation, else its title), not its id; formatLegalRef reads the
  // act's record.
  const printed = act ? legalRefText({ ...ref, act: acts[act] ?? act } as unknown as LegalRef, lang) : '';

  // The engine's problems of one field, under it (the field names them in aria-describedby).
  const errors = (key: string) => <ProblemList key={key} id={`${id}-${key}-err`} problems={at(key)} />;
  const invalid = (key: string) => invalidProps(`${id}-${key}-err`, at(key));

  return (
    <fieldset className="qz-legalref" data-testid="legal-ref-picker" aria-invalid={mine.length > 0 || undefined}>
      <legend>{label ?? t('legend')}</legend>
      {/* A label beside the select, not around it: around, its options would be part of the label's text. */}
      <div className="qz-field">
        <label htmlFor={`${id}-act`}>{t('act')}</label>
        <select
          id={`${id}-act`}
          value={act}
          onChange={(e) => chooseAct(e.target.value)}
          disabled={readOnly}
          {...invalid('act')}
        >
          <option value="">{t('chooseAct')}</option>
          {act && !acts[act] && <option value={act}>{t('notRegistered', { id: act })}</option>}
          {choices.map(([actId, a]) => (
            <option key={actId} value={actId}>
              {actChoiceText(a, lang)}
            </option>
          ))}
        </select>
      </div>
      {errors('act')}
      {act && loading && <p className="qz-muted qz-small">{t('clausesLoading')}</p>}
      {act && !loading && !inventory && <p className="qz-muted qz-small">{t('noInventory')}</p>}
      {inventory && (
        <div className="qz-field">
          <label htmlFor={`${id}-clause`}>{t('clause')}</label>
          <select
            id={`${id}-clause`}
            value={clause?.id ?? ''}
            onChange={(e) => chooseClause(e.target.value)}
            disabled={readOnly}
          >
            <option value="">{t('chooseClause')}</option>
            {inventory.items.map((c) => (
              <option key={c.id} value={c.id}>
                {clauseChoiceText(c, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="qz-legalref-units">
        {FREE_FIELDS.map((k) => (
          <label key={k}>
            {t(k)}
            <input
              value={typeof ref[k] === 'string' ? ref[k] : ''}
              onChange={(e) => write({ ...ref, [k]: e.target.value.trim() })}
              readOnly={readOnly}
              size={5}
              {...invalid(k)}
            />
          </label>
        ))}
      </div>
      {UNITS.map(errors)}
      {shown && (
        <figure className="qz-legalref-seed" data-testid="seed-text">
          <figcaption className="qz-muted qz-small">
            {t('seedText')} ({ref.seed ?? inventory?.seed ?? acts[act]?.seed ?? ''}
            {ref.lines ? `, L${ref.lines.join('–')}` : ''})
          </figcaption>
          <blockquote lang="kk">
            {shown.map((l, i) => (
              <div key={i} className="qz-legalref-line">
                {l.n !== null && <span className="qz-legalref-ln">{l.n}</span>}
                <span>{l.text || ' '}</span>
              </div>
            ))}
          </blockquote>
        </figure>
      )}
      <fieldset className="qz-legalref-lines">
        <legend>{t('lines')}</legend>
        {(['linesFrom', 'linesTo'] as const).map((k, i) => (
          <label key={k}>
            {t(k)}
            <input
              type="number"
              min={1}
              value={ref.lines?.[i] ?? (i === 1 && ref.lines ? ref.lines[0] : '')}
              onChange={(e) => setLines(i as 0 | 1, e.target.value)}
              readOnly={readOnly}
              {...invalid('lines')}
            />
          </label>
        ))}
      </fieldset>
      {errors('lines')}
      <label>
        {t('quote')}
        <textarea
          rows={2}
          value={quote}
          onChange={(e) => write({ ...ref, quote: e.target.value })}
          readOnly={readOnly}
          aria-invalid={quoteInvalid || undefined}
          aria-describedby={`${id}-quote-hint${quoteInvalid ? ` ${id}-quote-err` : ''}`}
        />
      </label>
      <p id={`${id}-quote-hint`} className="qz-muted qz-small">
        {t('quoteHint')}
      </p>
      {quoteInvalid && (
        <div id={`${id}-quote-err`} role="alert" data-testid="quote-error">
          {missing && <p className="error qz-small">{t('misquote', { missing })}</p>}
          {atQuote.map((p, i) => (
            <p key={i} className="error qz-small">
              {p.message}
            </p>
          ))}
        </div>
      )}
      <p className="qz-small" aria-live="polite" data-testid="legal-ref-text">
        <span className="qz-muted">{t('printed')}</span> {printed || '—'}
      </p>
    </fieldset>
  );
}

/** What an editor hands the picker of one citation of its version. */
export interface LegalRefFieldProps {
  /** The editor's context: the version written to, the acts registry, the interface language, the engine's problems. */
  ctx: Pick<EditorContext, 'version' | 'onChange' | 'acts' | 'lang' | 'problems'>;
  /** Where the citation sits in the version, e.g. `/documents/0/legalRef`. */
  pointer: string;
  /** The citation as the editor shows it (an include's resolved one too); anything but an object is no citation yet. */
  value: unknown;
  readOnly?: boolean;
  label?: string;
}

/** The picker of the citation at `pointer` of the editor's version: every editor wires it this way, so it is here. */
export function LegalRefField({ ctx, pointer, value, readOnly, label }: LegalRefFieldProps) {
  return (
    <LegalRefPicker
      label={label}
      value={value && typeof value === 'object' && !Array.isArray(value) ? (value as LegalRef) : undefined}
      onChange={(next) => ctx.onChange(setIn(ctx.version, pointer, next))}
      acts={ctx.acts}
      lang={ctx.lang}
      problems={ctx.problems}
      pointer={pointer}
      readOnly={readOnly}
    />
  );
}
