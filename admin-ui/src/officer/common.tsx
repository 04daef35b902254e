import { useTranslation } from 'react-i18next';
import { officer } from '../i18n/officer';
import { registerArea, type UiLang } from '../i18n';
import { api, ApiError, type Schemas } from '../shell/api';
import './officer.css';

// The officer's texts; the applicant's pages reuse the status names and the application page, so they import this too.
registerArea('officer', officer);

/** What the API gives: the types generated from its OpenAPI document (runtime/src/http/openapi.ts). */
export type Text = Schemas['Text'];

// The engine's own type: a type-only import adds nothing to the officer's and applicant's bundles.
export type { LegalRef } from '@qyzmet/engine';
export type Application = Schemas['Application'];
/** An inbox line: an application without its data and history. */
export type ApplicationSummary = Schemas['ApplicationList']['items'][number];
export type Deadline = Schemas['ApplicationDeadline'];
export type AppDocument = Schemas['IssuedDocument'];
/** A ground of the application's refusal in words: message, citation as the law writes it, fact sentence. */
export type RefusalGround = Schemas['ApplicationRefusalGround'];
/** An officer's reasoning of a finding (kk and/or ru). */
export type Reasoning = Schemas['Reasoning'];
export type ServiceSummary = Schemas['ServiceSummary'];
export type ServiceDetail = Schemas['Service'];
export type EventDef = Schemas['MachineEvent'];
export type StateDef = Schemas['MachineState'];
export type OfficerGround = Schemas['ServiceGround'];
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
  catalogue ??= api<Schemas['ServiceList']>('GET', '/services').then(
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
export function mainDeadline(a: Pick<Application, 'deadlines'>): Deadline | undefined {
  return (
    a.deadlines.find((d) => d.id === 'service' && d.dueAt) ??
    a.deadlines.filter((d) => d.dueAt).sort((x, y) => Date.parse(x.dueAt!) - Date.parse(y.dueAt!))[0]
  );
}

/**
 * A clock, the mark of what is due today. Drawn, not a character: "◷" has no glyph in the default fonts of Chromium
 * and showed as a missing-character box. Decorative: the word beside it says what it means.
 */
export function ClockIcon() {
  return (
    <svg
      className="icon-clock"
      aria-hidden="true"
      focusable="false"
      width="1em"
      height="1em"
      viewBox="0 0 16 16"
      style={{ verticalAlign: '-0.125em' }}
    >
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4v4l2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('officer');
  return <span className={`badge status-${status}`}>{t(`status.${status}`, { defaultValue: t('status.other') })}</span>;
}

/**
 * A problem of the API in the UI language. Three kinds are told apart: the server was not reached (network, server
 * stopped), the server failed (5xx), and the request was refused (4xx: what the runtime says about it, in the UI
 * language when it has the words, with the fields at fault). The runtime's English detail is kept under
 * "technical details".
 */
export function ProblemView({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('officer');
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const status = e?.status ?? -1;
  const head =
    status === -1
      ? t('pageError', { ns: 'shell' })
      : status === 0
        ? t('unreachable', { ns: 'shell' })
        : status >= 500
          ? t('serverError', { ns: 'shell', status })
          : status === 403
            ? t('problem403')
            : status === 409
              ? t('problem409')
              : status === 404
                ? t('problem404')
                : status === 401
                  ? t('problem401')
                  : status === 422
                    ? t('problem422')
                    : status === 429
                      ? t('tooManyRequests', { ns: 'shell' })
                      : t('requestRefused', { ns: 'shell' });
  // The runtime words its problems in kk and ru where it has the words (problemTexts.ts), else in English.
  const located = e && status >= 400 && status < 500 && inUiLanguage(e.message, i18n.language) ? e.message : null;
  return (
    <div className="error problem" role="alert">
      <p>{head}</p>
      {located && <p>{located}</p>}
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

/** Whether a text the runtime sent is in the UI's language: kk and ru are written in Cyrillic, its English is not. */
function inUiLanguage(text: string, lang: string): boolean {
  return lang === 'en' ? !/[а-яёәғқңөұүһі]/i.test(text) : /[а-яёәғқңөұүһі]/i.test(text);
}

export function useLang(): UiLang {
  const { i18n } = useTranslation();
  return (i18n.language as UiLang) ?? 'kk';
}
