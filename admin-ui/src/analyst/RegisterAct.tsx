import { formatLegalRef, type Act } from '@qyzmet/engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../shell/api';

const TYPES = ['order', 'joint-order', 'resolution', 'decree', 'law', 'rules', 'regulation', 'standard', 'other'];

/**
 * Registers an amending act in the acts registry (POST /admin/acts) before anyone edits a file: the order usually
 * arrives unpublished, so "not yet published" is a choice and its date is entered later; it enters into force the
 * given number of calendar days after its first official publication. Its citation as the law writes it (with a
 * preview of a clause cited in kk and ru) and the act approving it (Rules, a regulation or a Standard approved by an
 * order) are entered here too, so documents can cite it.
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
  const [citation, setCitation] = useState<CitationForm>(citationFormOf());
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
    const { citation: cited, approvedBy } = citationBody(citation);
    try {
      await api('POST', '/admin/acts', {
        id,
        type: f.type,
        title: { kk: f.kk, ru: f.ru },
        ...(f.issuerKk || f.issuerRu ? { issuer: { kk: f.issuerKk, ru: f.issuerRu } } : {}),
        ...(f.regNumber ? { registration: { number: f.regNumber, ...(f.regDate ? { date: f.regDate } : {}) } } : {}),
        ...(amends.length ? { amends } : {}),
        ...(cited ? { citation: cited } : {}),
        ...(approvedBy ? { approvedBy } : {}),
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
        <CitationFields
          value={citation}
          onChange={setCitation}
          acts={acts}
          self={f.id.trim()}
          title={{ kk: f.kk, ru: f.ru }}
          bad={bad}
        />
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

type ActCitation = NonNullable<Act['citation']>;

/** The citation and approval of an act as its form edits them (strings: empty is "not given"). */
export interface CitationForm {
  kk: string;
  kkGenitive: string;
  ru: string;
  /** The Russian is the project's working translation (no official Russian text in the seeds). */
  ruWorking: boolean;
  /** The id of the act approving this one, or ''. */
  approvedBy: string;
  /** The annex of the approving act this one is (''). */
  annex: string;
}

/** An act's citation and approval as the form shows them (empty fields where the registry has none). */
export function citationFormOf(act?: Partial<Act>): CitationForm {
  return {
    kk: act?.citation?.kk ?? '',
    kkGenitive: act?.citation?.kkGenitive ?? '',
    ru: act?.citation?.ru ?? '',
    ruWorking: act?.citation?.ruStatus === 'working-translation',
    approvedBy: act?.approvedBy?.act ?? '',
    annex: act?.approvedBy?.annex ?? '',
  };
}

/**
 * The registry's members for a citation form: `citation` once any of its texts is written (the registry then asks for
 * both kk and ru and says where), `approvedBy` once an act is chosen. Other members of `approvedBy` (a paragraph, a
 * legalRef written in the files) are kept. `null` removes a member an analyst emptied (PATCH).
 */
export function citationBody(
  f: CitationForm,
  current?: Partial<Act>,
): { citation: ActCitation | null; approvedBy: NonNullable<Act['approvedBy']> | null } {
  const written = [f.kk, f.kkGenitive, f.ru].some((x) => x.trim());
  const citation: ActCitation | null = written
    ? {
        kk: f.kk.trim(),
        ...(f.kkGenitive.trim() ? { kkGenitive: f.kkGenitive.trim() } : {}),
        ru: f.ru.trim(),
        ...(f.ruWorking ? { ruStatus: 'working-translation' as const } : {}),
      }
    : null;
  const { act: _act, annex: _annex, ...kept } = current?.approvedBy ?? { act: '' };
  const approvedBy = f.approvedBy
    ? { ...kept, act: f.approvedBy, ...(f.annex.trim() ? { annex: f.annex.trim() } : {}) }
    : null;
  return { citation, approvedBy };
}

/** A citation's text area fills its cell: the citations are long sentences. */
const WIDE = { width: '100%', boxSizing: 'border-box' } as const;

/** A clause cited in the preview: paragraph 9, sub-paragraph 2 (the format's own example). */
const SAMPLE_CLAUSE = { paragraph: '9', subparagraph: '2' } as const;

/**
 * The fields of an act's citation as the law writes it (kk, kk genitive, ru) and of the act approving it (an act of
 * the registry and its annex), with the one-line citation of a clause in kk and ru as documents print it (the engine's
 * formatLegalRef) and, at once, a citation that does not name the approving act's number (the compiler's
 * act.citationMismatch).
 */
