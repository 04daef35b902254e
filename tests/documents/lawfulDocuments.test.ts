import { groundsInWords, type Scenario } from '@qyzmet/engine';
import { definitions, SAMPLE_NUMBER, scenarioDocuments, scenariosOf, textOf } from './scenarioDocuments';
import { EMAIL, internalText, KZ_ADDRESS, URL } from './documentCases';

/**
 * Every document every scenario issues, in kk and ru, read as the applicant reads it: the law's citations, the facts
 * in words and the officer's reasoning, never the engine's internals (issue 15). Table-driven over the definitions on
 * disk, so a new service or scenario is checked without a line here.
 */

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
    // The applicant's own words (a foreign company's name) may be Latin; the document's wording may not.
    const ownWords = stringsIn([
      result.application.data,
      result.application.findings,
      result.application.external,
      SAMPLE_NUMBER,
    ]);
    for (const doc of documents) {
      const where = `${doc.id} (${lang})`;
      // Links, e-mail and portal addresses may be printed; the licences' grounds quote their regulation with
      // an elision ("біліктілік талаптарына ... сәйкестігін").
      const found = internalText(doc.text, {
        allow: [URL, EMAIL, KZ_ADDRESS],
        versionIds,
        ownWords,
        allowEllipsis: true,
      });
      expect({ where, found }).toEqual({ where, found: [] });
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
