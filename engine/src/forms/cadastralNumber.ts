/**
 * Cadastral numbers of land plots and real estate in Kazakhstan (format `cadastral-number`).
 *
 * What we know: a land plot's number is built from the codes that Government decree of 20 September 2003 No. 958
 * assigns to oblasts, cities of republican significance and districts, then the number of the cadastral (accounting)
 * quarter and of the plot within it, written in groups separated by dashes, e.g. `20-321-001-123`
 * (2-digit oblast, 3-digit district, 3-digit quarter, 3-digit plot). Buildings, premises and other "subsequent"
 * real-estate objects get numbers from the "Rules for assigning cadastral numbers to primary and subsequent
 * real-estate objects" (order of the Minister of Justice of 6 May 2013 No. 156, seed 003), which we could not read:
 * we accept the plot number followed by `:` and a serial number of the object (e.g. `20-321-001-123:45`), the form
 * seen on cadastral passports.
 *
 * Doubt, stated rather than guessed away: large quarters are known to use plot numbers longer than 3 digits, and part
 * numbers may be nested. We therefore accept 3–4 digits in the last group and one or more `:N` parts of 1–6 digits.
 * Tighten this when order No. 156 is at hand.
 */

const CADASTRAL = /^\d{2}-\d{3}-\d{3}-\d{3,4}(?::\d{1,6})*$/;

/**
 * Whether a string is a Kazakhstan cadastral number such as `20-321-001-123` or `20-321-001-123:45`.
 * @example
 * isCadastralNumber('20-321-001-123') // true
 * isCadastralNumber('20321001123') // false: the groups are written with dashes
 */
export function isCadastralNumber(value: string): boolean {
  return CADASTRAL.test(value);
}
