/** Languages of output documents: the acts give their annexes in Kazakh and Russian, both official. */
export type DocumentLang = 'kk' | 'ru';

/** A text in the three interface languages, as definitions store them. */
export interface LocalizedText {
  kk?: string;
  ru?: string;
  en?: string;
}

/** A reference to the clause of an act; fields beyond these are allowed and ignored by the helpers. */
export interface DocumentLegalRef {
  /** The act's title (an act id is printed as is: resolve it to the act's title before rendering). */
  act: string | LocalizedText | { title: LocalizedText; [key: string]: unknown };
  article?: string | number;
  part?: string | number;
  paragraph?: string | number;
  subparagraph?: string | number;
  annex?: string | number;
  row?: string | number;
  /** The act's words in Kazakh, as the seeds give them. */
  quote?: string;
  /** The clause's own words, when the definition quotes them. */
  text?: LocalizedText;
  [key: string]: unknown;
}

/** One motivated refusal ground: the rule that fired, its legal basis, and the facts that triggered it. */
export interface DocumentRefusalGround {
  id: string;
  legalRef: DocumentLegalRef;
  message: LocalizedText;
  /** The ground's verbatim text. */
  text?: LocalizedText;
  /** The fact that made the ground hold, as a sentence in the document's language (already rendered). */
  fact?: string;
}

/**
 * What a template sees as its root (`{{data.applicant.fullName}}`, `{{@root.lang}}`).
 * Instants are ISO strings with the provider's local offset, dates are 'YYYY-MM-DD'.
 */
export interface DocumentContext {
  lang: DocumentLang;
  /** The application form data. */
  data: Record<string, unknown>;
  application: {
    id: string;
    /** null when the application ended before registration. */
    registeredAt: string | null;
    serviceId: string;
    version: string | number;
    [key: string]: unknown;
  };
  service: { label: LocalizedText; provider?: Record<string, unknown>; [key: string]: unknown };
  refusal?: { grounds: DocumentRefusalGround[] };
  /** Due dates by deadline id (ISO instants). */
  deadlines: Record<string, string>;
  /** Due dates (as in `deadlines`) computed on provisional calendar days: `date`/`datetime` add a short note. */
  provisionalDueDates?: string[];
  /** The instant of rendering, given by the caller (the engine never reads the clock). */
  now: string;
  /** The document being rendered: its id and, once the runtime numbered it, its human-readable number. */
  document?: { id: string; number?: string | null; issuedAt: string; title?: string };
  /** What officers established so far (event data kept as findings), e.g. the hearing's time and place. */
  findings?: Record<string, unknown>;
  /** Data fetched from state information systems. */
  external?: Record<string, unknown>;
  /** The refusal grounds that hold now (a preliminary decision cites them before any refusal). */
  grounds?: DocumentRefusalGround[];
  /** The officer's latest reasoning ({kk?, ru?}), printed in refusals and findings: `{{t reasoning}}`. */
  reasoning?: LocalizedText;
}
