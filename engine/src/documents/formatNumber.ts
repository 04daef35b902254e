import type { DocumentLang } from './DocumentContext';

/** No-break space: groups of thousands in Kazakh and Russian usage, and never a line break inside an amount. */
const NBSP = '\u00a0';

/** Currency word after an amount; the tenge is spelled differently in the two languages. */
const TENGE: Record<DocumentLang, string> = { kk: 'теңге', ru: 'тенге' };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const EXPONENT = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;

/** Plain decimal digits of a number or numeric string (no exponent), or undefined when it is not a number. */
function toDecimal(value: unknown): { sign: string; int: string; frac: string } | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // String() gives the shortest text that reads back as the same double: 1.005 stays "1.005", so rounding
    // below works on the digits a person wrote, not on the binary approximation (toFixed would print 1.00).
    text = String(value);
  } else if (typeof value === 'string' && value.trim() !== '') {
    text = value.trim();
  } else {
    return undefined;
  }
  const plain = DECIMAL.exec(text);
  if (plain) return { sign: plain[1], int: plain[2], frac: plain[3] ?? '' };
  const exp = EXPONENT.exec(text);
  if (!exp) return undefined;
  const digits = exp[2] + (exp[3] ?? '');
  const point = exp[2].length + Number(exp[4]);
  if (point <= 0) return { sign: exp[1], int: '0', frac: '0'.repeat(-point) + digits };
  if (point >= digits.length) return { sign: exp[1], int: digits + '0'.repeat(point - digits.length), frac: '' };
  return { sign: exp[1], int: digits.slice(0, point), frac: digits.slice(point) };
}

/** Rounds half away from zero on the decimal digits, as amounts are rounded in payment documents. */
function round(int: string, frac: string, decimals: number): { int: string; frac: string } {
  if (frac.length <= decimals) return { int, frac: frac.padEnd(decimals, '0') };
  const kept = BigInt(int + frac.slice(0, decimals)) + (frac.charCodeAt(decimals) >= 53 /* '5' */ ? 1n : 0n);
  const digits = kept.toString().padStart(decimals + 1, '0');
  return { int: digits.slice(0, digits.length - decimals), frac: digits.slice(digits.length - decimals) };
}

/**
 * A number as written in Kazakh and Russian documents: thousands separated by a no-break space, decimal comma.
 * With `decimals` the value is rounded (half away from zero) and padded to that many places; without it every
 * given decimal is kept. Numeric strings are accepted so that amounts kept as text never pass through a double.
 * Returns undefined for anything that is not a finite number.
 *
 * @example
 * formatNumber(1234567.5)   // '1 234 567,5' (no-break spaces)
 * formatNumber('1234.005', 2) // '1 234,01'
 */
export function formatNumber(value: unknown, decimals?: number): string | undefined {
  const parsed = toDecimal(value);
  if (!parsed) return undefined;
  let { int, frac } = parsed;
  int = int.replace(/^0+(?=\d)/, '');
  if (decimals !== undefined) ({ int, frac } = round(int, frac, decimals));
  const zero = /^0*$/.test(int) && /^0*$/.test(frac);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (parsed.sign && !zero ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

/**
 * An amount in tenge with two decimals: '1 234,00 теңге' (kk), '1 234,00 тенге' (ru).
 *
 * @example
 * formatMoney(1234, 'ru') // '1 234,00 тенге' (no-break spaces)
 */
export function formatMoney(value: unknown, lang: DocumentLang): string | undefined {
  const amount = formatNumber(value, 2);
  return amount === undefined ? undefined : `${amount}${NBSP}${TENGE[lang]}`;
}
