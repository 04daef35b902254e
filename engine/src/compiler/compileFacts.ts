import { createDocumentRenderer, type CompiledTemplate } from '../documents';
import { isProblemError, type Problem } from '../errors/problem';
import { appendPointer } from '../format/jsonPointer';
import type { I18n, VersionDef } from '../format/types';
import { missingPlaceholders } from './placeholders';

/**
 * The facts in words: each refusal ground (and named condition) says, in one sentence per language, the fact that made
 * it hold ("Срок действия документа … истёк 3 марта 2026 г."). The sentences are Handlebars over data, findings,
 * external and application, compiled here like document templates, so a misspelt helper or an unknown form field is
 * the definition's located error, not a blank in a refusal.
 */

/** A ground's fact sentence, compiled per document language. */
export type CompiledFact = { kk: CompiledTemplate; ru: CompiledTemplate };

const factRenderer = createDocumentRenderer({ plainText: true });

function compileFact(
  fact: I18n,
  id: string,
  pointer: string,
  form: VersionDef['form'],
  problems: Problem[],
): CompiledFact | undefined {
  const out: Partial<CompiledFact> = {};
  for (const lang of ['kk', 'ru'] as const) {
    const at = `${pointer}/${lang}`;
    const text = fact[lang];
    if (typeof text !== 'string' || !text.trim()) {
      problems.push({
        code: 'ground.factMissing',
        kind: 'definition',
        pointer: at,
        message: `the fact of "${id}" has no ${lang} sentence: the refusal is printed in both languages`,
      });
      continue;
    }
    try {
      out[lang] = factRenderer.compile(text, { documentId: `fact:${id}`, lang });
    } catch (e) {
      if (!isProblemError(e)) throw e;
      problems.push({
        ...e.problem,
        kind: 'definition',
        pointer: at,
        message: `fact of "${id}" (${lang}): ${e.problem.message}`,
      });
      continue;
    }
    for (const missing of missingPlaceholders(out[lang]!.placeholders, form))
      problems.push({
        code: 'document.unknownPlaceholder',
        kind: 'definition',
        pointer: at,
        message: `the fact of "${id}" uses "${missing}", which the form does not declare`,
      });
  }
  return out.kk && out.ru ? (out as CompiledFact) : undefined;
}

/**
 * Compiles the fact sentences of a version's grounds (by ground id) and checks those of its named conditions. A ground
 * without a fact is an error: the applicant would read a ground without the fact that made it hold.
 */
export function compileFacts(v: VersionDef, at: string, problems: Problem[]): Map<string, CompiledFact> {
  const facts = new Map<string, CompiledFact>();
  (v.refusalGrounds ?? []).forEach((g, i) => {
    const pointer = `${at}/refusalGrounds/${i}/fact`;
    if (!g.fact) {
      problems.push({
        code: 'ground.factMissing',
        kind: 'definition',
        pointer,
        message: `ground "${g.id}" has no fact: say in one sentence per language what fact made it hold (e.g. "Срок действия документа {{findings.document}} истёк"), so the refusal names a concrete reason`,
      });
      return;
    }
    const compiled = compileFact(g.fact, g.id, pointer, v.form, problems);
    if (compiled) facts.set(g.id, compiled);
  });
  for (const [name, c] of Object.entries(v.conditions ?? {}))
    if (c.fact) compileFact(c.fact, name, appendPointer(at, 'conditions', name, 'fact'), v.form, problems);
  return facts;
}
