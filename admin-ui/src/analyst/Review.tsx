import { diffJson, KAZAKHSTAN_TIME_ZONE, toDottedDateTime, type VersionDef } from '@qyzmet/engine';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../shell/api';
import { plainPath, plainValue } from './plainValue';

type DraftCheck = Schemas['DraftCheck'];
type Outcome = DraftCheck['impact'][number]['before'];

export interface ReviewProps {
  serviceId: string;
  draft: { id: string } | null;
  /** Saves the editor's text first, so the server checks what the analyst sees. */
  save(): Promise<boolean>;
  /** The draft changed on the server (a scenario accepted): the workbench reads it again. */
  onDraftChanged(): void;
  /** A failed request: a conflict banner or the error shown by the workbench. */
  onError(e: unknown): void;
  lang: 'kk' | 'ru' | 'en';
  /** The version whose states name the outcomes (the draft's, else the latest): "Examination", not `examination`. */
  version?: VersionDef;
}

const OP_WORD: Record<string, string> = { add: 'added', remove: 'removed' };
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const due = (at: string | null | undefined) => (at ? toDottedDateTime(at, KAZAKHSTAN_TIME_ZONE) : '—');

/** Before → after in words; for a whole element replaced only what differs inside it, not the unchanged rest. */
function BeforeAfter({ c, lang }: { c: DraftCheck['changes'][number]; lang: 'kk' | 'ru' | 'en' }) {
  if (c.op === 'replace' && isObject(c.before) && isObject(c.after))
    return (
      <ul>
        {diffJson(c.before, c.after).map((d) => (
          <li key={d.pointer} data-testid="change-detail">
            {plainPath(d.pointer)}: <del>{plainValue(d.before, lang)}</del> → <ins>{plainValue(d.after, lang)}</ins>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      {c.op !== 'add' && (
        <>
          — <del>{plainValue(c.before, lang)}</del>
        </>
      )}
      {c.op !== 'remove' && (
        <>
          {' → '}
          <ins>{plainValue(c.after, lang)}</ins>
        </>
      )}
    </>
  );
}

/**
 * The server's check of the draft in plain words, for the analyst and the reviewer: the changes grouped by the act
 * item that makes them (element, added / changed / removed, before → after), the problems, the scenarios whose
 * outcome changes or that fail (each failing one accepted as expected with a button), and the open applications.
 */
export function Review({ serviceId, draft, save, onDraftChanged, onError, lang, version }: ReviewProps) {
  const { t } = useTranslation('analyst');
  const drafts = `/admin/definitions/${encodeURIComponent(serviceId)}/drafts`;
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  // Another draft (or none, once published): the check shown was of the one before.
  useEffect(() => {
    setCheck(null);
    setStatus('');
  }, [draft?.id]);

  const run = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      if (await save()) setCheck(await api<DraftCheck>('POST', `${drafts}/${draft.id}/check`));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const accept = async (file: string, scenario: string) => {
    if (!draft || !check) return;
    setBusy(true);
    try {
      // The revision the check was made of: accepting what the analyst saw, never a newer revision unseen.
      const d = await api<Schemas['Draft']>('POST', `${drafts}/${draft.id}/scenarios/accept`, { file, rev: check.rev });
      setStatus(t('accepted', { scenario, rev: d.rev }));
      onDraftChanged();
      setCheck(await api<DraftCheck>('POST', `${drafts}/${draft.id}/check`));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const stateName = (id: string) => {
    const name = version?.machine.states[id]?.label;
    return (name && (lang === 'en' ? (name.en ?? name.ru) : name[lang])) || id;
  };
  const outcome = (o: Outcome) =>
    'error' in o ? <span className="error">{o.error}</span> : `${stateName(o.state)} · ${due(o.due)}`;
  const groups = new Map<string, DraftCheck['changes']>();
  for (const c of check?.changes ?? []) groups.set(c.actItem, [...(groups.get(c.actItem) ?? []), c]);
  const scenarios = check?.impact.filter((i) => i.changed || !i.passed) ?? [];

  return (
    <section className="card" data-testid="review">
      <div className="qz-row">
        <h2 className="qz-grow">{t('impact')}</h2>
        <button className="secondary" disabled={!draft || busy} onClick={() => void run()} data-testid="run-check">
          {t('runImpact')}
        </button>
      </div>
      {!draft && <p className="qz-muted">{t('needDraft')}</p>}
      <p className="ok" role="status" aria-live="polite" data-testid="review-status">
        {status}
      </p>
      {check && (
        <>
          <p className="qz-muted" data-testid="checked-rev">
            {t('checkedRev', { rev: check.rev })}
          </p>

          <h3>{t('reviewChanges')}</h3>
          {groups.size === 0 && <p className="qz-muted">{t('reviewNoChanges')}</p>}
          {[...groups].map(([item, changes]) => (
            <div key={item} className="qz-act-group" data-testid="change-group" data-act-item={item}>
              <h4>
                {item}{' '}
                {changes[0]?.inForce && (
                  <span className="qz-muted qz-small">{t('inForceOn', { date: changes[0].inForce })}</span>
                )}
              </h4>
              <ul className="qz-review-list">
                {changes.map((c) => (
                  <li key={`${c.pointer}:${c.op}`} data-testid="change" data-op={c.op}>
                    <strong>{c.element}</strong>: {t(OP_WORD[c.op] ?? 'changed')} <BeforeAfter c={c} lang={lang} />
                  </li>
                ))}
              </ul>
            </div>
          ))}

          <h3>
            {t('problems')}: {check.problems.length}
          </h3>
          {check.problems.length === 0 ? (
            <p className="ok">{t('problemsNone')}</p>
          ) : (
            <ul data-testid="check-problems">
              {check.problems.map((p, i) => (
                <li key={i} className={p.severity === 'warning' ? '' : 'error'}>
                  {p.message}
                </li>
              ))}
            </ul>
          )}

          <h3>{t('reviewScenarios')}</h3>
          {scenarios.length === 0 ? (
            <p className="ok">{t('impactNone')}</p>
          ) : (
            <table className="responsive qz-small" data-testid="impact">
              <thead>
                <tr>
                  <th>{t('scenario')}</th>
                  <th>{t('colBefore')}</th>
                  <th>{t('colAfter')}</th>
                  <th>{t('expected')}</th>
                </tr>
              </thead>
              <tbody>
                {scenarios.map((i) => (
                  <tr key={i.file} data-file={i.file} data-passed={i.passed}>
                    <td>{i.scenario}</td>
                    <td>{outcome(i.before)}</td>
                    <td>{outcome(i.after)}</td>
                    <td>
                      {i.passed ? (
                        <span className="ok">{t('scenarioPasses')}</span>
                      ) : (
                        <>
                          <span className="error">{t('scenarioFails')}</span>{' '}
                          <button
                            className="secondary"
                            disabled={busy}
                            onClick={() => void accept(i.file, i.scenario)}
                            aria-label={`${t('acceptExpected')}: ${i.scenario}`}
                            data-testid="accept"
                          >
                            {t('acceptExpected')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>{t('reviewOpenApps')}</h3>
          <p className="qz-muted">{t('openApplications', { count: check.openApplicationsOnCurrent })}</p>
          {check.openApplications.length === 0 ? (
            <p className="qz-muted">{t('noOpenApps')}</p>
          ) : (
            <table className="responsive qz-small" data-testid="open-applications">
              <thead>
                <tr>
                  <th>{t('colApplication')}</th>
                  <th>{t('colState')}</th>
                  <th>{t('dueAt')}</th>
                  <th>{t('colAffected')}</th>
                </tr>
              </thead>
              <tbody>
                {check.openApplications.map((a) => (
                  <tr key={a.id} data-application={a.id} data-affected={a.affected}>
                    <td>
                      <code>{a.id}</code> <span className="qz-muted">{a.version}</span>
                    </td>
                    <td>{stateName(a.state)}</td>
                    <td className="qz-nowrap">{due(a.dueAt)}</td>
                    <td className={a.affected ? 'error' : ''}>{a.affected ? t('yes') : t('no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
