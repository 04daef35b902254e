/**
 * Kazakhstan phone numbers (format `kz-phone`).
 *
 * Decision: stored application data holds ONE canonical form, E.164 `+7XXXXXXXXXX`, so that SMS gateways, search and
 * duplicate checks see one spelling. Forms and the portal normalise what a person types ("8 (701) 123-45-67",
 * "+7 701 123 45 67") with {@link normalizeKzPhone} before submitting; the validator itself rejects spaces, dashes,
 * brackets and the domestic trunk prefix 8. Kazakhstan shares country code +7 with Russia; its numbers are the ones
 * whose national part starts with 6 or 7 (mobile 70x/747/77x, geographic 7xx such as Almaty 727, Astana 7172), so
 * Russian numbers (+7 3xx/4xx/8xx/9xx) are rejected.
 */

const CANONICAL = /^\+7[67]\d{9}$/;

/**
 * Whether a string is a Kazakhstan phone number in canonical form `+7XXXXXXXXXX`.
 * @example
 * isKzPhone('+77011234567') // true
 * isKzPhone('87011234567') // false: normalise first
 */
export function isKzPhone(value: string): boolean {
  return CANONICAL.test(value);
}

/**
 * Normalises what a person typed into `+7XXXXXXXXXX`, or returns `null` when it is not a Kazakhstan number.
 * Accepts spaces, dashes, dots and brackets, and the leading `8` or `7` instead of `+7`.
 * @example
 * normalizeKzPhone('8 (701) 123-45-67') // '+77011234567'
 */
export function normalizeKzPhone(input: string): string | null {
  const stripped = input.trim().replace(/[\s\-().]/g, '');
  let national: string | undefined;
  if (/^\+7\d{10}$/.test(stripped)) national = stripped.slice(2);
  else if (/^[78]\d{10}$/.test(stripped)) national = stripped.slice(1);
  else if (/^\d{10}$/.test(stripped)) national = stripped;
  if (national === undefined) return null;
  const canonical = `+7${national}`;
  return isKzPhone(canonical) ? canonical : null;
}
