import {
  FINAL_STATUSES,
  formatLegalRef,
  registrationOf,
  shownRegistration,
  type ApplicationState,
  type CompiledVersion,
  type Explanation,
  type Lang,
} from '@qyzmet/engine';

/**
 * What the applicant is told about their application, in kk, ru and en words built from the definition and the
 * application's own state: why its registration instant is not its arrival (the engine's registration explanation and
 * the rule's citation, or the project's stated assumption, marked as such), and what happens next (who acts and by
 * when; in a final state, what they receive). Never a code, key, id or raw value.
 */

export type Words = { kk: string; ru: string; en: string };

export interface RegistrationWords {
  arrivedAt: string;
  /** null when the application ended before registration. */
  registeredAt: string | null;
  /** Registered later than it arrived (after hours, on a day off or a holiday, before opening). */
  moved: boolean;
  /** Why, when moved: the arrival, each day off skipped and why, the registration instant, the rule. */
  reason: Words | null;
}

const LANGS = ['kk', 'ru', 'en'] as const;

/** "dd.mm.yyyy" and "HH:MM" of an ISO instant as the engine stores it (with the service's local offset). */
function localDateTime(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10).split('-').reverse().join('.'), time: iso.slice(11, 16) };
}

/**
 * The registration rule in words: its citation as documents cite the law (English readers get the Russian: the law
 * is cited in kk or ru), or the project's assumption where the act does not state the rule, marked as such.
 */
export function registrationBasis(version: CompiledVersion): Words | null {
  // The same for every application of the version, and read for each one the applicant sees: worked out once.
  if (!bases.has(version)) bases.set(version, basisOf(version));
  return bases.get(version)!;
}

const bases = new WeakMap<CompiledVersion, Words | null>();

function basisOf(version: CompiledVersion): Words | null {
  const service = version.service;
  const { legalRef, assumption } = service.def.registration;
  if (assumption)
    return {
      kk: `Негізі (актінің нормасы емес, жобаның болжамы): ${assumption.kk}`,
      ru: `Основание (не норма акта, а допущение проекта): ${assumption.ru}`,
      en: `Basis (not a rule of the act but the project's assumption): ${assumption.en ?? assumption.ru}`,
    };
  if (!legalRef || !Object.hasOwn(service.acts, legalRef.act)) return null;
  const ref = { ...legalRef, act: service.acts[legalRef.act] };
  const kk = formatLegalRef(ref, 'kk');
  const ru = formatLegalRef(ref, 'ru');
  if (!kk || !ru) return null;
  return { kk: `Негізі: ${kk}.`, ru: `Основание: ${ru}.`, en: `Basis: ${ru}.` };
}

/**
 * Why an application was registered when it was. The engine's explanation is recomputed from the arrival on the
 * service's calendar and used when it gives the stored registration instant; when the calendar changed since (a
 * decree moved a day), the reason says only when it arrived and when it was registered.
 */
export function registrationWords(version: CompiledVersion, snap: ApplicationState): RegistrationWords {
  const registeredAt = shownRegistration(snap);
  const moved = registeredAt !== null && Date.parse(registeredAt) !== Date.parse(snap.arrivedAt);
  if (!moved) return { arrivedAt: snap.arrivedAt, registeredAt, moved: false, reason: null };
  let explanation: Explanation[] = [];
  try {
    const now = registrationOf(version.service, snap.arrivedAt);
    if (Date.parse(now.registeredAt) === Date.parse(registeredAt)) explanation = now.explanation;
  } catch {
    // Beyond the calendar's coverage today: the plain sentence below.
  }
  const a = localDateTime(snap.arrivedAt);
  const r = localDateTime(registeredAt);
  const plain: Words = {
    kk: `Өтініш ${a.date}, сағат ${a.time} түсті; ${r.date}, сағат ${r.time} тіркелді.`,
    ru: `Заявление поступило ${a.date} в ${a.time}; зарегистрировано ${r.date} в ${r.time}.`,
    en: `The application arrived on ${a.date} at ${a.time}; it was registered on ${r.date} at ${r.time}.`,
  };
  const basis = registrationBasis(version);
  const reason = Object.fromEntries(
    LANGS.map((l) => {
      const why = explanation.length ? explanation.map((e) => e.text[l]).join(' ') : plain[l];
      return [l, basis ? `${why} ${basis[l]}` : why];
    }),
  ) as Words;
  return { arrivedAt: snap.arrivedAt, registeredAt, moved: true, reason };
}

