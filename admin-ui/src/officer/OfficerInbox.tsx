import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../shell/api';
import { go } from '../shell/router';
import { KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import { APPLICATION_STATUSES, OPEN_STATUSES } from '../../../engine/src/format/applicationStatuses';
import {
  loadService,
  loadServices,
  mainDeadline,
  pick,
  ProblemView,
  StatusBadge,
  urgency,
  useLang,
  type ApplicationSummary,
  type ServiceDetail,
  type ServiceSummary,
} from './common';

const PAGE = 20;

interface Filters {
  status: string;
  serviceId: string;
  provider: string;
  overdue: boolean;
}

/** The officer's work: open applications first (closed ones are one choice away). */
const OPEN = OPEN_STATUSES.join(',');
const KEY = 'qyzmet.inbox.filters';

/**
 * The officer's inbox: the applications of their providers, already sorted by due instant by the API, with
 * filters and paging. Overdue rows are red, rows due today (Asia/Almaty) yellow.
 */
export default function OfficerInbox() {
  const { t } = useTranslation('officer');
  const lang = useLang();
  const [filters, setFilters] = useState<Filters>(() => ({
    status: OPEN,
    serviceId: '',
    provider: '',
    overdue: false,
    ...JSON.parse(sessionStorage.getItem(KEY) ?? '{}'),
  }));
  const [offset, setOffset] = useState(0);
  const [list, setList] = useState<{ items: ApplicationSummary[]; total: number; totalExact?: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [services, setServices] = useState<ServiceSummary[]>([]);
  const [machines, setMachines] = useState<Record<string, ServiceDetail | null>>({});

  useEffect(() => {
    loadServices().then(setServices, setError);
  }, []);

  useEffect(() => {
    sessionStorage.setItem(KEY, JSON.stringify(filters));
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (filters.status) q.set('status', filters.status);
    if (filters.serviceId) q.set('serviceId', filters.serviceId);
    if (filters.provider) q.set('provider', filters.provider);
    if (filters.overdue) q.set('overdue', 'true');
    let live = true;
    setError(null);
    api<Schemas['ApplicationList']>('GET', `/applications?${q}`).then(
      (r) => live && setList(r),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [filters, offset, lang]);

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
  const set = (patch: Partial<Filters>) => {
    setOffset(0);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const now = new Date();

  return (
    <section>
      <h1>{t('inboxTitle')}</h1>
      <div className="card filters" role="search">
        <label>
          {t('filterStatus')}
          <select name="status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
            <option value={OPEN}>{t('openOnly')}</option>
            <option value="">{t('all')}</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterService')}
          <select
            name="serviceId"
            value={filters.serviceId}
            onChange={(e) => set({ serviceId: e.target.value })}
            style={{ maxWidth: '28rem' }}
          >
            <option value="">{t('all')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {shorten(pick(s.name, lang))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterProvider')}
          <select
            name="provider"
            value={filters.provider}
            onChange={(e) => set({ provider: e.target.value })}
            style={{ maxWidth: '22rem' }}
          >
            <option value="">{t('all')}</option>
            {providers.map(([id, name]) => (
              <option key={id} value={id}>
                {shorten(name)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            name="overdue"
            checked={filters.overdue}
            onChange={(e) => set({ overdue: e.target.checked })}
          />
          {t('overdueOnly')}
        </label>
      </div>
      <p className="legend">
        <span className="swatch overdue">{t('overdue')}</span>
        <span className="swatch due-today">{t('dueToday')}</span>
        <span>{t('legend')}</span>
      </p>
      <ProblemView error={error} />
      {list && (
        <div className="card">
          {list.items.length === 0 ? (
            <p>{t('noApplications')}</p>
          ) : (
            <table className="responsive inbox">
              <thead>
                <tr>
                  <th>{t('colService')}</th>
                  <th>{t('colRegistered')}</th>
                  <th>{t('colDue')}</th>
                  <th>{t('colStatus')}</th>
                  <th>{t('colState')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((a) => {
                  const u = urgency(a, now);
                  const dueAt = mainDeadline(a)?.dueAt;
                  const state = machines[a.serviceId]?.version.machine?.states?.[a.state]?.name;
                  return (
                    <tr key={a.id} className={u} data-id={a.id} onClick={() => go('application', a.id)}>
                      <td data-label={t('colService')}>
                        <a
                          href={`#/application/${encodeURIComponent(a.id)}`}
                          title={names[a.serviceId]}
                          onClick={(e) => e.stopPropagation()}
                        >
                          {shorten(names[a.serviceId] ?? a.serviceId, 140)}
                        </a>
                      </td>
                      <td className="when" data-label={t('colRegistered')}>
                        {a.registeredAt ? toDottedDateTime(a.registeredAt, KAZAKHSTAN_TIME_ZONE) : '—'}
                      </td>
                      <td className="when" data-label={t('colDue')}>
                        {dueAt ? toDottedDateTime(dueAt, KAZAKHSTAN_TIME_ZONE) : '—'}
                        {u === 'overdue' && <span className="flag overdue-flag">{t('overdue')}</span>}
                        {u === 'due-today' && <span className="flag due-today-flag">{t('dueToday')}</span>}
                      </td>
                      <td data-label={t('colStatus')}>
                        <StatusBadge status={a.status} />
                      </td>
                      <td data-label={t('colState')}>{state ? pick(state, lang) : a.state}</td>
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

/** Service and provider names run to several lines in the acts; a select option shows the start. */
function shorten(s: string, n = 90): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
