import { domainError, type Lang } from '@qyzmet/engine';
import type { RuntimeContext } from '../runtimeContext';
import { fieldError, type FieldError } from '../fieldError';

/**
 * A user's notification settings (C6): where to send status changes, each channel off when null. Kept in the store's
 * MetaStore under `notify:<userId>`, with the language the user set them in (the messages are written in it).
 */
export interface NotificationPreferences {
  email: string | null;
  /** A Kazakhstan mobile number, +7 and ten digits, stored without spaces. */
  sms: string | null;
}

interface Stored extends NotificationPreferences {
  lang: Lang;
}

const keyOf = (userId: string) => `notify:${userId}`;
const NONE: Stored = { email: null, sms: null, lang: 'kk' };
/** RFC 5321 caps a path at 256 octets; an address is at most 254 characters. */
const MAX_EMAIL = 254;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+7\d{10}$/;

export async function readPreferences(ctx: RuntimeContext, userId: string): Promise<Stored> {
  const raw = await ctx.store.getMeta(keyOf(userId));
  if (!raw) return NONE;
  const p = JSON.parse(raw) as Partial<Stored>;
  return { email: p.email ?? null, sms: p.sms ?? null, lang: p.lang ?? 'kk' };
}

/** The settings of a PUT /me/notifications body, or its field errors located by JSON pointer. */
export function parsePreferences(body: unknown): { value: NotificationPreferences; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: NotificationPreferences = { email: null, sms: null };
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return {
      value,
      errors: [
        fieldError(
          '',
          'type',
          'the body is an object { email, sms }',
          'Дене { email, sms } нысаны болуы керек',
          'Тело запроса — объект { email, sms }',
        ),
      ],
    };
  const { email, sms, ...rest } = body as Record<string, unknown>;
  for (const key of Object.keys(rest))
    errors.push(fieldError(`/${key}`, 'additionalProperties', 'unknown member', 'Белгісіз өріс', 'Неизвестное поле'));
  if (email !== undefined && email !== null) {
    const e = typeof email === 'string' ? email.trim() : '';
    if (typeof email !== 'string' || e.length > MAX_EMAIL || !EMAIL.test(e))
      errors.push(
        fieldError(
          '/email',
          'format',
          'an e-mail address such as name@example.kz, or null',
          'Электрондық пошта мекенжайы name@example.kz түрінде болуы керек',
          'Адрес электронной почты в виде name@example.kz',
        ),
      );
    else value.email = e;
  }
  if (sms !== undefined && sms !== null) {
    const n = typeof sms === 'string' ? sms.replace(/[\s()-]/g, '') : '';
    if (typeof sms !== 'string' || !PHONE.test(n))
      errors.push(
        fieldError(
          '/sms',
          'format',
          'a mobile number +7 and ten digits, such as +7 701 234 56 78, or null',
          'Ұялы телефон нөмірі +7 және он цифр болуы керек, мысалы +7 701 234 56 78',
          'Номер мобильного телефона: +7 и десять цифр, например +7 701 234 56 78',
        ),
      );
    else value.sms = n;
  }
  return { value, errors };
}

export async function writePreferences(
  ctx: RuntimeContext,
  userId: string,
  body: unknown,
  lang: Lang,
): Promise<NotificationPreferences> {
  const { value, errors } = parsePreferences(body);
  if (errors.length)
    throw domainError(
      'request',
      'notifications.invalid',
      `the notification settings are not valid: ${errors[0].pointer || 'the body'}: ${errors[0].message}`,
      { extensions: { errors } },
    );
  await ctx.store.setMeta(keyOf(userId), JSON.stringify({ ...value, lang }));
  return value;
}
