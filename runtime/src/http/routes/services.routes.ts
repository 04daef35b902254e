import { Router } from 'express';
import {
  describeVersions,
  domainError,
  formatLegalRef,
  isProblemError,
  startOfCivilDay,
  toLocalIso,
  versionInForce,
  type Act,
  type CompiledService,
  type CompiledVersion,
  type Condition,
  type LegalRef,
} from '@qyzmet/engine';
import { nowIso, type RuntimeContext } from '../../runtimeContext';
import { isIsoInstant, queryError } from '../requestGuards';
import { factInApiWords, machineInApiWords, namedInApiWords, partyInApiWords } from './inApiWords';

/** The public catalogue: services, the version in force (now or at a date), and every version with its period. */

/**
 * The officer's findings that make a ground hold, read off its condition (leaves over the fact "findings"): what an
 * officer's event must carry to establish the ground, e.g. { key: "documentsUnreliable", value: true }.
 */
function findingsOf(c: Condition): Array<{ key: string; value: unknown }> {
  if ('all' in c) return c.all.flatMap(findingsOf);
  if ('any' in c) return c.any.flatMap(findingsOf);
  if ('not' in c || 'condition' in c) return [];
  if (c.fact !== 'findings' || !c.path) return [];
  const key = c.path.replace(/^\//, '');
  if (c.operator === 'isTrue') return [{ key, value: true }];
  if (c.operator === 'isFalse') return [{ key, value: false }];
  if (c.operator === 'equal') return [{ key, value: c.value }];
  return [];
}

function versionSummary(v: CompiledVersion) {
  return {
    id: v.id,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    provisional: v.provisional,
    effectiveFromHow: v.effectiveFromHow,
    effectiveToHow: v.effectiveToHow,
    producedBy: v.def.producedBy,
    partial: v.def.partial ?? [],
    label: v.def.label ?? null,
  };
}

/** A legal reference as the law cites it, in kk and ru: the act's citation from the acts registry, then the clause. */
function citationOf(s: CompiledService, ref: LegalRef): { kk: string; ru: string } {
  const cited = { ...ref, act: s.acts[ref.act] ?? ref.act };
  return { kk: formatLegalRef(cited, 'kk'), ru: formatLegalRef(cited, 'ru') };
}

/**
 * The overall term (`service` deadline) of a version, for the applicant's catalogue: the distinct durations of its
 * cases in order ("1 workingDays", "3 workingDays"; empty when the act that sets it is not encoded) and its citation.
 */
function termOf(s: CompiledService, v: CompiledVersion | undefined) {
  const d = v?.def.deadlines.find((x) => x.id === 'service');
  if (!d) return null;
  const durations = [...new Set((d.cases ?? []).map((c) => c.duration))];
  return { durations, citation: citationOf(s, d.legalRef) };
}

function serviceSummary(s: CompiledService, at: string) {
  const inForce = s.versionAt(Date.parse(at));
  return {
    id: s.id,
    name: s.def.label,
    kind: s.def.kind,
    providers: s.def.providers.map((p) => ({ id: p.id, name: p.label })),
    channels: s.def.channels.map((c) => c.id),
    versionInForce: inForce?.id ?? null,
    versions: s.versions.map(versionSummary),
    // The catalogue's card: what it costs and how long it takes, without a request per service.
    fee: factInApiWords(s.def.fee),
    term: termOf(s, inForce),
  };
}

/** ?at= as an instant: a date is the start of that civil day in the zone; anything else is a 400 naming it. */
function atOfQuery(q: string, zone: string): string {
  const bad = () => queryError('at', 'request.at', `at="${q}" is not a date (YYYY-MM-DD) or an ISO instant`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(q)) {
    if (!isIsoInstant(q)) throw bad();
    return q;
  }
  try {
    return toLocalIso(startOfCivilDay(q, zone), zone);
  } catch (e) {
    if (isProblemError(e)) throw bad();
    throw e;
  }
}

const actsNamed = new WeakMap<CompiledService, Record<string, Act>>();

/**
 * The acts a service's definition names anywhere, once per compiled service: the applicant's start page asks for
 * them on every visit, and finding them stringified the whole definition once for each act (~10 ms a request).
 */
function actsNamedBy(s: CompiledService): Record<string, Act> {
  let acts = actsNamed.get(s);
  if (!acts) {
    const text = JSON.stringify(s.def);
    acts = Object.fromEntries(Object.entries(s.acts).filter(([id]) => text.includes(`"${id}"`)));
    actsNamed.set(s, acts);
  }
  return acts;
}

export function servicesRoutes(ctx: RuntimeContext): Router {
  const r = Router();
  const get = (id: string) => {
    const s = ctx.repo.services.get(id);
    if (!s) throw domainError('notFound', 'service.unknown', `no service "${id}"; see GET /api/v1/services`);
    return s;
  };
  r.get('/services', (_req, res) => {
    const at = nowIso(ctx);
    res.json({ items: [...ctx.repo.services.values()].map((s) => serviceSummary(s, at)) });
  });
  r.get('/services/:id', (req, res) => {
    const s = get(req.params.id);
    const q = typeof req.query.at === 'string' ? req.query.at : null;
    // ?at= takes a date (the start of that civil day in the service's zone: UTC+6 before 2024-03-01) or an instant.
    const zone = s.workingTime.timeZone;
    const at = q === null ? nowIso(ctx, s) : atOfQuery(q, zone);
    let v: CompiledVersion;
    try {
      v = versionInForce(s, at);
    } catch (e) {
      if (isProblemError(e) && e.problem.code === 'version.notInForce')
        throw domainError('notFound', 'version.notInForce', e.problem.message, {
          extensions: { serviceId: s.id, at, ...(e.problem.params ?? {}) },
        });
      throw e;
    }
    const def = s.def;
    res.json({
      id: s.id,
      // The instant the version in force was chosen for (now, or ?at=), with the local offset of that date.
      at,
      // The API's words, not the definition's (inApiWords.ts): label is name, a fact's description is text.
      name: def.label,
      kind: def.kind,
      providers: def.providers.map(partyInApiWords),
      recipients: def.recipients.map(partyInApiWords),
      channels: def.channels.map(partyInApiWords),
      serviceForm: factInApiWords(def.serviceForm),
      fee: factInApiWords(def.fee),
      schedule: factInApiWords(def.schedule),
      registration: def.registration,
      // The acts the service rests on, cited as the law writes them (the applicant's start page).
      legalBasis: (def.legalBasis ?? []).map((ref) => ({ legalRef: ref, citation: citationOf(s, ref) })),
      version: {
        ...versionSummary(v),
        variants: (v.def.variants ?? []).map(namedInApiWords),
        form: v.def.form,
        refusalGrounds: (v.def.refusalGrounds ?? []).map((g) => ({
          id: g.id,
          kind: g.kind ?? 'refusal',
          text: g.text,
          legalRef: g.legalRef,
          decidedBy: g.decidedBy ?? 'rule',
          findings: findingsOf(g.when),
        })),
        deadlines: v.def.deadlines.map(namedInApiWords),
        documents: (v.def.documents ?? []).map((d) => ({
          id: d.id,
          title: d.label,
          kind: d.kind,
          legalRef: d.legalRef,
          annexMissing: d.annexMissing ?? null,
        })),
        machine: machineInApiWords(v.def.machine),
        notEncoded: v.def.notEncoded ?? [],
      },
      acts: actsNamedBy(s),
    });
  });
  r.get('/services/:id/versions', (req, res) => {
    const s = get(req.params.id);
    res.json({ serviceId: s.id, items: s.versions.map(versionSummary), summary: describeVersions(s) });
  });
  return r;
}
