import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../shell/api';

const TYPES = ['order', 'joint-order', 'resolution', 'decree', 'law', 'rules', 'regulation', 'standard', 'other'];

/**
 * Registers an amending act in the acts registry (POST /admin/acts) before anyone edits a file: the order usually
 * arrives unpublished, so "not yet published" is a choice and its date is entered later; it enters into force the
 * given number of calendar days after its first official publication.
 */
export function RegisterAct({
  onRegistered,
  acts = [],
  startOpen = false,
}: {
  onRegistered(id: string): void;
  /** The registry's acts, to say which ones this act amends (services of those acts are the ones it changes). */
  acts?: ReadonlyArray<{ id: string; number?: string; date?: string; title: { kk: string; ru: string } }>;
  startOpen?: boolean;
}) {
  const { t, i18n } = useTranslation('analyst');
  const [open, setOpen] = useState(startOpen);
  const [f, setF] = useState({
    id: '',
    type: 'order',
    number: '',
    date: '',
    kk: '',
    ru: '',
    issuerKk: '',
    issuerRu: '',
    regNumber: '',
    regDate: '',
    publishedOn: '',
  });
  const [amends, setAmends] = useState<string[]>([]);
  const [unpublished, setUnpublished] = useState(false);
  const [days, setDays] = useState(10);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** The pointers into the request the registry refused (e.g. /title/kk), marked on their fields. */
  const [refused, setRefused] = useState<string[]>([]);
  const bad = (pointer: string) => {
    const yes = refused.some((p) => p === pointer || p.startsWith(`${pointer}/`));
    return yes ? { 'aria-invalid': true, 'aria-describedby': 'register-act-result' } : {};
  };
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  const register = async () => {
    const id = f.id.trim();
    try {
      await api('POST', '/admin/acts', {
        id,
        type: f.type,
        title: { kk: f.kk, ru: f.ru },
        ...(f.issuerKk || f.issuerRu ? { issuer: { kk: f.issuerKk, ru: f.issuerRu } } : {}),
        ...(f.regNumber ? { registration: { number: f.regNumber, ...(f.regDate ? { date: f.regDate } : {}) } } : {}),
        ...(amends.length ? { amends } : {}),
        ...(f.number ? { number: f.number } : {}),
        ...(f.date ? { date: f.date } : {}),
        publication: unpublished || !f.publishedOn ? { date: null } : { date: f.publishedOn },
        entryIntoForce: { afterPublication: { act: id, calendarDays: days } },
        status: 'in-force',
      });
      setMessage({ ok: true, text: t('actRegistered', { id }) });
      setRefused([]);
      onRegistered(id);
    } catch (e) {
      const ae = e as ApiError;
      // A taken id is the id field's fault too.
      setRefused([...(ae.errors ?? []).map((x) => x.pointer), ...(ae.code === 'act.exists' ? ['/id'] : [])]);
      setMessage({
        ok: false,
        text: [ae.message, ...(ae.errors ?? []).map((x) => `${x.pointer}: ${x.message}`)].join('; '),
      });
    }
  };

  return (
    <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="register-act">
      <summary>{t('actRegisterTitle')}</summary>
      <form
        className="qz-form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void register();
        }}
      >
        <label>
          {t('actId')}
          <input name="actId" {...bad('/id')} value={f.id} onChange={set('id')} required pattern="[a-z0-9][a-z0-9-]*" />
        </label>
        <label>
          {t('actType')}
          <select name="actType" {...bad('/type')} value={f.type} onChange={set('type')}>
            {TYPES.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
        <label>
          {t('actNumber')}
          <input name="actNumber" {...bad('/number')} value={f.number} onChange={set('number')} />
        </label>
        <label>
          {t('actDate')}
          <input name="actDate" {...bad('/date')} type="date" value={f.date} onChange={set('date')} />
        </label>
        <label>
          {t('actTitleKk')}
          <input name="actTitleKk" {...bad('/title/kk')} lang="kk" value={f.kk} onChange={set('kk')} required />
        </label>
        <label>
          {t('actTitleRu')}
          <input name="actTitleRu" {...bad('/title/ru')} lang="ru" value={f.ru} onChange={set('ru')} required />
        </label>
        <label>
          {t('actIssuerKk')}
          <input name="actIssuerKk" {...bad('/issuer/kk')} lang="kk" value={f.issuerKk} onChange={set('issuerKk')} />
        </label>
        <label>
          {t('actIssuerRu')}
          <input name="actIssuerRu" {...bad('/issuer/ru')} lang="ru" value={f.issuerRu} onChange={set('issuerRu')} />
        </label>
        <label>
          {t('actRegNumber')}
          <input name="actRegNumber" {...bad('/registration')} value={f.regNumber} onChange={set('regNumber')} />
        </label>
        <label>
          {t('actRegDate')}
          <input name="actRegDate" {...bad('/registration')} type="date" value={f.regDate} onChange={set('regDate')} />
        </label>
        {acts.length > 0 && (
          <label>
            {t('actAmends')}
            <select
              name="actAmends"
              multiple
              size={4}
              {...bad('/amends')}
              value={amends}
              onChange={(e) => setAmends([...e.target.selectedOptions].map((o) => o.value))}
            >
              {acts.map((a) => (
                <option key={a.id} value={a.id}>
                  {[a.number && `№ ${a.number}`, a.date, i18n.language === 'kk' ? a.title.kk : a.title.ru]
                    .filter(Boolean)
                    .join(' · ')
                    .slice(0, 100)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('actPublishedOn')}
          <input
            name="actPublishedOn"
            {...bad('/publication')}
            type="date"
            value={f.publishedOn}
            onChange={set('publishedOn')}
            disabled={unpublished}
          />
        </label>
        <label className="qz-check">
          <input
            type="checkbox"
            name="actNotPublished"
            checked={unpublished}
            onChange={(e) => setUnpublished(e.target.checked)}
          />{' '}
          {t('actNotPublished')}
        </label>
        <label>
          {t('actDays')}
          <input
            name="actDays"
            {...bad('/entryIntoForce')}
            type="number"
            min={0}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </label>
        <div>
          <button type="submit" className="secondary">
            {t('actRegister')}
          </button>
        </div>
      </form>
      <p aria-live="polite" role="status" className={message?.ok ? 'ok' : 'error'} data-testid="register-act-result">
        {message?.text}
      </p>
    </details>
  );
}