/** A text of the definition in a language (English falls back to the Russian when the definition has none). */
const textIn = (t: { kk: string; ru: string; en?: string }, l: Lang) => (l === 'en' ? (t.en ?? t.ru) : t[l]);

/** Whether the applicant is the one to act in a state: its performer, else the events it waits for. */
function applicantActs(version: CompiledVersion, state: string): boolean {
  const def = version.def.machine.states[state];
  if (def?.performer) return def.performer === 'applicant';
  const waits = Object.keys(def?.on ?? {});
  const events = version.def.machine.events ?? {};
  return waits.length > 0 && waits.every((e) => Object.hasOwn(events, e) && events[e].roles.includes('applicant'));
}

/** The due instant of the current step (its earliest timer), else of the running overall term. */
function dueOf(snap: ApplicationState): { dueAt: string | null; suspended: boolean } {
  const step = snap.timers
    .filter((t) => t.state === snap.state && !t.leadsTo)
    .map((t) => t.dueAt)
    .sort((x, y) => Date.parse(x) - Date.parse(y))[0];
  if (step) return { dueAt: step, suspended: false };
  const service = snap.deadlines.find((d) => d.id === 'service') ?? snap.deadlines.find((d) => d.status !== 'closed');
  if (!service || service.status === 'closed') return { dueAt: null, suspended: false };
  if (service.status === 'suspended') return { dueAt: null, suspended: true };
  return { dueAt: service.dueAt, suspended: false };
}

/**
 * What happens next, for the applicant: in an open state, the step and who acts (the provider or the applicant) and
 * by when; in a final state, that it is closed and the documents it issued there (what the applicant receives).
 */
export function nextStepWords(version: CompiledVersion, snap: ApplicationState): Words | null {
  const def = version.def.machine.states[snap.state];
  if (!def) return null;
  if (FINAL_STATUSES.includes(snap.status) || def.final) {
    const issued = snap.documents.filter((d) => d.state === snap.state);
    const docs = (l: Lang, open: string, close: string) =>
      issued.map((d) => `${open}${d.title[l] ?? d.title.ru}${close}`).join(', ');
    return {
      kk: `Өтініш бойынша жұмыс аяқталды: «${def.label.kk}».${issued.length ? ` Сіз аласыз: ${docs('kk', '«', '»')}.` : ''}`,
      ru: `Рассмотрение заявления завершено: «${def.label.ru}».${issued.length ? ` Вы получаете: ${docs('ru', '«', '»')}.` : ''}`,
      en: `The application is closed: “${textIn(def.label, 'en')}”.${issued.length ? ` You receive: ${docs('en', '“', '”')}.` : ''}`,
    };
  }
  const you = applicantActs(version, snap.state);
  const { dueAt, suspended } = dueOf(snap);
  const due = dueAt ? localDateTime(dueAt) : null;
  const by = {
    kk: due ? `, мерзімі — ${due.date}, сағат ${due.time} дейін` : suspended ? ', мерзімнің өтуі тоқтатыла тұрды' : '',
    ru: due ? `, срок — до ${due.date} ${due.time}` : suspended ? ', течение срока приостановлено' : '',
    en: due ? `, by ${due.date} ${due.time}` : suspended ? ', the term is suspended' : '',
  };
  return {
    kk: `Қазіргі қадам: «${def.label.kk}». ${you ? 'Енді сіздің әрекетіңіз қажет' : 'Әрекет көрсетілетін қызметті берушіде'}${by.kk}.`,
    ru: `Текущий шаг: «${def.label.ru}». ${you ? 'Требуется ваше действие' : 'Действует услугодатель'}${by.ru}.`,
    en: `Current step: “${textIn(def.label, 'en')}”. ${you ? 'Your action is needed' : 'The provider acts next'}${by.en}.`,
  };
}