export function CitationFields({
  value,
  onChange,
  acts,
  self,
  title,
  bad,
}: {
  value: CitationForm;
  onChange: (next: CitationForm) => void;
  acts: ReadonlyArray<{ id: string; number?: string; date?: string; title: { kk: string; ru: string } }>;
  /** The act's own id (not offered as its own approver). */
  self: string;
  /** The act's title: what a clause is cited by while no citation is written. */
  title: { kk: string; ru: string };
  /** The registry's refusal of a member, marked on its field. */
  bad: (pointer: string) => Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation('analyst');
  const id = useId();
  const set = (k: keyof CitationForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  const approver = acts.find((a) => a.id === value.approvedBy);
  const number = approver?.number?.trim();
  const missingNumber = number
    ? (['kk', 'ru'] as const).filter((l) => value[l].trim() && !value[l].includes(number))
    : [];
  // Both state languages once either is written: documents are issued in both.
  const written = [value.kk, value.ru].some((x) => x.trim());
  const empty = written ? (['kk', 'ru'] as const).filter((l) => !value[l].trim()) : [];
  const act = {
    title,
    ...(written
      ? { citation: { kk: value.kk, ru: value.ru, ...(value.kkGenitive ? { kkGenitive: value.kkGenitive } : {}) } }
      : {}),
  };
  const preview = (lang: 'kk' | 'ru') => formatLegalRef({ act, ...SAMPLE_CLAUSE }, lang);
  const warn = (lang: 'kk' | 'ru') =>
    empty.includes(lang)
      ? { 'aria-invalid': true, 'aria-describedby': `${id}-both` }
      : missingNumber.includes(lang)
        ? { 'aria-invalid': true, 'aria-describedby': `${id}-number` }
        : bad(`/citation/${lang}`);
  return (
    <fieldset
      className="qz-act-citation qz-form-grid"
      data-testid="act-citation"
      // The whole row of the form it sits in: the citations are long sentences.
      style={{ gridColumn: '1 / -1', border: '1px solid #767676', borderRadius: 4, padding: '0.5rem' }}
    >
      <legend>{t('actCitationTitle')}</legend>
      <p className="qz-muted qz-small" style={{ gridColumn: '1 / -1' }}>
        {t('actCitationHint')}
      </p>
      <label>
        {t('actCitationKk')}
        <textarea
          name="citationKk"
          rows={4}
          style={WIDE}
          lang="kk"
          {...warn('kk')}
          value={value.kk}
          onChange={set('kk')}
        />
      </label>
      <label>
        {t('actCitationKkGenitive')}
        <textarea
          name="citationKkGenitive"
          rows={4}
          style={WIDE}
          lang="kk"
          {...bad('/citation/kkGenitive')}
          value={value.kkGenitive}
          onChange={set('kkGenitive')}
        />
      </label>
      <label>
        {t('actCitationRu')}
        <textarea
          name="citationRu"
          rows={4}
          style={WIDE}
          lang="ru"
          {...warn('ru')}
          value={value.ru}
          onChange={set('ru')}
        />
      </label>
      <label className="qz-check">
        <input
          type="checkbox"
          name="citationRuWorking"
          checked={value.ruWorking}
          onChange={(e) => onChange({ ...value, ruWorking: e.target.checked })}
        />{' '}
        {t('actCitationRuWorking')}
      </label>
      <label>
        {t('actApprovedBy')}
        <select name="approvedBy" {...bad('/approvedBy')} value={value.approvedBy} onChange={set('approvedBy')}>
          <option value="">{t('actApprovedByNone')}</option>
          {acts
            .filter((a) => a.id !== self)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {[a.number && `№ ${a.number}`, a.date, i18n.language === 'kk' ? a.title.kk : a.title.ru]
                  .filter(Boolean)
                  .join(' · ')
                  .slice(0, 100)}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('actApprovedByAnnex')}
        <input
          name="approvedByAnnex"
          size={4}
          {...bad('/approvedBy/annex')}
          value={value.annex}
          onChange={set('annex')}
          disabled={!value.approvedBy}
        />
      </label>
      {empty.length > 0 && (
        <p id={`${id}-both`} className="error qz-small" role="status" style={{ gridColumn: '1 / -1' }}>
          {t('actCitationBoth', {
            missing: empty.map((l) => t(l === 'kk' ? 'actCitationKk' : 'actCitationRu')).join(', '),
          })}
        </p>
      )}
      {missingNumber.length > 0 && (
        <p id={`${id}-number`} className="error qz-small" role="status" style={{ gridColumn: '1 / -1' }}>
          {t('actCitationNoNumber', {
            number,
            langs: missingNumber.map((l) => (l === 'kk' ? t('actCitationKk') : t('actCitationRu'))).join(', '),
          })}
        </p>
      )}
      <div className="qz-act-citation-preview" aria-live="polite" style={{ gridColumn: '1 / -1' }}>
        <p className="qz-small qz-muted">{t('actCitationPreview')}</p>
        <p className="qz-small" lang="kk" data-testid="citation-preview-kk">
          {preview('kk')}
        </p>
        <p className="qz-small" lang="ru" data-testid="citation-preview-ru">
          {preview('ru')}
        </p>
        {value.kk.trim() && !value.kkGenitive.trim() && (
          <p className="qz-small qz-muted">{t('actCitationNoGenitive')}</p>
        )}
      </div>
    </fieldset>
  );
}
