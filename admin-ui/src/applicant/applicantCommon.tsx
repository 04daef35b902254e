import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { applicant } from '../i18n/applicant';
import { registerArea } from '../i18n';
import { api, type Schemas } from '../shell/api';

registerArea('applicant', applicant);

/** What the applicant's pages read of an application: a list item, or the view with its registration in words. */
export type ApplicantApplication = Schemas['ApplicationSummary'] & { registration?: Schemas['Registration'] };
export type ApplicantApplicationView = Schemas['Application'];
export type ServiceCard = Schemas['ServiceSummary'];

const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' } as const;

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

/**
 * The overall term of a service in words: one duration ("3 жұмыс күні"), a range when its cases differ only in number
 * ("1–3 жұмыс күні": the object or the path decides), else each in turn; why there is none, when none.
 */
export function termWords(term: ServiceCard['term'], t: TFunction): string {
  if (!term) return t('termUnknown');
  const parsed = term.durations
    .map((d) => /^\s*(\d+(?:\.\d+)?)\s+([A-Za-z]+)\s*$/.exec(d))
    .filter((m): m is RegExpExecArray => m !== null);
  const units = new Set(parsed.map((m) => m[2]));
  if (parsed.length > 1 && parsed.length === term.durations.length && units.size === 1) {
    const numbers = parsed.map((m) => Number(m[1]));
    const [min, max] = [Math.min(...numbers), Math.max(...numbers)];
    const words = durationWords(`${max} ${parsed[0][2]}`, t);
    if (words) return words.replace(max.toLocaleString(), `${min.toLocaleString()}–${max.toLocaleString()}`);
  }
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
  /** Read it again now (after the applicant's own step), without waiting for the next turn. */
  reload: () => void;
} {
  const reloadRef = useRef<() => void>(() => undefined);
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
    reloadRef.current = () => void read().then(schedule);
    void read().then(schedule);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [id, everyMs]);
  return { app, error, changed, reload: () => reloadRef.current() };
}
