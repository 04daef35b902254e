import { useTranslation } from 'react-i18next';
import { labelOf, schemaAt, valueText } from './DataView';
import { pick, type Fact, type LegalRef, type RefusalGround, type ServiceDetail } from './common';

/** "Order of the Minister of Justice … № 156, 2013-04-12, annex 2, row 9, subparagraph 1" in the UI language. */
export function LegalRefText({
  legalRef,
  service,
  lang,
  short = false,
}: {
  legalRef: LegalRef;
  service: ServiceDetail | null;
  lang: string;
  short?: boolean;
}) {
  const { t } = useTranslation('officer');
  const act = service?.acts?.[legalRef.act];
  const parts: string[] = [];
  const order: Array<[keyof LegalRef, string]> = [
    ['annex', 'refAnnex'],
    ['row', 'refRow'],
    ['article', 'refArticle'],
    ['paragraph', 'refParagraph'],
    ['part', 'refPart'],
    ['subparagraph', 'refSubparagraph'],
  ];
  for (const [k, key] of order)
    if (legalRef[k] !== undefined && legalRef[k] !== null) parts.push(t(key, { v: String(legalRef[k]) }));
  const title = act?.title ? pick(act.title, lang) : legalRef.act;
  const date =
    act?.date && /^\d{4}-\d{2}-\d{2}$/.test(act.date) ? act.date.split('-').reverse().join('.') : (act?.date ?? '');
  const number = act?.number ? t('actNumber', { number: act.number, date }) : '';
  // The short form (in the officer's checklist) leaves out the act's long title, kept in a tooltip.
  const head = short && number ? number : `${title}${number ? ` (${number})` : ''}`;
  return (
    <span className="legal-ref-text" data-act={legalRef.act} title={short ? title : undefined}>
      {head}
      {parts.length ? `, ${parts.join(', ')}` : ''}
    </span>
  );
}

function FactText({ fact, service, lang }: { fact: Fact; service: ServiceDetail | null; lang: string }) {
  const { t } = useTranslation('officer');
  const yesNo: [string, string] = [t('yes'), t('no')];
  const schema = fact.fact === 'data' && fact.path ? schemaAt(service?.version.form, fact.path) : undefined;
  const name =
    fact.fact === 'data' && fact.path ? labelOf(schema, fact.path, lang) : (fact.path ?? '').replace(/^\//, '');
  const actual = 'actual' in fact ? valueText(fact.actual, schema, lang, yesNo) : '—';
  return (
    <>
      {t(`fact.${fact.fact}`, { defaultValue: fact.fact })}: <b>{name}</b> = {actual}
    </>
  );
}

/** The motivated refusal: each ground's message, its legal reference, and the facts that made it fire. */
export function RefusalView({
  grounds,
  service,
  lang,
}: {
  grounds: RefusalGround[];
  service: ServiceDetail | null;
  lang: string;
}) {
  const { t } = useTranslation('officer');
  return (
    <section className="card refusal" aria-labelledby="refusal-title">
      <h2 id="refusal-title">{t('refusal')}</h2>
      <p>{t('refusalIntro')}</p>
      <ol>
        {grounds.map((g) => (
          <li key={g.id} className="ground" data-ground={g.id}>
            <p>{g.message}</p>
            <div className="legal-ref">
              <b>{t('legalRef')}:</b> <LegalRefText legalRef={g.legalRef} service={service} lang={lang} />
            </div>
            {g.facts && g.facts.length > 0 && (
              <div className="muted">
                {t('facts')}:
                <ul>
                  {g.facts.map((f, i) => (
                    <li key={i}>
                      <FactText fact={f} service={service} lang={lang} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
