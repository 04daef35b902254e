import type { ChangeRecord } from '../format/applyAmendments';
import { escapeSegment, getAtPointer, parsePointer } from '../format/jsonPointer';
import type { Act, LegalRef } from '../format/types';
import type { CompiledService } from './compileService';

/**
 * The provenance of a service's versions in words: for every element an amending act changed, which item of which
 * act did it, when that took effect, and what was there before ("deadline `service` case 1 duration: changed by
 * order No. 999 p.1 sub. 1, in force 21.12.2026; before: 1 workingDays"). Read by `qyzmet coverage`, the admin API and
 * the workbench's review.
 */

export interface AmendmentLine {
  version: string;
  basedOn: string;
  pointer: string;
  /** The element in words: "deadline `service` case 1 duration". */
  element: string;
  op: ChangeRecord['op'];
  /** The act item in words: "resolution No. 93 p.10", or the act id where the registry lacks a number. */
  actItem: string;
  legalRef: LegalRef;
  /** The version whose changes made it (a change inherited through a chain names the older version). */
  changedIn: string;
  inForce: string | null;
  provisional: boolean;
  before?: unknown;
  after?: unknown;
}

const MAPS = new Set(['states', 'events', 'conditions', 'properties']);
/** Containers that add nothing to a name: "event `X`" says enough without "machine". */
const SILENT = new Set(['machine', 'form']);
const singular = (key: string) => key.replace(/ies$/, 'y').replace(/s$/, '');

/** Names the element at `pointer` of `version` by the ids it passes through. */
export function describeElement(version: unknown, pointer: string): string {
  const words: string[] = [];
  let path = '';
  let parentKey = '';
  for (const seg of parsePointer(pointer)) {
    path += '/' + escapeSegment(seg);
    const value = getAtPointer(version, path);
    if (/^\d+$/.test(seg)) {
      const id = (value as { id?: unknown } | undefined)?.id;
      words.push(
        typeof id === 'string' ? `${singular(parentKey)} \`${id}\`` : `${singular(parentKey)} ${Number(seg) + 1}`,
      );
    } else if (MAPS.has(parentKey)) words.push(`${singular(parentKey)} \`${seg}\``);
    else if (!MAPS.has(seg) && !SILENT.has(seg) && !Array.isArray(value)) words.push(seg);
    parentKey = seg;
  }
  return words.join(' ') || 'the whole version';
}

/** "resolution No. 93 p.10 sub. 1" from a legalRef and the acts registry. */
export function describeActItem(ref: LegalRef, acts: Record<string, Act>): string {
  const act = acts[ref.act];
  const name = act?.number ? `${act.type} No. ${act.number}` : ref.act;
  const parts = [
    ref.article && `art. ${ref.article}`,
    ref.paragraph && `p.${ref.paragraph}`,
    ref.subparagraph && `sub. ${ref.subparagraph}`,
    ref.annex && `annex ${ref.annex}`,
    ref.row && `row ${ref.row}`,
  ].filter(Boolean);
  return [name, ...parts].join(' ');
}

/**
 * @example
 *   amendmentReport(service).find((l) => l.version === '2017-res-93')
 *   // { element: 'refusalGround `incomplete-package`', op: 'add', actItem: 'resolution No. 93',
 *   //   inForce: '2017-04-23', … }
 */
export function amendmentReport(service: CompiledService): AmendmentLine[] {
  const lines: AmendmentLine[] = [];
  for (const v of service.versions) {
    if (!v.provenance.basedOn) continue;
    for (const r of v.provenance.changes) {
      const maker = service.versions.find((x) => x.id === r.version) ?? v;
      // A removed element is named as it stood in the version the removal was applied to.
      const named =
        r.op === 'remove' ? (service.versions.find((x) => x.id === maker.provenance.basedOn)?.def ?? v.def) : v.def;
      lines.push({
        version: v.id,
        basedOn: v.provenance.basedOn,
        pointer: r.pointer,
        element: describeElement(named, r.pointer),
        op: r.op,
        actItem: describeActItem(r.legalRef, service.acts),
        legalRef: r.legalRef,
        changedIn: r.version,
        inForce: maker.effectiveFrom,
        provisional: maker.provisional,
        ...(r.before !== undefined ? { before: r.before } : {}),
        ...(r.after !== undefined ? { after: r.after } : {}),
      });
    }
  }
  return lines;
}
