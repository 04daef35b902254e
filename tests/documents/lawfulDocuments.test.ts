import { groundsInWords, type Scenario } from '@qyzmet/engine';
import { definitions, SAMPLE_NUMBER, scenarioDocuments, scenariosOf, textOf } from './scenarioDocuments';

/**
 * Every document every scenario issues, in kk and ru, read as the applicant reads it: the law's citations, the facts
 * in words and the officer's reasoning, never the engine's internals (issue 15). Table-driven over the definitions on
 * disk, so a new service or scenario is checked without a line here.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A rule's fact path ("findings/documentsUnreliable", "/applicant/kind"): what the old notices printed. */
const FACT_PATH = /\b(?:data|findings|external|application)\/[A-Za-z]|(?:^|\s)\/[a-z][A-Za-z]+\/[a-z]/;
/** A raw boolean printed as a value ("documentsComplete: жоқ"). */
const RAW_FACT = /[A-Za-z]+: (?:иә|да|жоқ|нет|true|false)\b/;
const TRANSLATION_NOTE = /working.translation|рабочий перевод|жұмыс аудармасы|ruStatus|translator/i;
/** Latin words of three letters or more: English or internal keys in a kk/ru document (URLs and e-mail excepted). */
const LATIN_WORD = /(?<![\w.@/:-])[A-Za-z]{3,}(?![\w.@/-])/g;

/** Every text inside a JSON value, longest first (so a name is removed before a word inside it). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.trim()) out.push(value.trim());
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out.sort((a, b) => b.length - a.length);
}

const services = [...definitions().services.keys()].sort();

const cases: Array<[string, string, Scenario]> = services.flatMap((id) =>
  [...scenariosOf(id)].map(([file, scenario]) => [id, file, scenario] as [string, string, Scenario]),
);

test('every service compiles and has scenarios to read', () => {
  expect(services.length).toBeGreaterThanOrEqual(12);
  expect(cases.length).toBeGreaterThan(200);
});

describe.each(['kk', 'ru'] as const)('documents in %s', (lang) => {
  test.each(cases)('%s › %s: no internal text', async (serviceId, file) => {
    const { result, documents } = await scenarioDocuments(serviceId, file, lang, SAMPLE_NUMBER);
    const versionIds = definitions()
      .services.get(serviceId)!
      .versions.map((v) => v.id);
    for (const doc of documents) {
      const where = `${doc.id} (${lang})`;
      expect({ where, uuid: UUID.exec(doc.text)?.[0] ?? null }).toEqual({ where, uuid: null });
      expect({ where, path: FACT_PATH.exec(doc.text)?.[0] ?? null }).toEqual({ where, path: null });
      expect({ where, raw: RAW_FACT.exec(doc.text)?.[0] ?? null }).toEqual({ where, raw: null });
      expect({ where, note: TRANSLATION_NOTE.exec(doc.text)?.[0] ?? null }).toEqual({ where, note: null });
      // A date's own abbreviation point followed by the sentence's one ("1 июня 2015 г..").
      expect({ where, doubledPoint: /г\.\./.exec(doc.text)?.[0] ?? null }).toEqual({ where, doubledPoint: null });
      expect({ where, version: versionIds.filter((v) => doc.text.includes(v)) }).toEqual({ where, version: [] });
      // The applicant's own words (a foreign company's name) may be Latin; the document's wording may not.
      const ownWords = stringsIn([
        result.application.data,
        result.application.findings,
        result.application.external,
        SAMPLE_NUMBER,
      ]);
      const wording = ownWords.reduce((text, s) => text.split(s).join(' '), doc.text.replace(/https?:\/\/\S+/g, ''));
      const latin = [...wording.matchAll(LATIN_WORD)].map((m) => m[0]);
      expect({ where, latin }).toEqual({ where, latin: [] });
    }
    expect(result.documents.length).toBe(documents.length);
  });

  test.each(cases.filter(([, , s]) => (s.expect.refusalGrounds ?? []).length > 0))(
    '%s › %s: the refusal cites each ground as the law does, with its fact and the reasoning',
    async (serviceId, file) => {
      const { result, documents } = await scenarioDocuments(serviceId, file, lang, SAMPLE_NUMBER);
      const service = definitions().services.get(serviceId)!;
      const version = service.versions.find((v) => v.id === result.version)!;
      // The refusal, return notice or message the act prescribes for this outcome (its kind varies by act).
      const text = documents.map((d) => d.text).join('\n');
      expect({ file, documents: documents.length > 0 }).toEqual({ file, documents: true });
      for (const g of groundsInWords(version, result.application, lang, result.application.updatedAt)) {
        expect({ ground: g.id, citation: text.includes(textOf(g.citation)) }).toEqual({
          ground: g.id,
          citation: true,
        });
        expect({ ground: g.id, fact: g.fact !== undefined && text.includes(textOf(g.fact)) }).toEqual({
          ground: g.id,
          fact: true,
        });
      }
      const reasoning = result.application.reasoning?.at(-1)?.text;
      if (reasoning) {
        const printed = reasoning[lang] ?? reasoning.kk ?? reasoning.ru ?? '';
        expect({ reasoning: text.includes(textOf(printed)) }).toEqual({ reasoning: true });
      }
    },
  );
});
