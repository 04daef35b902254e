import {
  addCalendarDays,
  civilDateOf,
  diffJson,
  KAZAKHSTAN_TIME_ZONE,
  toDottedDateTime,
  type Act,
  type VersionDef,
} from '@qyzmet/engine';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Schemas } from '../shell/api';
import { approvedNow, FourEyes } from './FourEyes';
import { Review } from './Review';

/**
 * The versions of a service: when each applies, a diff between any two (the draft included, computed in the
 * browser), the draft's impact as the runtime checks it, publication with a computed effective date, and the audit.
 */

type VersionSummary = Schemas['VersionSummary'];
type AuditEntry = Schemas['AuditEntry'];

export interface VersionsProps {
  serviceId: string;
  /** Every version definition known in the browser (files + published), and the draft's when there is one. */
  defs: VersionDef[];
  draft:
    | ({ version?: VersionDef } & Pick<Schemas['Draft'], 'id' | 'rev' | 'author' | 'approvals' | 'legalRef' | 'names'>)
    | null;
  /** Saves the editor's text to the draft (the server checks and publishes what it stores). */
  save(): Promise<boolean>;
  onPublished(): void;
  /** The draft changed on the server (a scenario accepted, an approval): the workbench reads it again. */
  onDraftChanged(): void;
  /** A failed request about the draft: a conflict banner or the error, shown by the workbench. */
  onError(e: unknown): void;
  lang: 'kk' | 'ru' | 'en';
}

const DRAFT = '__draft__';
const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? '' : s.length > 160 ? `${s.slice(0, 159)}…` : s;
};

