import { domainError, type LegalRef } from '@qyzmet/engine';
import type { DefinitionDraft } from '../store/Store';

/**
 * The parts of a draft's body kept as they are sent (the act item cited, the draft's scenarios), checked for the
 * shape the API documents before they are stored: a malformed one is a 422 at its pointer, never a draft that every
 * later read answers outside its own schema.
 */

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function invalid(pointer: string, code: string, message: string) {
  return domainError('user', 'request.invalid', message, { extensions: { errors: [{ pointer, code, message }] } });
}

/**
 * The act item the body cites: undefined when it says nothing, null to cite none.
 * @example legalRefIn({ legalRef: { act: 'moj-order-156-2013', paragraph: '11' } }) // the item
 */
export function legalRefIn(body: Record<string, unknown>): LegalRef | null | undefined {
  if (!('legalRef' in body) || body.legalRef === undefined) return undefined;
  if (body.legalRef === null) return null;
  if (!isObject(body.legalRef) || typeof body.legalRef.act !== 'string' || body.legalRef.act === '')
    throw invalid('/legalRef', 'required', 'legalRef is null or an act item: { "act": "<act id>", "paragraph": "…" }');
  return body.legalRef as unknown as LegalRef;
}

/** The scenarios the body sends with the draft, each { file, scenario }; undefined when it sends none. */
export function scenariosIn(body: Record<string, unknown>): DefinitionDraft['scenarios'] | undefined {
  if (body.scenarios === undefined) return undefined;
  if (!Array.isArray(body.scenarios))
    throw invalid('/scenarios', 'type', 'scenarios is a list of { "file": "<name>.json", "scenario": { … } }');
  body.scenarios.forEach((s, i) => {
    if (!isObject(s) || typeof s.file !== 'string' || s.file === '' || !isObject(s.scenario))
      throw invalid(
        `/scenarios/${i}`,
        'required',
        'a scenario of a draft is { "file": "<name>.json", "scenario": { … } }',
      );
  });
  return body.scenarios as DefinitionDraft['scenarios'];
}
