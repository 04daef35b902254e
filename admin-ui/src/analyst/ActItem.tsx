import { describeActItem, type Act, type LegalRef } from '@qyzmet/engine';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Schemas } from '../shell/api';
import { CitationFields, citationBody, citationFormOf, RegisterAct, type CitationForm } from './RegisterAct';

/** An entry of the acts registry as GET /admin/acts lists it: the registry's act with its id. */
export type RegisteredAct = { id: string } & Act;

export interface ActItemProps {
  /** The act item the draft's changes cite now (null: none chosen yet). */
  legalRef: LegalRef | null;
  /** The date the draft is expected in force from: scenarios dated before it keep testing the old version. */
  expectedFrom: string | null;
  lang: 'kk' | 'ru' | 'en';
  /** Saves the chosen item as the draft's `legalRef` (every change made afterwards cites it). */
  onCite(ref: LegalRef, expectedFrom: string | null): Promise<void>;
  /** An act was registered or its citation changed: the workbench compiles the draft again with the registry. */
  onActsChanged?(): void;
}

const title = (a: RegisteredAct, lang: 'kk' | 'ru' | 'en') => {
  const s = (lang === 'en' ? (a.title.en ?? a.title.ru) : a.title[lang]) ?? '';
  return s.length > 90 ? `${s.slice(0, 89)}…` : s;
};

/**
 * The item of the amending act that the draft's changes cite, chosen once and kept until changed (issue 14: "every
 * change made afterwards is tied to an item of that act"): the act from the registry, its paragraph and sub-paragraph.
 */
