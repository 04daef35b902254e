import { renderDocument, type DocumentContext, type DocumentLegalRef, type DocumentRefusalGround } from '../documents';
import { isProvisional } from '../calendar/provisional';
import type { CompiledVersion } from '../compiler/compileService';
import type { FiredGround } from '../rules';
import type { ApplicationState, IssuedDocument } from './applicationState';

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
  const service = version.service.def;
  const acts = version.service.acts;
  const latest = app.reasoning?.at(-1)?.text;
  const context: DocumentContext = {
    lang,
    data: app.data,
    application: {
      id: app.id,
      registeredAt: app.registeredAt,
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
    provisionalDueDates: app.deadlines.filter((d) => d.dueAt && isProvisional(d.explanation)).map((d) => d.dueAt!),
    now: doc.issuedAt,
  };
  // A ground as documents show it: the act record (how the law cites it) instead of its id, and the fact that made
  // it hold as a sentence in the document's language, never the rule's paths and raw values.
  const forDocument = (g: FiredGround): DocumentRefusalGround => ({
    id: g.id,
    legalRef: { ...g.legalRef, act: (acts[g.legalRef.act] as DocumentLegalRef['act'] | undefined) ?? g.legalRef.act },
    message: g.message,
    text: g.text,
    fact: version.groundFacts.get(g.id)?.[lang].render(context).trim() || undefined,
  });
  context.refusal = app.refusal ? { grounds: app.refusal.grounds.map(forDocument) } : undefined;
  context.grounds = (app.grounds ?? []).map(forDocument);
  return { html: renderDocument(compiled.templates[lang], context).html, title: doc.title[lang] };
}
