import { ProblemError } from '../errors/problem';
import { ACTORS, type Actor } from '../format/types';

/**
 * The officer's reasoning: a refusal must be motivated (art. 19-1 of the Law "On state services"; the acts speak of a
 * «дәлелді бас тарту» and tell the applicant to remove "the remarks stated in the reasoned refusal"). An officer's
 * findings event that leaves a ground holding must therefore carry `data.reasoning` ({ kk?, ru? }: the state language
 * or Russian, the other optional), which the refusal prints. It is kept beside the findings, never among them: rules
 * cannot read it and it never becomes a "fact".
 */

export interface ReasoningEntry {
  at: string;
  event: string;
  actor: string;
  text: { kk?: string; ru?: string };
}

/** Roles that act for the provider (all but the applicant and the machines): their events are decisions. */
export const PROVIDER_ACTORS: ReadonlySet<Actor> = new Set(
  ACTORS.filter((a) => a !== 'applicant' && a !== 'system' && a !== 'gateway'),
);

const MAX_REASONING = 4000;

function invalid(message: string): ProblemError {
  return new ProblemError({
    code: 'event.reasoningInvalid',
    kind: 'user',
    pointer: '/data/reasoning',
    message,
  });
}

/**
 * Splits an event's data into the facts it records and the officer's reasoning (validated: an object with a kk and/or
 * ru text of at most 4,000 characters each).
 */
export function splitReasoning(data: Record<string, unknown> | undefined): {
  facts: Record<string, unknown> | undefined;
  reasoning?: { kk?: string; ru?: string };
} {
  if (!data || !Object.hasOwn(data, 'reasoning')) return { facts: data };
  const { reasoning, ...facts } = data;
  if (reasoning === null || typeof reasoning !== 'object' || Array.isArray(reasoning))
    throw invalid('reasoning must be an object with the text in kk and/or ru: { "kk": "…", "ru": "…" }');
  const text: { kk?: string; ru?: string } = {};
  for (const [lang, value] of Object.entries(reasoning)) {
    if (lang !== 'kk' && lang !== 'ru') throw invalid(`reasoning is written in kk or ru, not "${lang}"`);
    if (typeof value !== 'string') throw invalid(`reasoning.${lang} must be a text`);
    if (value.length > MAX_REASONING) throw invalid(`reasoning.${lang} is longer than ${MAX_REASONING} characters`);
    if (value.trim()) text[lang] = value.trim();
  }
  return { facts, ...(text.kk || text.ru ? { reasoning: text } : {}) };
}

/** The error when a finding that makes a ground hold comes without the officer's reasoning. */
export function reasoningRequired(event: string, grounds: string[]): ProblemError {
  return new ProblemError({
    code: 'event.reasoningRequired',
    kind: 'user',
    pointer: '/data/reasoning',
    message: `"${event}" establishes ground(s) ${grounds.join(', ')}: a refusal must be motivated, so write the reasoning (data.reasoning, in kk or ru) that the applicant will read`,
    params: { event, grounds },
  });
}
