import { definitions, scenarioDocuments, textOf } from './scenarioDocuments';

/**
 * The one implementation of the document checks the seed tests share (issue 15): what no citizen's document may hold
 * (`internalText`), and the table runner (`describeDocumentCases`) that renders a scenario's document and reads it as
 * the applicant does: the act's fixed wording, the law's citation of each fired ground, the fact in words, the
 * officer's reasoning, and no internal text. Each seed file keeps only its table and its own seed-specific tests.
 */

/** A web address on the .kz portals (www.egov.kz, www.gosreestr.kz, www.qazreestr.kz): a document may name it. */
export const KZ_ADDRESS = /\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.kz\b/gi;
/** An e-mail address (the shareholder's, the company's): a document may print the one it was sent to. */
export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** A full URL (the verification link): a document may print it. */
export const URL = /https?:\/\/\S+/g;

export interface InternalTextOptions {
  /** Addresses the document may print, set aside before the checks (none unless given: the strictest). */
  allow?: RegExp[];
  /** The service's version ids: none may be printed. */
  versionIds?: string[];
  /** The applicant's own words (a foreign company's name may be Latin): set aside before the Latin-word check. */
  ownWords?: string[];
  /** An elision « ... » (spaced) inside a quotation of the act may stand (else any «..» is a doubled full stop). */
  allowEllipsis?: boolean;
}

/** The checks every seed made, united: each finds text that is the engine's, never the law's or the applicant's. */
const CHECKS: Array<[string, RegExp]> = [
  // JSON pointers and rule paths ("/applicant/kind", "findings/documentsExpired", "findings.documentsExpired").
  [
    'a JSON path',
    /(^|[\s(:])\/[A-Za-z]|[a-z][A-Za-z]*\/[a-z][A-Za-z]*|\b(findings|data|external|application)[./][A-Za-z]/,
  ],
  // A raw boolean printed as a value ("documentsComplete: жоқ", "Пакет полный: нет Основание", "paid: true"): the
  // word ends the sentence or the next label follows; "данные: нет ответа ГБД ФЛ" is Russian, not a value.
  ['a raw yes/no value', /:\s*([Ии]ә|[Дд]а|[Жж]оқ|[Нн]ет|ИӘ|ДА|ЖОҚ|НЕТ)(?=[.,;)]|\s*$|\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])/],
  ['a raw yes/no value', /:\s*(true|false)\b/i],
  [
    'a translator’s mark',
    /working.translation|рабочий перевод|жұмыс аудармасы|ruStatus|translator|нумерация акта|нөмірленуі сақталды/i,
  ],
  ['a UUID', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i],
  ['a raw value', /\b(true|false|null|undefined|NaN)\b|\[object Object\]/],
  // The version ids the seeds' definitions use (the service's own ids are checked from the definitions too).
  ['a version id', /20\d\d-(order|res)-\d+|mrd-384|gov-1[01]/],
  ['an empty number', /№\s*[,.)]/],
  // "1 июня 2015 г.." (a date's abbreviation point followed by the sentence's one), «« or »».
  ['a doubled full stop or quotation mark', /\.\.|««|»»/],
  ['a note on the definition', /в этом определении|осы анықтамада/],
];

/** Text no citizen's document may hold: internal paths and keys, raw booleans, translator's marks, ids, English. */
export function internalText(text: string, options: InternalTextOptions = {}): string[] {
  const found: string[] = [];
  // The allowed addresses hold no slash, so a path after one ("egov.kz/findings/x") is still found.
  const allowed = (options.allow ?? []).reduce((t, re) => t.replace(re, ' '), text);
  const read = options.allowEllipsis ? allowed.replace(/(?<=\s)\.\.\.(?=\s)/g, '\u2026') : allowed;
  const near = (index: number) => `«${read.slice(Math.max(0, index - 30), index + 40)}»`;
  for (const [what, re] of CHECKS) {
    const m = re.exec(read);
    if (m) found.push(`${what}: ${near(m.index)}`);
  }
  for (const id of options.versionIds ?? [])
    if (read.includes(id)) found.push(`a version id: ${near(read.indexOf(id))}`);
  // Latin words, once the applicant's own words (longest first) are set aside too.
  let wording = read;
  for (const s of [...(options.ownWords ?? [])].sort((a, b) => b.length - a.length))
    wording = wording.split(s).join(' ');
  const latin = wording.match(/[A-Za-z]{2,}/g);
  if (latin) found.push(`Latin words: ${latin.join(', ')}`);
  return found;
}

