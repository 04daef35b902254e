import type { Act, Clause, LegalRef, ServiceDef } from '../format/types';
import { forEachLegalRef } from './checkReferences';

/**
 * The clause-coverage report: each operative paragraph / annex row of the acts a service encodes, with the
 * definition elements that cite it, and the clauses nothing cites (what is not yet encoded). A clause is cited by a
 * legalRef of the same act whose seed lines overlap the clause's lines, or that names the same paragraph, or the
 * same annex row.
 */

export interface CoveredClause extends Clause {
  citedBy: string[];
}

export interface ActCoverage {
  act: string;
  title: Act['title'];
  clauses: CoveredClause[];
}

export interface CoverageReport {
  serviceId: string;
  acts: ActCoverage[];
  /** Operative clauses no element cites and no reason explains. */
  uncited: Array<{ act: string; clause: string; lines: number[]; summary: string }>;
  counts: { clauses: number; cited: number; explained: number; uncited: number };
}

function cites(ref: LegalRef, clause: Clause): boolean {
  if (ref.lines && clause.lines) {
    const [from, to] = [ref.lines[0], ref.lines[ref.lines.length - 1]];
    const [cFrom, cTo] = [clause.lines[0], clause.lines[clause.lines.length - 1]];
    if (from <= cTo && to >= cFrom) return true;
  }
  if (clause.annex !== undefined)
    return ref.annex === clause.annex && (clause.row === undefined || ref.row === clause.row);
  if (clause.paragraph !== undefined)
    return (
      ref.paragraph === clause.paragraph &&
      !ref.annex &&
      (clause.article === undefined || ref.article === clause.article)
    );
  return false;
}

/** @example clauseCoverage(service.def, service.acts).uncited // [] when every operative clause is encoded */
export function clauseCoverage(def: ServiceDef, acts: Record<string, Act>): CoverageReport {
  const refs: Array<{ ref: LegalRef; pointer: string }> = [];
  forEachLegalRef(def, '', (ref, pointer) => refs.push({ ref, pointer }));
  // The acts a version is produced by carry the references of their own timeline (entry into force, repeal).
  for (const actId of new Set(def.versions.flatMap((v) => v.producedBy))) {
    if (acts[actId])
      forEachLegalRef({ ...acts[actId], clauses: undefined }, `acts:${actId}`, (ref, pointer) =>
        refs.push({ ref, pointer }),
      );
  }
  const citedActs = new Set(refs.map((r) => r.ref.act));
  const report: CoverageReport = {
    serviceId: def.id,
    acts: [],
    uncited: [],
    counts: { clauses: 0, cited: 0, explained: 0, uncited: 0 },
  };
  for (const [id, act] of Object.entries(acts)) {
    const clauses = (act.clauses ?? []).filter((c) => (c.services ? c.services.includes(def.id) : citedActs.has(id)));
    if (clauses.length === 0) continue;
    const covered = clauses.map((c) => ({
      ...c,
      citedBy: refs.filter((r) => r.ref.act === id && cites(r.ref, c)).map((r) => r.pointer),
    }));
    report.acts.push({ act: id, title: act.title, clauses: covered });
    for (const c of covered) {
      report.counts.clauses++;
      if (c.citedBy.length) report.counts.cited++;
      else if (c.status === 'not-encoded' || c.status === 'not-applicable') report.counts.explained++;
      else {
        report.counts.uncited++;
        report.uncited.push({ act: id, clause: c.id, lines: c.lines, summary: c.summary });
      }
    }
  }
  return report;
}