export function Versions({ serviceId, defs, draft, save, onPublished, onDraftChanged, onError, lang }: VersionsProps) {
  const { t } = useTranslation('analyst');
  const id = encodeURIComponent(serviceId);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    api<Schemas['VersionList']>('GET', `/services/${id}/versions`).then(
      (r) => setVersions(r.items),
      (e: Error) => setError(e.message),
    );
    api<Schemas['AuditList']>('GET', `/admin/audit?subject=${encodeURIComponent(`definition:${serviceId}`)}`).then(
      (r) => setAudit(r.items),
      (e: Error) => setError(e.message),
    );
  }, [id, serviceId, reload]);

  // Diff
  const options = [...defs.map((d) => d.id), ...(draft?.version ? [DRAFT] : [])];
  // Both sides of the diff choose among the same versions.
  const versionOptions = options.map((o) => (
    <option key={o} value={o}>
      {o === DRAFT ? `${draft?.version?.id} (${t('draftVersion')})` : o}
    </option>
  ));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromId =
    from || (draft?.version ? defs[defs.length - 1]?.id : (defs[defs.length - 2]?.id ?? defs[0]?.id)) || '';
  const toId = to || (draft?.version ? DRAFT : defs[defs.length - 1]?.id) || '';
  const defOf = (v: string) => (v === DRAFT ? draft?.version : defs.find((d) => d.id === v));
  const changes = useMemo(() => {
    const a = defOf(fromId);
    const b = defOf(toId);
    return a && b ? diffJson(a, b) : [];
  }, [fromId, toId, defs, draft?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  // Publication
  // Publication dates are civil dates in Kazakhstan: today there, whatever the browser's zone.
  const [publishedOn, setPublishedOn] = useState(() => civilDateOf(Date.now(), KAZAKHSTAN_TIME_ZONE));
  const [days, setDays] = useState(10);
  // The cited act's publication as the registry knows it (entered with the act, or later): the form starts from it.
  const citedAct = draft?.legalRef?.act;
  useEffect(() => {
    if (!citedAct) return;
    api<Act>('GET', `/admin/acts/${encodeURIComponent(citedAct)}`).then(
      (act) => {
        if (act.publication?.date) setPublishedOn(act.publication.date);
        const rule = act.entryIntoForce;
        if (rule && typeof rule === 'object' && 'afterPublication' in rule) setDays(rule.afterPublication.calendarDays);
      },
      () => undefined, // an act missing from the registry: the analyst enters the date
    );
  }, [citedAct]);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ version: string; effectiveFrom: string } | null>(null);
  const computed =
    /^\d{4}-\d{2}-\d{2}$/.test(publishedOn) && Number.isInteger(days) && days >= 0
      ? addCalendarDays(publishedOn, days + 1)
      : null;
  const publish = async () => {
    if (!draft || !computed) return;
    setError(null);
    try {
      if (!(await save())) return;
      const r = await api<Schemas['Publication']>('POST', `/admin/definitions/${id}/drafts/${draft.id}/publish`, {
        publishedOn,
        calendarDays: days,
      });
      setDone(r);
      setConfirming(false);
      setReload((n) => n + 1);
      onPublished();
    } catch (e) {
      const ae = e as ApiError;
      if (ae.status === 409 && ae.code === 'draft.changed') return onError(e);
      setError([ae.message, ...(ae.errors ?? []).map((x) => `${x.pointer}: ${x.message}`)].join('\n'));
    }
  };

  const pick = (l: VersionSummary['label']) => (l ? (lang === 'en' ? (l.en ?? l.ru) : l[lang]) : '');
  const timeline = [
    ...versions.map((v) => ({ ...v, draft: false })),
    ...(draft?.version
      ? [
          {
            id: draft.version.id,
            effectiveFrom: typeof draft.version.effectiveFrom === 'string' ? draft.version.effectiveFrom : null,
            effectiveTo: null,
            effectiveFromHow: '',
            effectiveToHow: '',
            label: draft.version.label ?? null,
            draft: true,
          },
        ]
      : []),
  ];

  return (
    <>
      {error && (
        <pre className="error qz-pre" role="alert">
          {error}
        </pre>
      )}
      <section className="card">
        <h2>{t('versionsTimeline')}</h2>
        <ol className="qz-timeline" data-testid="versions-timeline">
          {timeline.map((v) => (
            <li
              key={`${v.id}${v.draft ? '-d' : ''}`}
              className={v.draft ? 'qz-tl-draft' : ''}
              data-version={v.draft ? undefined : v.id}
              data-draft={v.draft ? v.id : undefined}
            >
              <div className="qz-tl-dates">
                <span data-testid="effective-from">{v.effectiveFrom ?? t('pending')}</span> →{' '}
                <span>{v.effectiveTo ?? t('openEnded')}</span>
              </div>
              <div>
                <strong>{v.id}</strong> {v.draft && <span className="qz-badge">{t('draftVersion')}</span>}{' '}
                <span className="qz-muted">{pick(v.label)}</span>
                {v.effectiveFromHow && (
                  <div className="qz-muted qz-small">
                    {v.effectiveFromHow}
                    {v.effectiveToHow ? ` · ${v.effectiveToHow}` : ''}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
        {done && (
          <p className="ok" role="status" data-testid="published">
            {t('published', { version: done.version, date: done.effectiveFrom })}
          </p>
        )}
      </section>

      <section className="card">
        <h2>{t('diff')}</h2>
        <div className="qz-row">
          <label>
            {t('diffFrom')}
            <select value={fromId} onChange={(e) => setFrom(e.target.value)}>
              {versionOptions}
            </select>
          </label>
          <label>
            {t('diffTo')}
            <select value={toId} onChange={(e) => setTo(e.target.value)} data-testid="diff-to">
              {versionOptions}
            </select>
          </label>
        </div>
        {changes.length === 0 ? (
          <p className="qz-muted">{t('noChanges')}</p>
        ) : (
          <table className="responsive qz-small" data-testid="diff">
            <tbody>
              {changes.map((c) => (
                <tr key={`${c.pointer}:${c.kind}`} className={`qz-change-${c.kind}`}>
                  <td>
                    <code>{c.pointer}</code>
                  </td>
                  <td>{t(c.kind)}</td>
                  <td>
                    <del>{short(c.before)}</del>
                  </td>
                  <td>
                    <ins>{short(c.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Review
        serviceId={serviceId}
        draft={draft}
        save={save}
        onDraftChanged={onDraftChanged}
        onError={onError}
        lang={lang}
        version={draft?.version ?? defs[defs.length - 1]}
      />
      {draft && <FourEyes serviceId={serviceId} draft={draft} onDraftChanged={onDraftChanged} onError={onError} />}

      <section className="card">
        <h2>{t('publish')}</h2>
        {!draft ? (
          <p className="qz-muted">{t('needDraft')}</p>
        ) : (
          <>
            <div className="qz-row">
              <label>
                {t('publishedOn')}
                <input
                  type="date"
                  name="publishedOn"
                  value={publishedOn}
                  onChange={(e) => {
                    setPublishedOn(e.target.value);
                    setConfirming(false);
                  }}
                />
              </label>
              <label>
                {t('calendarDays')}
                <input
                  type="number"
                  name="calendarDays"
                  min={0}
                  value={days}
                  onChange={(e) => {
                    setDays(Number(e.target.value));
                    setConfirming(false);
                  }}
                />
              </label>
            </div>
            {computed && (
              <p data-testid="computed-effective">
                <strong>{t('effectiveComputed', { date: computed, days })}</strong>
              </p>
            )}
            {!approvedNow(draft) && (
              <p className="error" id="publish-blocked" data-testid="publish-blocked">
                {t('publishNeedsApproval', { rev: draft.rev })}
              </p>
            )}
            {!confirming ? (
              <button
                disabled={!computed || !approvedNow(draft)}
                aria-describedby={approvedNow(draft) ? undefined : 'publish-blocked'}
                onClick={() => setConfirming(true)}
              >
                {t('publish')}
              </button>
            ) : (
              <button className="danger" onClick={() => void publish()}>
                {t('confirmPublish')}
              </button>
            )}
          </>
        )}
      </section>

      <section className="card">
        <h2>{t('audit')}</h2>
        <table className="responsive qz-small" data-testid="audit">
          <thead>
            <tr>
              <th>{t('auditAt')}</th>
              <th>{t('auditUser')}</th>
              <th>{t('auditAction')}</th>
              <th>{t('auditDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a, i) => (
              <tr key={i}>
                <td className="qz-nowrap">{toDottedDateTime(a.at, KAZAKHSTAN_TIME_ZONE)}</td>
                <td>{a.userId ?? '—'}</td>
                <td>
                  <code>{a.action}</code>
                </td>
                <td className="qz-small">{short(a.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
