import {
  formatLegalRef,
  renderDocument,
  type DocumentContext,
  type DocumentLegalRef,
  type DocumentRefusalGround,
} from '../documents';
import { provisionalOf } from './lazyExplanation';
import type { CompiledVersion } from '../compiler/compileService';
import type { FiredGround } from '../rules';
import { shownRegistration, type ApplicationState, type IssuedDocument } from './applicationState';

/**
 * What a document (or a ground's fact sentence) sees of an application, in kk or ru, at the instant `now`: data,
 * findings, external data, deadlines, the officer's latest reasoning. Grounds are added by the caller.
 */
function applicationContext(
  version: CompiledVersion,
  app: ApplicationState,
  lang: 'kk' | 'ru',
  now: string,
): DocumentContext {
  const service = version.service.def;
  const latest = app.reasoning?.at(-1)?.text;
  return {
    lang,
    data: app.data,
    application: {
      id: app.id,
      number: app.number ?? null,
      registeredAt: shownRegistration(app),
      serviceId: app.serviceId,
      version: app.version,
      channel: app.channel,
      state: app.state,
    },
    service: {
      id: service.id,
      label: service.label,
      provider: service.providers[0] as unknown as Record<string, unknown>,
    },
    findings: app.findings,
    external: app.external,
    ...(latest ? { reasoning: latest } : {}),
    deadlines: Object.fromEntries(app.deadlines.filter((d) => d.dueAt).map((d) => [d.id, d.dueAt!])),
    provisionalDueDates: app.deadlines.filter((d) => d.dueAt && provisionalOf(d)).map((d) => d.dueAt!),
    now,
  };
}

/**
 * A ground as documents show it: the act record (how the law cites it) instead of its id, and the fact that made it
 * hold as a sentence in the document's language, never the rule's paths and raw values.
 */
function groundForDocument(version: CompiledVersion, context: DocumentContext, g: FiredGround): DocumentRefusalGround {
  const act = version.service.acts[g.legalRef.act] as DocumentLegalRef['act'] | undefined;
  return {
    id: g.id,
    legalRef: { ...g.legalRef, act: act ?? g.legalRef.act },
    message: g.message,
    text: g.text,
    // A list of conditional items ends the sentence with the last item's separator: the sentence ends with a point.
    fact:
      version.groundFacts
        .get(g.id)
        ?.[context.lang].render(context)
        .trim()
        .replace(/\s*[;,]$/, '.') || undefined,
  };
}

/**
 * Renders a document the application was issued, in kk or ru, from the application's own state (data, deadlines,
 * refusal grounds). Pure: `now` is the issue instant stored with the document.
 */
export function renderIssuedDocument(
  version: CompiledVersion,
  app: ApplicationState,
  doc: IssuedDocument,
  lang: 'kk' | 'ru',
): { html: string; title: string } {
  const compiled = version.documents.get(doc.id);
  if (!compiled) throw new Error(`document "${doc.id}" is not declared in ${version.service.id}@${version.id}`);
  const context = applicationContext(version, app, lang, doc.issuedAt);
  context.document = { id: doc.id, number: doc.number ?? null, issuedAt: doc.issuedAt, title: doc.title[lang] };
  // The refusal's grounds are usually the very grounds that hold: a sentence is rendered once per document, unless
  // it reads the refusal or the grounds themselves (the second list is rendered with the refusal in the context).
  const shown = new Map<FiredGround, DocumentRefusalGround>();
  const grounds = (list: FiredGround[]) =>
    list.map((g) => {
      let d = shown.get(g);
      if (!d) {
        d = groundForDocument(version, context, g);
        const reads = version.groundFacts.get(g.id)?.[lang].placeholders ?? [];
        if (!reads.some((p) => /^(refusal|grounds)\b/.test(p))) shown.set(g, d);
      }
      return d;
    });
  context.refusal = app.refusal ? { grounds: grounds(app.refusal.grounds) } : undefined;
  context.grounds = grounds(app.grounds ?? []);
  return { html: renderDocument(compiled.templates[lang], context).html, title: doc.title[lang] };
}

/** A refusal ground as people read it (the applicant's and the officer's pages): citation and fact, in words. */
export interface GroundInWords {
  id: string;
  /** The clause as the law cites it ("Правила …, утверждённые приказом … № 156, пункт 9, подпункт 2)"). */
  citation: string;
  /** The fact that made the ground hold, or undefined when the definition gives none. */
  fact?: string;
}

/** The grounds of an application's refusal (or, before one, the grounds that hold now) in kk or ru, at `now`. */
export function groundsInWords(
  version: CompiledVersion,
  app: ApplicationState,
  lang: 'kk' | 'ru',
  now: string,
): GroundInWords[] {
  const context = applicationContext(version, app, lang, now);
  return (app.refusal?.grounds ?? app.grounds ?? []).map((g) => {
    const shown = groundForDocument(version, context, g);
    return { id: g.id, citation: formatLegalRef(shown.legalRef, lang), ...(shown.fact ? { fact: shown.fact } : {}) };
  });
}
