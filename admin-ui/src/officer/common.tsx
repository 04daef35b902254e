import { useTranslation } from 'react-i18next';
import { officer } from '../i18n/officer';
import { registerArea, type UiLang } from '../i18n';
import { api, ApiError } from '../shell/api';
// Times are shown with the calendar module's functions (Asia/Almaty, the offset of each date), imported from their
// module like every engine import of these pages: the engine's index would pull the whole engine into their chunks.
import { civilDateOf, KAZAKHSTAN_TIME_ZONE } from '../../../engine/src/calendar/localTime';
// The engine's one list of statuses, from its module: the engine's index would pull the whole engine into this chunk.
import { OPEN_STATUSES, type Status } from '../../../engine/src/format/applicationStatuses';
import './officer.css';

// The officer's texts; the applicant's pages reuse the status names and the application page, so they import this too.
registerArea('officer', officer);

/** What the API gives, as far as these pages read it (see runtime/src/http/openapi.ts). */
export type Text = { kk: string; ru: string; en?: string };

// The engine's own type: a type-only import adds nothing to the officer's and applicant's bundles.
export type { LegalRef } from '@qyzmet/engine';
import type { LegalRef } from '@qyzmet/engine';
export interface Deadline {
  id: string;
  dueAt: string | null;
  status?: string;
}
export interface AppDocument {
  id: string;
  title: string;
  kind?: string;
  issuedAt?: string;
}
export interface Fact {
  fact: string;
  path?: string;
  operator?: string;
  value?: unknown;
  actual?: unknown;
}
export interface RefusalGround {
  id: string;
  message: string;
  legalRef: LegalRef;
  facts?: Fact[];
}
export interface Application {
  id: string;
  serviceId: string;
  version: string;
  provider?: string;
  channel?: string | null;
  state: string;
  status: Status;
  arrivedAt?: string;
  registeredAt: string;
  deadlines: Deadline[];
  documents: AppDocument[];
  allowedEvents: Array<{ type: string; name?: string }>;
  refusal?: { grounds: RefusalGround[] } | null;
  data?: Record<string, unknown>;
  overdue?: boolean;
}
export interface ServiceSummary {
  id: string;
  name: Text;
  kind: string;
  providers?: Array<{ id: string; name: Text }>;
  versionInForce: string | null;
}
export interface EventDef {
  name?: Text;
  roles?: string[];
  records?: 'findings' | 'external' | 'none';
}
export interface StateDef {
  name?: Text;
  status?: Status;
}
export interface OfficerGround {
  id: string;
  kind: 'refusal' | 'return';
  text: Text;
  legalRef: LegalRef;
  decidedBy: 'rule' | 'officer';
  findings?: Array<{ key: string; value: unknown }>;
}
export interface ServiceDetail {
  id: string;
  name: Text;
  providers?: Array<{ id: string; name: Text }>;
  version: {
    id: string;
    form: JsonSchema;
    refusalGrounds?: OfficerGround[];
    deadlines?: Array<{ id: string; name?: Text }>;
    documents?: Array<{ id: string; title?: Text }>;
    machine?: { events?: Record<string, EventDef>; states?: Record<string, StateDef> };
  };
  acts?: Record<string, { title?: Text; number?: string; date?: string }>;
}
export type JsonSchema = { [k: string]: unknown };

/** The UI language's text of a { kk, ru, en } object; Russian, then Kazakh, when the language is missing. */
export function pick(text: Partial<Text> | string | undefined | null, lang: string): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return (text as Record<string, string | undefined>)[lang] ?? text.ru ?? text.kk ?? '';
}

// Services change only on publication: one request per service per page load is enough.
let catalogue: Promise<ServiceSummary[]> | null = null;
const details = new Map<string, Promise<ServiceDetail | null>>();
export function loadServices(): Promise<ServiceSummary[]> {
  catalogue ??= api<{ items: ServiceSummary[] }>('GET', '/services').then(
    (r) => r.items,
    (e) => {
      catalogue = null;
      throw e;
    },
  );
  return catalogue;
}
/** The service's version in force at `at` (an application keeps the version of its registration); null when none. */
export function loadService(id: string, at?: string): Promise<ServiceDetail | null> {
  const key = `${id}@${at ?? ''}`;
  let p = details.get(key);
  if (!p) {
    p = api<ServiceDetail>(
      'GET',
      `/services/${encodeURIComponent(id)}${at ? `?at=${encodeURIComponent(at)}` : ''}`,
    ).catch(() => null);
    details.set(key, p);
  }
  return p;
}

/** The due instant an inbox sorts by: the overall term `service`, else the earliest running deadline. */
export function mainDeadline(a: Application): Deadline | undefined {
  return (
    a.deadlines.find((d) => d.id === 'service' && d.dueAt) ??
    a.deadlines.filter((d) => d.dueAt).sort((x, y) => Date.parse(x.dueAt!) - Date.parse(y.dueAt!))[0]
  );
}

/**
 * 'overdue' when the runtime says so (its clock decides, not the browser's); 'due-today' when an open application
 * is due on today's local date in Asia/Almaty (the browser's date: the API does not tell its own); '' otherwise.
 */
export function urgency(a: Application, now: Date = new Date()): 'overdue' | 'due-today' | '' {
  if (!OPEN_STATUSES.includes(a.status)) return '';
  if (a.overdue) return 'overdue';
  const d = mainDeadline(a);
  if (!d?.dueAt || d.status === 'closed') return '';
  return civilDateOf(d.dueAt, KAZAKHSTAN_TIME_ZONE) === civilDateOf(now.getTime(), KAZAKHSTAN_TIME_ZONE)
    ? 'due-today'
    : '';
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('officer');
  return <span className={`badge status-${status}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

/** A problem of the API in the UI language: the runtime's own detail is English, kept under "technical details". */
export function ProblemView({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('officer');
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const status = e?.status ?? 0;
  const head =
    status === 403
      ? t('problem403')
      : status === 409
        ? t('problem409')
        : status === 404
          ? t('problem404')
          : status === 401
            ? t('problem401')
            : status === 422
              ? t('problem422')
              : t('problemOther', { status: status || '—' });
  return (
    <div className="error problem" role="alert">
      <p>{head}</p>
      {e && e.errors.length > 0 && (
        <ul>
          {e.errors.map((f, i) => (
            <li key={i}>{f.messages?.[i18n.language] ?? f.message}</li>
          ))}
        </ul>
      )}
      {(e?.message || !e) && (
        <details>
          <summary>{t('technical')}</summary>
          <code>{e ? `${e.code}: ${e.message}` : String(error)}</code>
        </details>
      )}
    </div>
  );
}

export function useLang(): UiLang {
  const { i18n } = useTranslation();
  return (i18n.language as UiLang) ?? 'kk';
}
