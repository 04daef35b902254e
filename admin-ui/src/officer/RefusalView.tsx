import { useTranslation } from 'react-i18next';
import { KAZAKHSTAN_TIME_ZONE, toDottedDateTime } from '../../../engine/src/calendar/localTime';
import { pick, type LegalRef, type Reasoning, type RefusalGround, type ServiceDetail, type Text } from './common';

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

/** The language of the reasoning to show: the UI's when the officer wrote it, else the one they wrote. */
function reasoningText(text: Reasoning['text'], lang: string): { text: string; lang: 'kk' | 'ru' } | null {
  const first: 'kk' | 'ru' = lang === 'kk' ? 'kk' : 'ru';
  const other = first === 'kk' ? 'ru' : 'kk';
  if (text[first]) return { text: text[first], lang: first };
  if (text[other]) return { text: text[other], lang: other };
  return null;
}

/**
 * The motivated refusal as the applicant reads it: each ground's message, the clause as the law cites it and the
 * fact that made it hold, in words (the API's `citation` and `fact`, the same words the documents print), then the
 * officer's reasoning. Never the rule's paths or raw values.
 */
export function RefusalView({
  grounds,
  reasoning,
  lang,
  roles,
}: {
  grounds: RefusalGround[];
  reasoning: Reasoning[];
  lang: string;
  /** The definition's roles: a reasoning's author is named by their role's name where the definition gives one. */
  roles?: Record<string, { name?: Text }>;
}) {
  const { t } = useTranslation('officer');
  const texts = reasoning
    .map((r) => ({ r, shown: reasoningText(r.text, lang) }))
    .filter((x): x is { r: Reasoning; shown: NonNullable<ReturnType<typeof reasoningText>> } => x.shown !== null);
  return (
    <section className="card refusal" aria-labelledby="refusal-title">
      <h2 id="refusal-title">{t('refusal')}</h2>
      <p>{t('refusalIntro')}</p>
      <ol>
        {grounds.map((g) => (
          <li key={g.id} className="ground" data-ground={g.id}>
            <p>{g.message}</p>
            {g.citation && (
              <div className="legal-ref">
                <b>{t('legalRef')}:</b>{' '}
                <span className="legal-ref-text citation" data-act={g.legalRef.act} lang={lang === 'kk' ? 'kk' : 'ru'}>
                  {g.citation}
                </span>
              </div>
            )}
            {g.fact && (
              <div className="fact">
                <b>{t('factEstablished')}:</b> <span lang={lang === 'kk' ? 'kk' : 'ru'}>{g.fact}</span>
              </div>
            )}
          </li>
        ))}
      </ol>
      {texts.length > 0 && (
        <div className="reasoning">
          <h3>{t('reasoningTitle')}</h3>
          {texts.map(({ r, shown }) => (
            <blockquote key={`${r.at}-${r.actor}`} lang={shown.lang}>
              <p>{shown.text}</p>
              <footer className="muted">
                {roles?.[r.actor]?.name
                  ? pick(roles[r.actor].name, lang)
                  : t(`actor.${r.actor}`, { defaultValue: t('actor.official') })}
                , <time dateTime={r.at}>{toDottedDateTime(r.at, KAZAKHSTAN_TIME_ZONE)}</time>
              </footer>
            </blockquote>
          ))}
        </div>
      )}
    </section>
  );
}
