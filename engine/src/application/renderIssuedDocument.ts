import { renderDocument, type DocumentContext } from '../documents';
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
  // A ground as documents show it: the act's title instead of its id, the facts as "fact/path: value".
  const forDocument = (g: FiredGround) => ({
    id: g.id,
    legalRef: { ...g.legalRef, act: acts[g.legalRef.act]?.title ?? g.legalRef.act },
    message: g.message,
    text: g.text,
    facts: Object.fromEntries(g.facts.map((f) => [`${f.fact}${f.path ?? ''}`, f.actual])),
  });
  const context: DocumentContext = {
    lang,
    data: app.data,
    application: {
      id: app.id,
      number: app.number ?? null,
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
    refusal: app.refusal ? { grounds: app.refusal.grounds.map(forDocument) } : undefined,
    grounds: (app.grounds ?? []).map(forDocument),
    findings: app.findings,
    external: app.external,
    deadlines: Object.fromEntries(app.deadlines.filter((d) => d.dueAt).map((d) => [d.id, d.dueAt!])),
    provisionalDueDates: app.deadlines.filter((d) => d.dueAt && isProvisional(d.explanation)).map((d) => d.dueAt!),
    now: doc.issuedAt,
    document: { id: doc.id, number: doc.number ?? null, issuedAt: doc.issuedAt },
  };
  return { html: renderDocument(compiled.templates[lang], context).html, title: doc.title[lang] };
}
