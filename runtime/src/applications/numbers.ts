import type { CompiledService, Lang } from '@qyzmet/engine';
import { ConfigError } from '../config/environment';

/**
 * Human-readable numbers (issue 15, DESIGN.md "Applications and issued documents carry a human-readable `number`").
 *
 * - An application: PROVIDER-SERVICE-YEAR-SEQUENCE, e.g. "GKNPZH-CPD-2026-000123". PROVIDER is the provider party's
 *   `numberPrefix`, SERVICE the service's; without one, the initials of the id ("cadastral-passport-duplicate" →
 *   "CPD"). YEAR is the calendar year of registration in the provider's local time (the engine's `registeredAt`
 *   carries the provider's offset, so an application arriving on 31 December after hours and registered on the next
 *   working day counts in the new year). SEQUENCE counts per provider prefix and year, without gaps, six digits at
 *   least (a seventh appears after 999 999).
 * - An issued document: "<application number>-<n>", n the 1-based order of issue within the application ("…-000123-2":
 *   the second document the application was issued). A dash, not a slash, so that the number is one path segment
 *   of the verification URL and prints the same everywhere.
 */

/** Initials of an id's words, upper-case ASCII, 2–8 characters. */
export function prefixFromId(id: string): string {
  const words = id
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const initials = words.map((w) => w[0]).join('');
  const prefix = initials.length >= 2 ? initials : (words.join('') + 'XX').slice(0, Math.max(2, words.join('').length));
  return prefix.slice(0, 8);
}

/** The prefixes of a service's numbers for one of its providers. */
export function numberPrefixes(service: CompiledService, providerId: string): { provider: string; service: string } {
  const party = service.def.providers.find((p) => p.id === providerId);
  return {
    provider: party?.numberPrefix ?? prefixFromId(providerId),
    service: service.def.numberPrefix ?? prefixFromId(service.id),
  };
}

/** The counter series of a provider prefix and year: applications of all its services share it. */
export function applicationSeries(providerPrefix: string, year: string): string {
  return `application:${providerPrefix}:${year}`;
}

export function applicationNumber(
  prefixes: { provider: string; service: string },
  year: string,
  sequence: number,
): string {
  return `${prefixes.provider}-${prefixes.service}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The year of a local ISO instant as the provider's calendar reads it ("2027-01-04T09:00:00+05:00" → "2027"). */
export function localYear(localIso: string): string {
  return localIso.slice(0, 4);
}

export function documentNumber(applicationNumber: string, n: number): string {
  return `${applicationNumber}-${n}`;
}

export const APPLICATION_NUMBER = /^[A-Z0-9]{2,8}-[A-Z0-9]{2,8}-\d{4}-\d{6,9}$/;
export const DOCUMENT_NUMBER = /^[A-Z0-9]{2,8}-[A-Z0-9]{2,8}-\d{4}-\d{6,9}-\d{1,4}$/;

/**
 * The public base URL of the runtime, which the QR code on every PDF holds: QYZMET_PUBLIC_URL (http or https, no
 * query), by default http://127.0.0.1:<PORT or 3000>. A trailing slash is dropped.
 */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.QYZMET_PUBLIC_URL?.trim();
  if (!raw) return `http://127.0.0.1:${env.PORT?.trim() || 3000}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`QYZMET_PUBLIC_URL "${raw}" is not a URL such as https://qyzmet.example.kz`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash)
    throw new ConfigError(`QYZMET_PUBLIC_URL "${raw}" must be an http(s) URL without query or fragment`);
  return raw.replace(/\/+$/, '');
}

export function verificationUrl(publicUrl: string, number: string): string {
  return `${publicUrl}/api/v1/verify/${encodeURIComponent(number)}`;
}

/**
 * How a provider-side role is named in the signature block when the definition's machine.roles gives no label: the
 * positions the acts name (услугодатель = көрсетілетін қызметті беруші).
 */
const ROLE_LABELS: Record<string, Record<'kk' | 'ru', string>> = {
  operator: {
    kk: 'көрсетілетін қызметті берушінің кеңсе қызметкері',
    ru: 'работник канцелярии услугодателя',
  },
  specialist: {
    kk: 'көрсетілетін қызметті берушінің жауапты орындаушысы',
    ru: 'ответственный исполнитель услугодателя',
  },
  executor: {
    kk: 'көрсетілетін қызметті берушінің жауапты орындаушысы',
    ru: 'ответственный исполнитель услугодателя',
  },
  head: { kk: 'көрсетілетін қызметті берушінің басшысы', ru: 'руководитель услугодателя' },
  commission: { kk: 'комиссия', ru: 'комиссия' },
  archive: { kk: 'мұрағат қызметкері', ru: 'работник архива' },
  officer: {
    kk: 'көрсетілетін қызметті берушінің лауазымды адамы',
    ru: 'должностное лицо услугодателя',
  },
};

/** The role's label in `lang`: the definition's machine.roles first, then the usual positions, never the key. */
export function roleLabel(
  roles: Record<string, { label: Partial<Record<Lang, string>> }> | undefined,
  role: string,
  lang: 'kk' | 'ru',
): string {
  return roles?.[role]?.label[lang] ?? (ROLE_LABELS[role] ?? ROLE_LABELS.officer)[lang];
}
