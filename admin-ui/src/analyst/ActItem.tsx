import { describeActItem, type Act, type LegalRef } from '@qyzmet/engine';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../shell/api';
import { RegisterAct } from './RegisterAct';

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
}

const title = (a: RegisteredAct, lang: 'kk' | 'ru' | 'en') => {
  const s = (lang === 'en' ? (a.title.en ?? a.title.ru) : a.title[lang]) ?? '';
  return s.length > 90 ? `${s.slice(0, 89)}…` : s;
};

/**
 * The item of the amending act that the draft's changes cite, chosen once and kept until changed (issue 14: "every
 * change made afterwards is tied to an item of that act"): the act from the registry, its paragraph and sub-paragraph.
 */
export function ActItem({ legalRef, expectedFrom, lang, onCite }: ActItemProps) {
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
        }}
      />
    </fieldset>
  );
}