export function ActItem({ legalRef, expectedFrom, lang, onCite, onActsChanged }: ActItemProps) {
  const { t } = useTranslation('analyst');
  const [acts, setActs] = useState<RegisteredAct[]>([]);
  const [reload, setReload] = useState(0);
  const [act, setAct] = useState(legalRef?.act ?? '');
  const [paragraph, setParagraph] = useState(legalRef?.paragraph ?? '');
  const [subparagraph, setSubparagraph] = useState(legalRef?.subparagraph ?? '');
  const [expected, setExpected] = useState(expectedFrom ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // The registry's entries are typed by the engine's Act (the API schema leaves their members open).
    void api<Schemas['ActList']>('GET', '/admin/acts').then((r) => setActs(r.items as unknown as RegisteredAct[]));
  }, [reload]);
  useEffect(() => {
    setAct(legalRef?.act ?? '');
    setParagraph(legalRef?.paragraph ?? '');
    setSubparagraph(legalRef?.subparagraph ?? '');
  }, [legalRef]);
  useEffect(() => setExpected(expectedFrom ?? ''), [expectedFrom]);
  const byId = useMemo(() => Object.fromEntries(acts.map(({ id, ...a }) => [id, a as Act])), [acts]);
  // Amending orders are the recent ones: the newest first.
  const sorted = useMemo(() => [...acts].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')), [acts]);

  const cite = async () => {
    setBusy(true);
    try {
      await onCite(
        {
          act,
          ...(paragraph.trim() ? { paragraph: paragraph.trim() } : {}),
          ...(subparagraph.trim() ? { subparagraph: subparagraph.trim() } : {}),
        },
        expected || null,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="qz-act-item" data-testid="act-item">
      <legend>{t('citeTitle')}</legend>
      <p aria-live="polite" data-testid="cites" className={legalRef ? '' : 'qz-muted'}>
        {legalRef ? t('cites', { item: describeActItem(legalRef, byId) }) : t('citesNone')}
      </p>
      <form
        className="qz-row"
        onSubmit={(e) => {
          e.preventDefault();
          void cite();
        }}
      >
        <label className="qz-grow">
          {t('citeAct')}
          <select name="act" value={act} onChange={(e) => setAct(e.target.value)} required>
            <option value="">{t('citeChooseAct')}</option>
            {sorted.map((a) => (
              <option key={a.id} value={a.id}>
                {[a.number && `№ ${a.number}`, a.date, title(a, lang)].filter(Boolean).join(' · ')} ({a.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('citeParagraph')}
          <input name="paragraph" value={paragraph} onChange={(e) => setParagraph(e.target.value)} size={6} />
        </label>
        <label>
          {t('citeSubparagraph')}
          <input name="subparagraph" value={subparagraph} onChange={(e) => setSubparagraph(e.target.value)} size={6} />
        </label>
        <label>
          {t('expectedFrom')}
          <input name="expectedFrom" type="date" value={expected} onChange={(e) => setExpected(e.target.value)} />
        </label>
        <button type="submit" disabled={!act || busy} data-testid="cite">
          {t('citeSave')}
        </button>
      </form>
      <RegisterAct
        acts={sorted}
        onRegistered={(id) => {
          setReload((n) => n + 1);
          setAct(id);
          onActsChanged?.();
        }}
      />
      <details data-testid="act-citation-details">
        <summary>{t('actCitationEdit')}</summary>
        <ActCitationEditor
          acts={acts}
          initial={act}
          lang={lang}
          onSaved={() => {
            setReload((n) => n + 1);
            onActsChanged?.();
          }}
        />
      </details>
    </fieldset>
  );
}

/**
 * The citation of an act of the registry as the law writes it, and the act approving it, edited in place (PATCH
 * /admin/acts/:id): what a ground or a document of the draft cites needs one (the compiler's act.citationMissing), so
 * the analyst chooses the act (the one the draft's changes cite, first), fills the form and sees a clause cited.
 */
export function ActCitationEditor({
  acts,
  initial,
  lang,
  onSaved,
}: {
  acts: readonly RegisteredAct[];
  /** The act shown first (the one the draft's changes cite), or ''. */
  initial: string;
  lang: 'kk' | 'ru' | 'en';
  onSaved(id: string): void;
}) {
  const { t } = useTranslation('analyst');
  const [chosen, setChosen] = useState(initial);
  const current = acts.find((a) => a.id === chosen);
  const [form, setForm] = useState<CitationForm>(citationFormOf(current));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [refused, setRefused] = useState<string[]>([]);
  useEffect(() => {
    if (initial) setChosen(initial);
  }, [initial]);
  useEffect(() => {
    setForm(citationFormOf(current));
    setRefused([]);
    setMessage(null);
    // A new registry entry of the same act (after a save) must not undo what the analyst typed since.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, current === undefined]);
  const bad = (pointer: string) => {
    const yes = refused.some((p) => p === pointer || p.startsWith(`${pointer}/`));
    return yes ? { 'aria-invalid': true, 'aria-describedby': 'act-citation-result' } : {};
  };
  const save = async () => {
    if (!current) return;
    try {
      await api('PATCH', `/admin/acts/${encodeURIComponent(current.id)}`, citationBody(form, current));
      setMessage({ ok: true, text: t('actCitationSaved', { id: current.id }) });
      setRefused([]);
      onSaved(current.id);
    } catch (e) {
      const ae = e as ApiError;
      setRefused((ae.errors ?? []).map((x) => x.pointer));
      setMessage({
        ok: false,
        text: [ae.message, ...(ae.errors ?? []).map((x) => `${x.pointer}: ${x.message}`)].join('; '),
      });
    }
  };
  const withoutCitation = (a: RegisteredAct) => (a.citation ? '' : ` — ${t('actCitationNone')}`);
  return (
    <form
      className="qz-form-grid"
      data-testid="act-citation-edit"
      aria-label={t('actCitationEdit')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('citeAct')}
        <select name="citedAct" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('citeChooseAct')}</option>
          {acts.map((a) => (
            <option key={a.id} value={a.id}>
              {[a.number && `№ ${a.number}`, title(a, lang)].filter(Boolean).join(' · ')} ({a.id}){withoutCitation(a)}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <>
          <CitationFields
            value={form}
            onChange={setForm}
            acts={acts}
            self={current.id}
            title={{ kk: current.title.kk, ru: current.title.ru }}
            bad={bad}
          />
          <div>
            <button type="submit" className="secondary">
              {t('actCitationSave')}
            </button>
          </div>
        </>
      )}
      <p aria-live="polite" role="status" className={message?.ok ? 'ok' : 'error'} id="act-citation-result">
        {message?.text}
      </p>
    </form>
  );
}