export interface DocumentCase {
  service: string;
  scenario: string;
  lang: 'kk' | 'ru';
  /** The id of the document the scenario issues. */
  document: string;
  /** The act's fixed wording (the act's own phrase for the result or the refusal, or of its annex form). */
  fixed: string[];
  /** The citation of each fired ground: the act as the law cites it and the clause words. */
  citation?: string[];
  /** The fact that made the ground hold, with the scenario's concrete values. */
  fact?: string[];
  /** The officer's reasoning recorded with the finding. */
  reasoning?: string[];
  /** Words the document must not hold (a refusal titled as something else, a duty that does not apply). */
  absent?: string[];
  /** Documents the scenario must not issue (e.g. no preliminary decision for a three-day term). */
  notIssued?: string[];
}

export interface DocumentCaseOptions {
  /** The title of the citation test ("cites the regulation approved by order No. 563, …"). */
  citationTitle: string;
  /** What the citing document must never match: a ground cited as a clause of the approving order. */
  notCited?: RegExp[];
  /** The seed's allowances for the internal-text check (addresses its documents may print). */
  internal?: Omit<InternalTextOptions, 'versionIds'>;
  /** Check every document the scenario issues for internal text, not only the case's document. */
  everyDocument?: boolean;
}

/** Runs the common document tests over a table of cases (one describe per case). */
export function describeDocumentCases(cases: DocumentCase[], options: DocumentCaseOptions): void {
  describe.each(cases)('$service › $scenario ($lang, $document)', (c) => {
    let text: string;
    let ids: string[];
    let others: Array<{ id: string; text: string }>;

    beforeAll(async () => {
      const { documents } = await scenarioDocuments(c.service, c.scenario, c.lang);
      ids = documents.map((d) => d.id);
      const doc = documents.find((d) => d.id === c.document);
      text = doc ? textOf(doc.html) : '';
      others = documents.filter((d) => d !== doc).map((d) => ({ id: d.id, text: textOf(d.html) }));
    });

    test(`issues ${c.document}`, () => {
      expect(ids).toContain(c.document);
      for (const other of c.notIssued ?? []) expect(ids).not.toContain(other);
    });

    test('holds the act’s fixed wording', () => {
      for (const phrase of c.fixed) expect(text).toContain(phrase);
      for (const phrase of c.absent ?? []) expect(text).not.toContain(phrase);
    });

    if (c.citation)
      test(options.citationTitle, () => {
        for (const phrase of c.citation!) expect(text).toContain(phrase);
        for (const re of options.notCited ?? []) expect(text).not.toMatch(re);
      });

    if (c.fact)
      test('states the fact that made the ground hold, with the concrete values', () => {
        for (const phrase of c.fact!) expect(text).toContain(phrase);
      });

    if (c.reasoning)
      test('prints the officer’s reasoning', () => {
        for (const phrase of c.reasoning!) expect(text).toContain(phrase);
      });

    test('holds no internal text', () => {
      const versionIds = definitions()
        .services.get(c.service)!
        .versions.map((v) => v.id);
      const check = { ...options.internal, versionIds };
      expect(internalText(text, check)).toEqual([]);
      if (options.everyDocument)
        for (const d of others)
          expect({ id: d.id, found: internalText(d.text, check) }).toEqual({ id: d.id, found: [] });
    });
  });
}
