import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../shell/api';
import { go, hashQuery } from '../shell/router';
import { KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import { AssigneeCell, type AssignOutcome, type Officer } from './AssigneeCell';
import {
  ClockIcon,
  loadService,
  loadServices,
  mainDeadline,
  pick,
  ProblemView,
  useLang,
  type ServiceDetail,
  type ServiceSummary,
} from './common';
import { urgency } from './urgency';
import { InboxControls, SavedFilters, shorten, type SavedFilter } from './InboxFilters';
import { apiQuery, filtersFrom, inboxHref, queryOf, VIEWS, type InboxFilters, type ViewId } from './inboxQuery';
import type { InboxItem } from './InboxTypes';
import { TimeLeft } from './TimeLeft';

const PAGE = 20;

/** The filters in the address: #/inbox?… (a shared link, a saved view, the back button). */
const readFilters = () => filtersFrom(hashQuery());

/**
 * The officer's inbox: the applications of their providers, sorted by due instant by the API. Each row names the
 * application (number, applicant, what it is about), its service and step, its due instant and the working time
 * left, and who works on it (claim, release, assign). Views, search and filters are in the address; saved filters
 * are the officer's own (GET/PUT /me/filters). Overdue and due-today rows are marked by a word and an icon, not
 * only a colour.
 */
export default function OfficerInbox() {
  const { t } = useTranslation('officer');
  const lang = useLang();
  const [filters, setFilters] = useState<InboxFilters>(readFilters);
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<{ items: InboxItem[]; total: number; totalExact?: boolean } | null>(null);
  const [counts, setCounts] = useState<Partial<Record<ViewId, number>>>({});
  const [error, setError] = useState<unknown>(null);
  const [services, setServices] = useState<ServiceSummary[]>([]);
  const [machines, setMachines] = useState<Record<string, ServiceDetail | null>>({});
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [savedProblem, setSavedProblem] = useState<string | null>(null);
  const [me, setMe] = useState<Officer>({ id: '', canAssign: false });
  const [notice, setNotice] = useState<AssignOutcome | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    loadServices().then(setServices, setError);
    api<Schemas['SavedFilterList']>('GET', '/me/filters').then(
      (r) => setSaved(r.items),
      () => setSaved([]),
    );
    // Heads and admins may assign to colleagues: the actor roles are on /auth/me.
    api<Schemas['Session']>('GET', '/auth/me').then(
      ({ user }) => setMe({ id: user.id, canAssign: user.roles.includes('admin') || user.actorRoles.includes('head') }),
      () => undefined,
    );
  }, []);

  // The address is the filters' one place: a view link, a saved filter, the back button or a shared link.
  useEffect(() => {
    const on = () => {
      setOffset(0);
      setFilters(readFilters());
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const navigate = (f: InboxFilters) => {
    window.location.hash = inboxHref(f);
  };

  useEffect(() => {
    let live = true;
    setError(null);
    api<Schemas['ApplicationList']>('GET', `/applications?${apiQuery(filters, PAGE, offset)}`).then(
      (r) => live && setList(r),
      (e) => live && setError(e),
    );
    // How many each view holds under the same search and filters: one count per view.
    for (const v of VIEWS)
      void api<Schemas['ApplicationList']>(
        'GET',
        `/applications?${apiQuery({ ...filters, assignee: v.assignee, due: v.due }, 1, 0)}`,
      ).then(
        (r) => live && setCounts((c) => ({ ...c, [v.id]: r.total })),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [filters, offset, lang, reloads]);

  // State names come from each service's machine: one request per service on the page.
  useEffect(() => {
    for (const id of new Set(list?.items.map((a) => a.serviceId) ?? [])) {
      if (!(id in machines)) void loadService(id).then((s) => setMachines((m) => ({ ...m, [id]: s })));
    }
  }, [list, machines]);

  const names = useMemo(() => Object.fromEntries(services.map((s) => [s.id, pick(s.name, lang)])), [services, lang]);
  const providers = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of services) for (const p of s.providers ?? []) if (!m.has(p.id)) m.set(p.id, pick(p.name, lang));
    return [...m];
  }, [services, lang]);

  const saveFilters = useCallback(
    (items: SavedFilter[]) => {
      setSavedProblem(null);
      api<Schemas['SavedFilterList']>('PUT', '/me/filters', { items }).then(
        (r) => setSaved(r.items),
        () => setSavedProblem(t('filtersNotSaved')),
      );
    },
    [t],
  );
  const onAssigned = (outcome: AssignOutcome) => {
    setNotice(outcome);
    setReloads((n) => n + 1);
  };
  const now = new Date();

  return (
    <section className="inbox-page">
      <h1>{t('inboxTitle')}</h1>
      <InboxControls
        filters={filters}
        onChange={navigate}
        counts={counts}
        services={services.map((s) => [s.id, pick(s.name, lang)])}
        providers={providers}
      />
      <SavedFilters
        filters={filters}
        saved={saved}
        problem={savedProblem}
        onSave={(name) =>
          saveFilters([
            ...saved,
            {
              id: `f${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
              name,
              query: queryOf(filters),
            },
          ])
        }
        onDelete={(id) => saveFilters(saved.filter((f) => f.id !== id))}
      />
      <p className="legend">
        <span className="swatch overdue">
          <span aria-hidden="true">⚠ </span>
          {t('overdue')}
        </span>
        <span className="swatch due-today">
          <ClockIcon /> {t('dueToday')}
        </span>
        <span>{t('legend')}</span>
      </p>
      <div aria-live="polite" className="assign-notice">
        {notice && <p className={notice.ok ? 'ok' : 'error'}>{notice.message}</p>}
      </div>
      <ProblemView error={error} />
      {list && (
        <div className="card">
          {list.items.length === 0 ? (
            <p>{t('noApplications')}</p>
          ) : (
            <table className="responsive inbox">
              <thead>
                <tr>
                  <th scope="col">{t('colNumber')}</th>
                  <th scope="col">{t('colApplicant')}</th>
                  <th scope="col">{t('colObject')}</th>
                  <th scope="col">{t('colService')}</th>
                  <th scope="col">{t('colState')}</th>
                  <th scope="col">{t('colDue')}</th>
                  <th scope="col">{t('colAssignee')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((a) => {
                  const u = urgency(a, now);
                  const dueAt = mainDeadline(a)?.dueAt;
                  const state = machines[a.serviceId]?.version.machine?.states?.[a.state]?.name;
                  return (
                    <tr key={a.id} className={u} data-id={a.id} onClick={() => go('application', a.id)}>
                      <td data-label={t('colNumber')} className="number">
                        <a href={`#/application/${encodeURIComponent(a.id)}`} onClick={(e) => e.stopPropagation()}>
                          {a.number ?? t('application')}
                        </a>
                      </td>
                      <td data-label={t('colApplicant')} className="applicant">
                        {a.applicant ? (
                          <>
                            <span className="name">{a.applicant.name}</span>
                            {a.applicant.id && (
                              <span className="muted id">{t('applicantId', { id: a.applicant.id })}</span>
                            )}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td data-label={t('colObject')}>{a.object ? pick(a.object, lang) : '—'}</td>
                      <td data-label={t('colService')} title={names[a.serviceId]}>
                        {shorten(names[a.serviceId] ?? '', 110)}
                      </td>
                      <td data-label={t('colState')}>{state ? pick(state, lang) : t('status.' + a.status)}</td>
                      <td className="when" data-label={t('colDue')}>
                        {dueAt ? toDottedDateTime(dueAt, KAZAKHSTAN_TIME_ZONE) : '—'}
                        {u === 'overdue' && (
                          <span className="flag overdue-flag">
                            <span aria-hidden="true">⚠ </span>
                            {t('overdue')}
                          </span>
                        )}
                        {u === 'due-today' && (
                          <span className="flag due-today-flag">
                            <ClockIcon /> {t('dueToday')}
                          </span>
                        )}
                        <TimeLeft value={a.timeLeft} />
                      </td>
                      <td data-label={t('colAssignee')}>
                        <AssigneeCell app={a} me={me} onDone={onAssigned} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div className="pager">
            <button className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('prev')}
            </button>
            <span>
              {t('range', {
                from: list.total ? offset + 1 : 0,
                to: Math.min(offset + PAGE, list.total),
                total: list.totalExact === false ? `${list.total}+` : list.total,
              })}
            </span>
            <button
              className="secondary"
              disabled={offset + PAGE >= list.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('next')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
