import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civilDateOf, KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import { OPEN_STATUSES } from '../../../engine/src/format/applicationStatuses';
import { api, session, type Schemas } from '../shell/api';
import { Assignee, type DeskFields } from './Assignee';
import { Comments } from './Comments';
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
  useLang,
  type Application,
  type ServiceDetail,
  type Text,
} from './common';
import { urgency } from './urgency';
import './desk.css';

type StoredEvent = Schemas['ApplicationEvent'];
type EventSchemas = Record<string, { data?: Record<string, unknown> } | undefined>;

/**
 * One application, for its officers and its applicant alike: data labelled from the form, status and step,
 * registration instant, deadlines, history, documents, the motivated refusal, and the actions open now.
 */
export default function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation('officer');
  const lang = useLang();
  const [app, setApp] = useState<(Application & DeskFields) | null>(null);
  const [events, setEvents] = useState<StoredEvent[]>([]);
  const [service, setService] = useState<ServiceDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const isOfficer = !!session.user()?.roles.some((r) => r === 'officer' || r === 'admin');

  const load = useCallback(async () => {
    try {
      const [a, ev] = await Promise.all([
        api<Application & DeskFields>('GET', `/applications/${encodeURIComponent(id)}`),
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
  // Until the service is loaded the step has no name yet: nothing rather than its id; a step the version does not name
  // gets a generic word.
  const stateName = (s: string) =>
    machine?.states?.[s]?.name ? pick(machine.states[s].name, lang) : service ? t('state.other') : '';
  // Names from the definition, never the codes: a timer's step by the timer's own name.
  const timerName = (e: string) => {
    const id = e.slice('timer:'.length);
    for (const st of Object.values(machine?.states ?? {}))
      for (const tm of (st as { timers?: Array<{ id: string; name?: Text }> }).timers ?? [])
        if (tm.id === id && tm.name) return pick(tm.name, lang);
    return t('event.timer');
  };
  const eventName = (e: string) =>
    machine?.events?.[e]?.name
      ? pick(machine.events[e].name, lang)
      : e.startsWith('timer:')
        ? timerName(e)
        : t(`event.${e}`, { defaultValue: t('event.other') });
  const roleName = (r: string) => {
    const role = (machine as { roles?: Record<string, { name?: Text }> } | undefined)?.roles?.[r];
    return role?.name ? pick(role.name, lang) : t(`actor.${r}`, { defaultValue: t('actor.other') });
  };
  const eventSchemas = (machine?.events ?? {}) as EventSchemas;
  const deadlineName = (d: string) => {
    const def = service?.version.deadlines?.find((x) => x.id === d);
    return def?.name ? pick(def.name, lang) : d === 'service' ? t('deadline.service') : t('deadline.other');
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
      {/* The application's number heads its page (the citizen quotes it), the service under it. */}
      <h1 data-field="number">{app.number ?? (service ? pick(service.name, lang) : t('application'))}</h1>
      {app.number && service && <p className="subtitle">{pick(service.name, lang)}</p>}
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
          {app.applicant && (
            <>
              <dt>{t('desk.applicant')}</dt>
              <dd data-field="applicant">
                {app.applicant.name}
                {app.applicant.id ? ` · ${t('desk.iin', { id: app.applicant.id })}` : ''}
              </dd>
            </>
          )}
          {app.object && (
            <>
              <dt>{t('desk.object')}</dt>
              <dd data-field="object">{pick(app.object, lang)}</dd>
            </>
          )}
          {service?.version.label && (
            <>
              <dt>{t('version')}</dt>
              <dd>{pick(service.version.label as Text, lang)}</dd>
            </>
          )}
        </dl>
        {isOfficer && 'assignee' in app && OPEN_STATUSES.includes(app.status) && (
          <Assignee
            app={app}
            onChanged={(r) => {
              setActionError(r.error ?? null);
              if (r.app) setApp((before) => ({ ...before!, ...r.app }));
            }}
          />
        )}
      </section>

      {app.status === 'refused' && app.refusal && app.refusal.grounds.length > 0 && (
        <RefusalView
          grounds={app.refusal.grounds}
          reasoning={app.reasoning ?? []}
          lang={lang}
          roles={(machine as { roles?: Record<string, { name?: Text }> } | undefined)?.roles}
        />
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
                      {d.status ? t(`deadline.${d.status}`, { defaultValue: t('deadline.statusOther') }) : '—'}
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
                      <details className="event-data">
                        <summary>{t('desk.eventData')}</summary>
                        <DataView
                          data={e.data as Record<string, unknown>}
                          schema={eventSchemas[e.type]?.data}
                          lang={lang}
                        />
                      </details>
                    ) : null}
                  </td>
                  <td data-label={t('actor')}>{roleName(e.actor)}</td>
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

      {isOfficer && <Comments applicationId={app.id} />}
    </article>
  );
}
