import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { applicant } from '../i18n/applicant';
import { registerArea } from '../i18n';
import { api, type Schemas } from '../shell/api';
import { KAZAKHSTAN_TIME_ZONE } from '../../../engine/src/calendar/localTime';
import type { Text } from '../officer/common';

registerArea('applicant', applicant);

/** What the applicant's pages read of an application (list item or view); C6 adds its registration and next step. */
export type ApplicantApplication = Schemas['ApplicationSummary'] & {
  registration?: { arrivedAt: string; registeredAt: string | null; moved: boolean; reason: Text | null } | null;
  nextStep?: Text | null;
};
export type ApplicantApplicationView = Schemas['Application'] & ApplicantApplication;
export type ServiceCard = Schemas['ServiceSummary'];

const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;

/** An instant in words in the UI language ("2026 ж. 4 наурыз, 18:30"), on the provider's clock (Asia/Almaty). */
export function dateWords(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALES[lang as keyof typeof LOCALES] ?? 'kk-KZ', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: KAZAKHSTAN_TIME_ZONE,
  }).format(new Date(iso));
}

/** 1, 2–4 or 5+ (Russian numerals; Kazakh and English texts repeat their forms under the same keys). */
function form(n: number): '1' | '2' | '5' {
  const tens = n % 100;
  const last = n % 10;
  if (!Number.isInteger(n)) return '2';
  if (tens >= 11 && tens <= 14) return '5';
  if (last === 1) return '1';
  if (last >= 2 && last <= 4) return '2';
  return '5';
}

/** A duration of the definition format ("3 workingDays") in words; the raw text never reaches the page. */
export function durationWords(duration: string, t: TFunction): string | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s+([A-Za-z]+)\s*$/.exec(duration);
  if (!m) return null;
  const n = Number(m[1]);
  const key = `${m[2]}${form(n)}`;
  const text = t(key, { n: n.toLocaleString(), defaultValue: '' });
  return text || null;
}

/** The overall term of a service in words: "1 жұмыс күні немесе 3 жұмыс күні"; why there is none, when none. */
export function termWords(term: ServiceCard['term'], t: TFunction): string {
  if (!term) return t('termUnknown');
  const words = term.durations.map((d) => durationWords(d, t)).filter((w): w is string => !!w);
  return words.length > 0 ? words.join(t('termOr')) : t('termNotEncoded');
}

/** The fee in words: free, paid (with its amount when the definition has one). */
export function feeWords(fee: Record<string, unknown> | null | undefined, lang: string, t: TFunction): string {
  if (!fee) return t('termUnknown');
  if (fee.paid === false) return t('free');
  const amount = typeof fee.amount === 'number' ? fee.amount : null;
  if (amount !== null)
    return new Intl.NumberFormat(LOCALES[lang as keyof typeof LOCALES] ?? 'kk-KZ', {
      style: 'currency',
      currency: typeof fee.currency === 'string' ? fee.currency : 'KZT',
      maximumFractionDigits: 0,
    }).format(amount);
  return t('paid');
}

/**
 * An application read again every `everyMs` while the page is visible: polling pauses when the tab is hidden and reads
 * at once when it comes back. `changed` is set when the status or the state differs from the previous read.
 */
export function useApplicationPoll(
  id: string,
  everyMs = 5000,
): {
  app: ApplicantApplicationView | null;
  error: unknown;
  changed: number;
} {
  const [app, setApp] = useState<ApplicantApplicationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState(0);
  const last = useRef<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const read = async () => {
      try {
        const a = await api<ApplicantApplicationView>('GET', `/applications/${encodeURIComponent(id)}`);
        if (stopped) return;
        const key = `${a.status}/${a.state}`;
        if (last.current !== null && last.current !== key) setChanged((n) => n + 1);
        last.current = key;
        setApp(a);
        setError(null);
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      if (stopped || document.visibilityState === 'hidden') return;
      timer = setTimeout(() => void read().then(schedule), everyMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void read().then(schedule);
      else clearTimeout(timer);
    };
    void read().then(schedule);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [id, everyMs]);
  return { app, error, changed };
}
