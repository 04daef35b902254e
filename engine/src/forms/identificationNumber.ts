/**
 * Kazakhstan identification numbers: ИИН / ЖСН (individual) and БИН / БСН (business).
 *
 * Legal basis: Law of the Republic of Kazakhstan of 12 January 2007 "On national registers of identification numbers"
 * and the Rules for forming an identification number (Government decree of 22 May 2007 No. 406). Both numbers have
 * 12 digits and share the check-digit algorithm: weights 1..11, sum mod 11; when that gives 10, weights
 * 3,4,5,6,7,8,9,10,11,1,2; when that again gives 10 the number is never issued (invalid).
 *
 * Structure checked here (beyond the check digit):
 * - IIN: digits 1–6 the date of birth YYMMDD, digit 7 the century of birth and sex (1/2 = 19th century male/female,
 *   3/4 = 20th, 5/6 = 21st). Digit 7 = 0 is accepted as well: several public validators accept it for persons whose
 *   century is not encoded (foreigners), and rejecting a real IIN would lock a real applicant out; we could not confirm
 *   it in the text of decree No. 406, so for 0 only month 01–12 and day 01–31 are checked.
 * - BIN: digits 1–4 the year and month of registration YYMM, digit 5 the type of the entity (4 resident legal entity,
 *   5 non-resident legal entity, 6 individual entrepreneur in joint entrepreneurship), digit 6 the kind of unit (head
 *   office, branch, representative office, peasant farm: not checked).
 * An IIN's 5th digit is the tens of the day of birth (0–3), a BIN's is 4–6, so the two never collide.
 */

const WEIGHTS_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/**
 * The check digit (12th digit) for the first 11 digits of an IIN or BIN, or `null` when the algorithm gives 10 twice
 * (such numbers are never issued).
 * @example
 * identificationCheckDigit('90010130001') // 7
 */
export function identificationCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`expected 11 digits, got "${first11}"`);
  const digits = [...first11].map(Number);
  const sum = (weights: readonly number[]): number => digits.reduce((s, d, i) => s + d * weights[i], 0) % 11;
  const first = sum(WEIGHTS_FIRST);
  if (first !== 10) return first;
  const second = sum(WEIGHTS_SECOND);
  return second === 10 ? null : second;
}

function hasValidCheckDigit(value: string): boolean {
  return identificationCheckDigit(value.slice(0, 11)) === Number(value[11]);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Century of birth encoded by the 7th digit of an IIN (1–2: 1800s, 3–4: 1900s, 5–6: 2000s). */
const CENTURY_BY_DIGIT: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

/**
 * Whether a string is a valid IIN (ЖСН): 12 digits, a real date of birth, century/sex digit 0–6, right check digit.
 * @example
 * isValidIin('900101300017') // true
 * isValidIin('900101300018') // false (check digit)
 */
export function isValidIin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const centuryDigit = value[6];
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (centuryDigit === '0') return hasValidCheckDigit(value);
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) return false;
  const year = century + Number(value.slice(0, 2));
  const daysInMonth = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > daysInMonth) return false;
  return hasValidCheckDigit(value);
}

/**
 * Whether a string is a valid BIN (БСН): 12 digits, month 01–12, entity type 4–6, right check digit.
 * @example
 * isValidBin('040340000017') // true
 */
export function isValidBin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return false;
  if (!['4', '5', '6'].includes(value[4])) return false;
  return hasValidCheckDigit(value);
}

/**
 * Whether a string is a valid IIN or a valid BIN (fields such as "applicant's IIN/BIN").
 * @example
 * isValidIinOrBin('900101300017') // true
 */
export function isValidIinOrBin(value: string): boolean {
  return isValidIin(value) || isValidBin(value);
}
