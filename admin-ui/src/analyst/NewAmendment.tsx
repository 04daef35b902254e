import { resolveEffectiveFrom, type Act } from '@qyzmet/engine';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArea, type UiLang } from '../i18n';
import { amendment } from '../i18n/amendment';
import { analyst } from '../i18n/analyst';
import { api, type Schemas } from '../shell/api';
import { go } from '../shell/router';
import type { RegisteredAct } from './ActItem';
import './analyst.css';
import type { Draft } from './model';
import { RegisterAct } from './RegisterAct';

registerArea('analyst', analyst);
registerArea('amendment', amendment);

const pick = (t: { kk: string; ru: string; en?: string } | undefined, lang: UiLang) =>
  t ? (lang === 'en' ? (t.en ?? t.ru) : t[lang]) : '';

/**
 * #/amend: an amendment starts from the order, as an analyst receives it (issue 14): the amending act (chosen in the
 * registry or registered here), the item of it the changes cite, and the services it amends — those whose versions
 * encode an act it amends are ticked. Each gets a draft citing that item (an open draft is reused, never replaced),
 * and the workbench of the first opens.
 */
export default function NewAmendment() {
  const { t, i18n } = useTranslation('amendment');
  const lang = i18n.language as UiLang;
  const [acts, setActs] = useState<RegisteredAct[]>([]);
  const [services, setServices] = useState<Schemas['DefinitionList']['items']>([]);
  const [reload, setReload] = useState(0);
  const [actId, setActId] = useState('');
  const [paragraph, setParagraph] = useState('1');
  const [subparagraph, setSubparagraph] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string[]>([]);
  useEffect(() => {
    void api<Schemas['ActList']>('GET', '/admin/acts').then((r) => setActs(r.items as unknown as RegisteredAct[]));
  }, [reload]);
  useEffect(() => {
    api<Schemas['DefinitionList']>('GET', '/admin/definitions').then(
      (r) => setServices(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);
  const byId = useMemo(() => Object.fromEntries(acts.map(({ id, ...a }) => [id, a as Act])), [acts]);
  const act = byId[actId];
  // Amending orders are the recent ones: the newest first.
  const sorted = useMemo(() => [...acts].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')), [acts]);
  /** The acts of each service's versions that the chosen act amends. */
  const amendedOf = (s: (typeof services)[number]) => {
    const amended = new Set(act?.amends ?? []);
    return [...new Set(s.versions.flatMap((v) => v.producedBy ?? []))].filter((a) => amended.has(a));
  };
  const ticked = chosen ?? services.filter((s) => amendedOf(s).length > 0).map((s) => s.id);
  const inForce = act?.entryIntoForce ? resolveEffectiveFrom(act.entryIntoForce, byId) : null;
  const days =
    act?.entryIntoForce && typeof act.entryIntoForce === 'object' && 'afterPublication' in act.entryIntoForce
      ? act.entryIntoForce.afterPublication.calendarDays
      : null;

  const start = async () => {
    setBusy(true);
    setError(null);
    const legalRef = {
      act: actId,
      ...(paragraph.trim() ? { paragraph: paragraph.trim() } : {}),
      ...(subparagraph.trim() ? { subparagraph: subparagraph.trim() } : {}),
    };
    try {
      for (const id of ticked) {
        const path = `/admin/definitions/${encodeURIComponent(id)}/drafts`;
        const list = await api<Schemas['DraftList']>('GET', path);
        const open = list.items.find((d) => !d.publishedAt);
        const draft = open ?? (await api<Draft>('POST', path, { note: '' }));
        await api<Draft>('PUT', `${path}/${draft.id}`, {
          rev: draft.rev,
          legalRef,
          expectedFrom: inForce?.date ?? null,
        });
        setOpened((o) => [...o, id]);
      }
      if (ticked[0]) go('workbench', ticked[0], 'editor');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card qz-amend" data-testid="new-amendment">
      <p>
        <a href="#/workbench">{t('backToList', { ns: 'analyst' })}</a>
      </p>
      <h1>{t('title')}</h1>
      <fieldset>
        <legend>{t('stepAct')}</legend>
        <label>
          {t('chooseAct')}
          <select name="amendingAct" value={actId} onChange={(e) => setActId(e.target.value)}>
            <option value="">{t('chooseActNone')}</option>
            {sorted.map((a) => (
              <option key={a.id} value={a.id}>
                {[a.number && `№ ${a.number}`, a.date, pick(a.title, lang).slice(0, 90)].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </label>
        {act && (
          <p data-testid="act-summary" aria-live="polite">
            {act.publication?.date ? t('published', { date: act.publication.date }) : t('notPublished')}
            {days !== null && `; ${t('entersInForce', { days })}`}
            {inForce?.date && (
              <>
                {'. '}
                <strong>{t('inForceFrom', { date: inForce.date })}</strong>
              </>
            )}
          </p>
        )}
        <RegisterAct
          acts={sorted}
          onRegistered={(id) => {
            setReload((n) => n + 1);
            setActId(id);
            setChosen(null);
          }}
        />
      </fieldset>
      <fieldset>
        <legend>{t('stepItem')}</legend>
        <div className="qz-row">
          <label>
            {t('paragraph')}
            <input name="itemParagraph" value={paragraph} onChange={(e) => setParagraph(e.target.value)} size={6} />
          </label>
          <label>
            {t('subparagraph')}
            <input
              name="itemSubparagraph"
              value={subparagraph}
              onChange={(e) => setSubparagraph(e.target.value)}
              size={6}
            />
          </label>
        </div>
        <p className="qz-muted qz-small">{t('itemHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('stepServices')}</legend>
        <ul className="qz-plain" data-testid="amended-services">
          {services.map((s) => {
            const amended = amendedOf(s);
            return (
              <li key={s.id} data-service={s.id}>
                <label className="qz-check">
                  <input
                    type="checkbox"
                    name="service"
                    value={s.id}
                    checked={ticked.includes(s.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...ticked, s.id] : ticked.filter((x) => x !== s.id))}
                  />{' '}
                  {pick(s.name, lang)}
                  {amended.length > 0 && (
                    <span className="qz-muted qz-small"> — {t('amendsHere', { acts: amended.join(', ') })}</span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite">
        {busy ? t('starting') : opened.length ? `${t('started')}: ${opened.join(', ')}` : ''}
      </p>
      <button
        onClick={() => void start()}
        disabled={busy || !actId || ticked.length === 0}
        data-testid="start-amendment"
      >
        {t('start')}
      </button>
      {actId && ticked.length === 0 && <p className="qz-muted">{t('noServices')}</p>}
    </section>
  );
}
