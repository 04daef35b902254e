import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civilDateOf, KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import { OPEN_STATUSES } from '../../../engine/src/format/applicationStatuses';
import { api, session, type Schemas } from '../shell/api';
import { DataView } from './DataView';
import { DocumentsView } from './DocumentsView';
import { EventActions } from './EventActions';
import { RefusalView } from './RefusalView';
import {
  loadService,
  mainDeadline,
  pick,
  ProblemView,
  StatusBadge,
  urgency,
  useLang,
  type Application,
  type ServiceDetail,
} from './common';

type StoredEvent = Schemas['ApplicationEvent'];

/**
 * One application, for its officers and its applicant alike: data labelled from the form, status and step,
 * registration instant, deadlines, history, documents, the motivated refusal, and the actions open now.
 */
export default function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation('officer');
  const lang = useLang();
  const [app, setApp] = useState<Application | null>(null);
  const [events, setEvents] = useState<StoredEvent[]>([]);
  const [service, setService] = useState<ServiceDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const isOfficer = !!session.user()?.roles.some((r) => r === 'officer' || r === 'admin');

  const load = useCallback(async () => {
    try {
      const [a, ev] = await Promise.all([
        api<Application>('GET', `/applications/${encodeURIComponent(id)}`),
        api<Schemas['ApplicationEventList']>('GET', `/applications/${encodeURIComponent(id)}/events`).catch(() => ({
          items: [] as StoredEvent[],
        })),
      ]);
      setApp(a);
      setEvents(ev.items);
      setError(null);
      // The version the application was registered under: the service as it stood at registration.
      setService(await loadService(a.serviceId, a.registeredAt ?? a.arrivedAt));
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load, lang]);

  if (!app) return error ? <ProblemView error={error} /> : <p>{t('loadError')}…</p>;

  const machine = service?.version.machine;
  const stateName = (s: string) => (machine?.states?.[s]?.name ? pick(machine.states[s].name, lang) : s);
  const eventName = (e: string) =>
    machine?.events?.[e]?.name ? pick(machine.events[e].name, lang) : t(`event.${e}`, { defaultValue: e });
  const deadlineName = (d: string) => {
    const def = service?.version.deadlines?.find((x) => x.id === d);
    return def?.name ? pick(def.name, lang) : d === 'service' ? t('deadline.service') : d;
  };
  const u = urgency(app);
  const due = mainDeadline(app);
  const providerName = service?.providers?.find((p) => p.id === app.provider)?.name;
  const today = civilDateOf(Date.now(), KAZAKHSTAN_TIME_ZONE);

  return (
    <article className="application" data-status={app.status} data-state={app.state}>
      <p>
        <a href={isOfficer ? '#/inbox' : '#/my'}>{isOfficer ? t('back') : t('backMy')}</a>
      </p>
      <h1>{service ? pick(service.name, lang) : app.serviceId}</h1>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ProblemView error={error} />

      <section className={`card summary ${u}`} aria-label={t('application')}>
        <dl className="facts">
          <dt>{t('status')}</dt>
          <dd>
            <StatusBadge status={app.status} />
            {u === 'overdue' && <span className="flag overdue-flag">{t('overdue')}</span>}
            {u === 'due-today' && <span className="flag due-today-flag">{t('dueToday')}</span>}
          </dd>
          <dt>{t('state')}</dt>
          <dd data-field="state">{stateName(app.state)}</dd>
          <dt>{t('registeredAt')}</dt>
          <dd data-field="registeredAt">
            {app.registeredAt ? (
              <time dateTime={app.registeredAt}>{toDottedDateTime(app.registeredAt, KAZAKHSTAN_TIME_ZONE)}</time>
            ) : (
              '—'
            )}
          </dd>
          {app.arrivedAt && app.arrivedAt !== app.registeredAt && (
            <>
              <dt>{t('arrivedAt')}</dt>
              <dd>{toDottedDateTime(app.arrivedAt, KAZAKHSTAN_TIME_ZONE)}</dd>
            </>
          )}
          <dt>{t('dueAt')}</dt>
          <dd data-field="dueAt">
            {due?.dueAt ? (
              <time dateTime={due.dueAt}>{toDottedDateTime(due.dueAt, KAZAKHSTAN_TIME_ZONE)}</time>
            ) : (
              t('notSet')
            )}
          </dd>
          {providerName && (
            <>
              <dt>{t('provider')}</dt>
              <dd>{pick(providerName, lang)}</dd>
            </>
          )}
          <dt>{t('number')}</dt>
          <dd>
            <code>{app.number ?? app.id}</code>
          </dd>
          <dt>{t('version')}</dt>
          <dd>{app.version}</dd>
        </dl>
      </section>

      {app.status === 'refused' && app.refusal && app.refusal.grounds.length > 0 && (
        <RefusalView grounds={app.refusal.grounds} reasoning={app.reasoning ?? []} lang={lang} />
      )}

      <ProblemView error={actionError} />
      {(isOfficer || app.allowedEvents.length > 0) && OPEN_STATUSES.includes(app.status) && (
        <EventActions
          app={app}
          service={service}
          lang={lang}
          onChanged={(r) => {
            setNotice(r.notice ?? null);
            setActionError(r.error ?? null);
            void load();
          }}
        />
      )}

      <DocumentsView applicationId={app.id} documents={app.documents} />

      <div className="app-grid">
        <section className="card" aria-labelledby="deadlines-title">
          <h2 id="deadlines-title">{t('deadlines')}</h2>
          <table className="responsive">
            <thead>
              <tr>
                <th>{t('deadlines')}</th>
                <th>{t('dueAt')}</th>
                <th>{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {app.deadlines.map((d) => {
                // A deadline's own status is running, suspended or closed: lateness is the application's `overdue`.
                const late =
                  d.status !== 'closed' && OPEN_STATUSES.includes(app.status) && d.id === due?.id && app.overdue;
                const todayDue =
                  !late &&
                  d.status !== 'closed' &&
                  d.dueAt &&
                  OPEN_STATUSES.includes(app.status) &&
                  civilDateOf(d.dueAt, KAZAKHSTAN_TIME_ZONE) === today;
                return (
                  <tr key={d.id} data-deadline={d.id} className={late ? 'overdue' : todayDue ? 'due-today' : ''}>
                    <td data-label={t('deadlines')}>{deadlineName(d.id)}</td>
                    <td data-label={t('dueAt')}>
                      {d.dueAt ? toDottedDateTime(d.dueAt, KAZAKHSTAN_TIME_ZONE) : t('notSet')}
                    </td>
                    <td data-label={t('status')}>
                      {d.status ? t(`deadline.${d.status}`, { defaultValue: d.status }) : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="card" aria-labelledby="data-title">
          <h2 id="data-title">{t('data')}</h2>
          {app.data ? (
            <DataView data={app.data} schema={service?.version.form} lang={lang} />
          ) : (
            <p className="muted">—</p>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('history')}</h2>
        {events.length === 0 ? (
          <p className="muted">{t('noHistory')}</p>
        ) : (
          <table className="responsive history">
            <thead>
              <tr>
                <th>{t('when')}</th>
                <th>{t('event')}</th>
                <th>{t('actor')}</th>
                <th>{t('transition')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq}>
                  <td className="when" data-label={t('when')}>
                    {toDottedDateTime(e.at, KAZAKHSTAN_TIME_ZONE)}
                  </td>
                  <td data-label={t('event')}>
                    {eventName(e.type)}
                    {/* What an event carried (findings, data from state systems) is the officers' working material:
                        the applicant reads the grounds and the reasoning in words in the refusal above. */}
                    {isOfficer && e.data && typeof e.data === 'object' && Object.keys(e.data).length > 0 ? (
                      <div className="muted">
                        <code>{JSON.stringify(e.data)}</code>
                      </div>
                    ) : null}
                  </td>
                  <td data-label={t('actor')}>{t(`actor.${e.actor}`, { defaultValue: e.actor })}</td>
                  <td data-label={t('transition')}>
                    {e.fromState ? `${stateName(e.fromState)} → ` : ''}
                    {stateName(e.toState)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
