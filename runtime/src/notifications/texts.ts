import type { ApplicationState, CompiledVersion, Lang, Status } from '@qyzmet/engine';
import { nextStepWords } from './applicantWords';

/** The statuses in the applicant's words (the same words the UI shows for them). */
export const STATUS_WORDS: Readonly<Record<Status, Record<Lang, string>>> = {
  registered: { kk: 'Тіркелді', ru: 'Зарегистрирована', en: 'Registered' },
  'in-progress': { kk: 'Орындалуда', ru: 'В работе', en: 'In progress' },
  suspended: { kk: 'Тоқтатыла тұрды', ru: 'Приостановлена', en: 'Suspended' },
  approved: { kk: 'Оң шешім', ru: 'Положительное решение', en: 'Approved' },
  refused: { kk: 'Бас тартылды', ru: 'Отказано', en: 'Refused' },
  withdrawn: { kk: 'Кері шақырылды', ru: 'Отозвана', en: 'Withdrawn' },
};

/**
 * The message of a status change, in the user's language: the application's number (the service's name when it has
 * none), the status in words, on submission the registration instant, and the next step. No id, code or key.
 */
export function statusMessage(
  version: CompiledVersion,
  snap: ApplicationState,
  number: string | null,
  submitted: boolean,
  lang: Lang,
): string {
  const label = version.service.def.label;
  const serviceName = lang === 'en' ? (label.en ?? label.ru) : label[lang];
  const status = STATUS_WORDS[snap.status][lang];
  const next = nextStepWords(version, snap)?.[lang] ?? '';
  const reg = snap.endedBeforeRegistration ? null : snap.registeredAt;
  const when = reg ? { date: reg.slice(0, 10).split('-').reverse().join('.'), time: reg.slice(11, 16) } : null;
  const head = {
    kk: number ? `№ ${number} өтініш` : `«${serviceName}» өтініші`,
    ru: number ? `Заявление № ${number}` : `Заявление «${serviceName}»`,
    en: number ? `Application No. ${number}` : `Application “${serviceName}”`,
  }[lang];
  const registered =
    submitted && when
      ? {
          kk: ` ${when.date}, сағат ${when.time} тіркелді.`,
          ru: ` зарегистрировано ${when.date} в ${when.time}.`,
          en: ` registered on ${when.date} at ${when.time}.`,
        }[lang]
      : '';
  const statusLine = { kk: `Мәртебесі: «${status}».`, ru: `Статус: «${status}».`, en: `Status: “${status}”.` }[lang];
  return `${head}${registered || '.'} ${statusLine}${next ? ` ${next}` : ''}`;
}
