import type { Problem } from '../errors/problem';
import type { Act, LegalRef, ServiceDef } from '../format/types';

/**
 * What the applicant reads must cite the law as the law writes it: every act that a refusal ground or a document
 * cites needs its `citation` (name, date and number; for Rules or a regulation, the order or resolution that approved
 * them), and an approved instrument's citation must name its approving act's number, so the registry and the printed
 * text cannot drift apart.
 */

function citedActs(def: ServiceDef): Array<{ act: string; pointer: string }> {
  const out: Array<{ act: string; pointer: string }> = [];
  const add = (ref: LegalRef | undefined, pointer: string) => {
    if (ref && typeof ref.act === 'string') out.push({ act: ref.act, pointer: `${pointer}/act` });
  };
  def.versions.forEach((v, i) => {
    (v.refusalGrounds ?? []).forEach((g, j) => {
      add(g.legalRef, `/versions/${i}/refusalGrounds/${j}/legalRef`);
      add(g.basis, `/versions/${i}/refusalGrounds/${j}/basis`);
    });
    (v.documents ?? []).forEach((d, j) => add(d.legalRef, `/versions/${i}/documents/${j}/legalRef`));
  });
  return out;
}

export function checkCitations(def: ServiceDef, acts: Record<string, Act>): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const { act: id, pointer } of citedActs(def)) {
    const act = Object.hasOwn(acts, id) ? acts[id] : undefined;
    if (!act || reported.has(id)) continue;
    reported.add(id);
    if (!act.citation) {
      problems.push({
        code: 'act.citationMissing',
        kind: 'definition',
        pointer,
        params: { act: id },
        message: `act "${id}" is cited in what the applicant reads but has no citation: write how the law cites it, with its date and number, in kk (and kkGenitive) and ru, e.g. "Правила …, утверждённые приказом … от 6 мая 2013 года № 156"`,
      });
      continue;
    }
    const approver = act.approvedBy && Object.hasOwn(acts, act.approvedBy.act) ? acts[act.approvedBy.act] : undefined;
    if (act.approvedBy && !approver)
      problems.push({
        code: 'ref.unknownAct',
        kind: 'definition',
        pointer,
        params: { act: act.approvedBy.act },
        message: `act "${id}" is approved by "${act.approvedBy.act}", which is not in the acts registry`,
      });
    const number = approver?.number?.trim();
    if (number) {
      for (const lang of ['kk', 'ru'] as const)
        if (!act.citation[lang].includes(number))
          problems.push({
            code: 'act.citationMismatch',
            kind: 'definition',
            pointer,
            params: { act: id, approvedBy: act.approvedBy!.act, lang },
            message: `the ${lang} citation of "${id}" does not name No. ${number} of "${act.approvedBy!.act}", the act that approved it: "${act.citation[lang]}"`,
          });
    }
  }
  return problems;
}
