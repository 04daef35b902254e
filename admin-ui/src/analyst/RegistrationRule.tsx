import { formatLegalRef, type Act, type ServiceDef } from '@qyzmet/engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLang } from '../i18n';

type Texts = { kk?: string; ru?: string; en?: string; ruStatus?: string };
const pick = (t: Texts | undefined, lang: UiLang) => (lang === 'en' ? (t?.en ?? t?.ru) : t?.[lang]) ?? '';

/**
 * The service's registration rule as the analyst reads it (service.json `registration`, read only: the workbench edits
 * versions): when an application is registered, the clause it cites, and — where the act does not state the rule —
 * the project's stated assumption, marked as such so it is never taken for law; a Russian text that is our working
 * translation says so.
 */
export function RegistrationRule({
  registration,
  acts,
  lang,
}: {
  registration: ServiceDef['registration'] | undefined;
  acts: Record<string, Act>;
  lang: UiLang;
}) {
  const { t } = useTranslation('analyst');
  const id = useId();
  if (!registration) return null;
  const ref = registration.legalRef;
  const act = ref && Object.hasOwn(acts, ref.act) ? acts[ref.act] : undefined;
  const docLang = lang === 'en' ? 'ru' : lang;
  const citation = ref ? formatLegalRef({ ...ref, act: act ?? ref.act }, docLang) : '';
  const assumption = registration.assumption as Texts | undefined;
  const note = (ref as { note?: unknown } | undefined)?.note;
  return (
    <section className="card qz-registration" aria-labelledby={`${id}-title`} data-testid="registration-rule">
      <h3 id={`${id}-title`}>{t('regTitle')}</h3>
      <p>{t(registration.rule === 'immediate' ? 'regRuleImmediate' : 'regRuleNextWorkingDay')}</p>
      <p className="qz-small">
        <span className="qz-muted">{t('regLegalRef')}: </span>
        {citation || <span className="qz-muted">{t('regNoLegalRef')}</span>}
      </p>
      {typeof note === 'string' && note && <p className="qz-small qz-muted">{note}</p>}
      {assumption && (
        <div
          className="qz-assumption"
          role="note"
          style={{ borderLeft: '4px solid #8a4b00', background: '#fff8e6', padding: '0.4rem 0.6rem' }}
          aria-labelledby={`${id}-mark`}
          data-testid="registration-assumption"
        >
          <p>
            <strong id={`${id}-mark`}>{t('regAssumptionMark')}</strong>
          </p>
          <p lang={lang === 'en' && !assumption.en ? 'ru' : lang}>{pick(assumption, lang)}</p>
          {lang === 'ru' && assumption.ruStatus === 'working-translation' && (
            <p className="qz-small qz-muted">{t('regWorkingTranslation')}</p>
          )}
        </div>
      )}
    </section>
  );
}
