import { APPLICATION_STATUSES } from '@qyzmet/engine';

/**
 * The component schemas of the OpenAPI document (openapi.ts): the shapes of the API's bodies. The integration tests
 * validate real responses against them, and the admin UI's types are generated from them
 * (admin-ui/src/shell/api.generated.ts), so a field named here is a field the UI may read.
 *
 * Parts copied from a service definition (forms, machines, deadlines) are open objects that name only what clients
 * read: the definition format (engine/src/format/service.schema.json) describes the rest.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const string = { type: 'string' } as const;
const integer = { type: 'integer' } as const;
const boolean = { type: 'boolean' } as const;
const strings = { type: 'array', items: string } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
/** An object whose members the document does not list (application data, a JSON Schema, engine records). */
const open = (description: string) => ({ type: 'object', additionalProperties: true, description });
const arrayOf = (schema: object) => ({ type: 'array', items: schema });
const mapOf = (schema: object) => ({ type: 'object', additionalProperties: schema });
const instant = { type: 'string', description: 'ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00' };
const date = { type: 'string', description: 'YYYY-MM-DD' };
/** An object with every listed member required. */
const record = (properties: Record<string, object>, optional: string[] = []) => ({
  type: 'object',
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  properties,
});

/** A due date or calendar day that rests on a year computed from the statutes or an estimated date (DESIGN.md). */
const provisional = {
  ...boolean,
  description: 'Rests on days computed from the statutes (no decree on transfers entered yet) or an estimated date',
};

const versionSummary = {
  id: string,
  effectiveFrom: nullable(date),
  effectiveTo: nullable(date),
  provisional: { ...boolean, description: 'The period rests on a publication date not yet established' },
  effectiveFromHow: string,
  effectiveToHow: string,
  producedBy: strings,
  partial: strings,
  label: nullable(ref('Text')),
};

/** An application as an inbox lists it: without its data and history, which grow with it. */
/** What POST /applications answers unless the client prefers the whole view (the inbox columns and texts left out). */
const applicationReceipt = {
  id: string,
  number: {
    ...nullable(string),
    description: 'PROVIDER-SERVICE-YEAR-SEQUENCE, e.g. GKNPZH-CPD-2026-000123 (null: stored before numbering)',
  },
  serviceId: string,
  version: string,
  provider: string,
  channel: nullable(string),
  state: string,
  status: ref('Status'),
  arrivedAt: instant,
  registeredAt: { ...nullable(instant), description: 'null: the application ended before registration' },
  deadlines: arrayOf(ref('ApplicationDeadline')),
  documents: arrayOf(ref('IssuedDocument')),
  allowedEvents: {
    ...arrayOf(record({ type: string, name: string })),
    description: 'The events this user may send now',
  },
  refusal: nullable(record({ grounds: arrayOf(ref('ApplicationRefusalGround')) })),
  overdue: boolean,
};

const applicationSummary = {
  ...applicationReceipt,
  applicant: {
    ...nullable(record({ name: string, id: nullable(string) })),
    description: "Who applied, as the form's x-identity fields give it: full name, IIN (else BIN); null when none",
  },
  object: {
    ...nullable(ref('Text')),
    description: 'What the application is about: the form\'s x-summary fields joined with ", "',
  },
  assignee: {
    ...nullable(ref('Officer')),
    description: 'The officer who took the application; null when nobody has (always null for the applicant)',
  },
  timeLeft: {
    ...nullable(ref('TimeLeft')),
    description: "Working time to the due instant on the provider's calendar; null without one, or once closed",
  },
  nextStep: {
    ...nullable(ref('Text')),
    description: 'What happens next, for the applicant: who acts and by when; in a final state, what they receive',
  },
};

export const schemas = {
  Text: {
    type: 'object',
    required: ['kk', 'ru'],
    properties: {
      kk: string,
      ru: string,
      en: string,
      ruStatus: { type: 'string', enum: ['official', 'working-translation'] },
    },
  },
  Status: { type: 'string', enum: [...APPLICATION_STATUSES] },
  LegalRef: {
    type: 'object',
    required: ['act'],
    properties: {
      act: { ...string, description: 'An act id of the acts registry (definitions/shared/acts)' },
      article: string,
      paragraph: string,
      subparagraph: string,
      part: string,
      annex: string,
      row: string,
      step: string,
      seed: string,
      lines: {
        description: 'Lines of the seed text: one line, or the first and the last',
        oneOf: [
          { type: 'array', prefixItems: [integer], items: false, minItems: 1 },
          { type: 'array', prefixItems: [integer, integer], items: false, minItems: 2 },
        ],
      },
      quote: string,
      note: string,
    },
  },
  FieldError: record(
    {
      pointer: { ...string, description: 'JSON Pointer into the request body, e.g. /data/applicant/iin' },
      code: string,
      message: { ...string, description: "In the request's Accept-Language" },
      messages: { ...mapOf(string), description: 'The message in every language (kk, ru, en)' },
    },
    ['messages'],
  ),
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status'],
    properties: {
      type: string,
      title: string,
      status: integer,
      detail: string,
      instance: string,
      code: string,
      errors: arrayOf(ref('FieldError')),
    },
  },
  /** A problem of a definition or a draft, located in its file (the engine's Problem). */
  DefinitionProblem: record(
    {
      code: string,
      message: string,
      kind: string,
      severity: { type: 'string', enum: ['error', 'warning'] },
      pointer: { ...string, description: 'JSON Pointer into the assembled definition' },
      file: string,
      line: integer,
      column: integer,
      params: open('The values the message is made of'),
    },
    ['kind', 'severity', 'pointer', 'file', 'line', 'column', 'params'],
  ),
  /** Who a user is in the state's registers: prefills the applicant's `x-identity` form fields. Any part may lack. */
  Identity: {
    type: 'object',
    additionalProperties: false,
    properties: {
      fullName: { ...string, description: 'Full name as in the identity document' },
      iin: { ...string, description: 'IIN of 12 digits (a person)' },
      bin: { ...string, description: 'BIN of 12 digits (an entity the user represents)' },
      phone: string,
      email: string,
    },
  },
  User: record(
    {
      id: string,
      username: string,
      roles: arrayOf({ type: 'string', enum: ['applicant', 'officer', 'analyst', 'admin'] }),
      displayName: string,
      identity: ref('Identity'),
    },
    ['identity'],
  ),
  Me: record(
    {
      id: string,
      username: string,
      roles: arrayOf({ type: 'string', enum: ['applicant', 'officer', 'analyst', 'admin'] }),
      actorRoles: { ...strings, description: 'Provider-side roles: operator, specialist, head, commission…' },
      providers: { ...strings, description: 'The providers an officer works for ("*": every one)' },
      displayName: string,
      identity: ref('Identity'),
    },
    ['identity'],
  ),
  /** GET /auth/me: the user of the session (cookie or Bearer token). */
  Session: record({ user: ref('Me') }),
  Login: record({ token: string, expiresAt: instant, user: ref('User') }),

  VersionSummary: record(versionSummary, ['producedBy']),
  VersionList: record({ serviceId: string, items: arrayOf(ref('VersionSummary')), summary: string }),
  ServiceSummary: record({
    id: string,
    name: ref('Text'),
    kind: string,
    providers: arrayOf(record({ id: string, name: ref('Text') })),
    channels: strings,
    versionInForce: nullable(string),
    versions: arrayOf(ref('VersionSummary')),
    fee: nullable(open('Whether the service is paid, and how much (as in GET /services/{id})')),
    term: {
      ...nullable(
        record({
          durations: {
            ...strings,
            description:
              'The distinct durations of the cases of the overall term of the version in force, e.g. "1 workingDays"; empty when the act that sets it is not encoded',
          },
          citation: ref('LocalizedPair'),
        }),
      ),
      description: 'The overall term (deadline "service") of the version in force; null without one',
    },
  }),
  ServiceList: record({ items: arrayOf(ref('ServiceSummary')) }),
  Act: {
    type: 'object',
    required: ['type', 'title', 'status'],
    properties: { type: string, title: ref('Text'), number: string, date, status: string, url: string },
  },
  /** A refusal or return ground as an officer sees it: what establishes it and the findings an officer records. */
  ServiceGround: record({
    id: string,
    kind: { type: 'string', enum: ['refusal', 'return'] },
    text: ref('Text'),
    legalRef: ref('LegalRef'),
    decidedBy: { type: 'string', enum: ['rule', 'officer'] },
    findings: arrayOf(record({ key: string, value: {} })),
  }),
  MachineEvent: {
    type: 'object',
    required: ['name', 'roles'],
    properties: {
      name: ref('Text'),
      roles: strings,
      records: { type: 'string', enum: ['findings', 'external', 'none'] },
      legalRef: ref('LegalRef'),
      data: open('A JSON Schema of what the event records (x-label, x-enumLabels in kk, ru, en); checked when sent'),
    },
  },
  /** What an event would lead to (POST …/events/preview): nothing is stored. */
  EventPreview: record({
    toState: string,
    status: ref('Status'),
    stateName: ref('Text'),
    documents: arrayOf(
      record({ id: string, title: string, html: { ...string, description: 'The document as the citizen reads it' } }),
    ),
  }),
  /** An officers' internal note on an application (never shown to its applicant). */
  Comment: record({ at: instant, author: record({ id: string, displayName: string }), text: string }),
  CommentList: record({ items: arrayOf(ref('Comment')) }),
  MachineState: {
    type: 'object',
    required: ['name', 'status'],
    properties: { name: ref('Text'), status: ref('Status'), final: boolean, legalRef: ref('LegalRef') },
  },
  ServiceVersion: {
    type: 'object',
    required: [
      ...Object.keys(versionSummary).filter((k) => k !== 'producedBy'),
      'variants',
      'form',
      'refusalGrounds',
      'deadlines',
      'documents',
      'machine',
      'notEncoded',
    ],
    properties: {
      ...versionSummary,
      variants: arrayOf(open('A variant of the service (definition format)')),
      form: open('The application form: a JSON Schema with x-label / x-description in kk, ru, en'),
      refusalGrounds: arrayOf(ref('ServiceGround')),
      deadlines: arrayOf({
        type: 'object',
        required: ['id', 'name', 'legalRef'],
        properties: { id: string, name: ref('Text'), legalRef: ref('LegalRef') },
      }),
      documents: arrayOf(
        record({
          id: string,
          title: ref('Text'),
          kind: string,
          legalRef: ref('LegalRef'),
          annexMissing: nullable(string),
        }),
      ),
      machine: {
        type: 'object',
        required: ['initial', 'states'],
        properties: { initial: string, events: mapOf(ref('MachineEvent')), states: mapOf(ref('MachineState')) },
      },
      notEncoded: arrayOf(open('A fact of the act the definition does not encode, with the reason')),
    },
  },
  Service: {
    type: 'object',
    required: [
      'id',
      'at',
      'name',
      'kind',
      'providers',
      'recipients',
      'channels',
      'serviceForm',
      'fee',
      'schedule',
      'registration',
      'legalBasis',
      'version',
      'acts',
    ],
    properties: {
      id: string,
      at: {
        ...instant,
        description:
          "The instant the version was chosen for: now, or ?at= (a date is the start of that day in the service's zone)",
      },
      name: ref('Text'),
      kind: string,
      providers: arrayOf({ type: 'object', required: ['id', 'name'], properties: { id: string, name: ref('Text') } }),
      recipients: arrayOf(open('A recipient party (definition format)')),
      channels: arrayOf(open('A channel (definition format)')),
      serviceForm: nullable(open('The form of the service: electronic, paper…')),
      fee: nullable(open('Whether the service is paid, and how much')),
      schedule: open('The working-time schedule of the providers'),
      registration: open('How an application is registered'),
      legalBasis: {
        ...arrayOf(record({ legalRef: ref('LegalRef'), citation: ref('LocalizedPair') })),
        description: 'The acts the service rests on, each cited as the law writes it (kk, ru)',
      },
      version: ref('ServiceVersion'),
      acts: { ...mapOf(ref('Act')), description: 'The acts the definition cites, by act id' },
    },
  },

  ApplicationDeadline: record(
    {
      id: string,
      dueAt: nullable(instant),
      status: { type: 'string', enum: ['running', 'suspended', 'closed'] },
      provisional: { ...provisional, const: true },
    },
    ['provisional'],
  ),
  IssuedDocument: record({
    id: string,
    number: {
      ...nullable(string),
      description: '<application number>-<n>, n the order of issue; GET /verify/{number} checks it',
    },
    title: string,
    kind: string,
    issuedAt: instant,
  }),
  Verification: record({
    number: string,
    type: {
      ...record({ id: string, kk: string, ru: string }),
      description: "The document's id in the definition and its title in kk and ru",
    },
    issuedAt: date,
    issuer: ref('LocalizedPair'),
    sha256: {
      ...record({ kk: string, ru: string }),
      description:
        'SHA-256 (hex) of the PDF of each language, as GET /applications/{id}/documents/{documentId} serves it',
    },
  }),
  LocalizedPair: record({ kk: string, ru: string }),
  /** One leaf of a ground's condition that held, with the value the fact had. */
  Fact: record({ fact: string, path: string, operator: string, value: {}, actual: {} }, ['path', 'value', 'actual']),
  RefusalGround: record({
    id: string,
    message: { ...string, description: "In the request's Accept-Language" },
    legalRef: ref('LegalRef'),
    facts: arrayOf(ref('Fact')),
  }),
  /** A ground of an application's refusal as the applicant reads it: in words, never the rule's paths and values. */
  ApplicationRefusalGround: record(
    {
      id: string,
      message: { ...string, description: "In the request's Accept-Language" },
      legalRef: ref('LegalRef'),
      citation: {
        ...string,
        description:
          'The clause as the law cites it, in kk (Accept-Language kk) or ru (otherwise), as documents print it',
      },
      fact: { ...string, description: 'The fact that made the ground hold, in words, in the language of `citation`' },
    },
    ['fact'],
  ),
  /** The officer's reasoning of a finding: why the grounds hold, in the officer's words (kk and/or ru). */
  Reasoning: record({
    at: instant,
    actor: string,
    text: record({ kk: string, ru: string }, ['kk', 'ru']),
  }),
  HistoryEntry: record({ at: instant, event: string, actor: string, from: string, to: string }),
  Application: record({
    ...applicationSummary,
    reasoning: { ...arrayOf(ref('Reasoning')), description: "The officers' reasoning, oldest first" },
    data: open('The application data, as the form describes it'),
    history: arrayOf(ref('HistoryEntry')),
    registration: ref('Registration'),
  }),
  ApplicationSummary: record(applicationSummary),
  ApplicationReceipt: record(applicationReceipt),
  Officer: record({ id: string, displayName: string }),
  OfficerList: record({ items: arrayOf(ref('Officer')) }),
  TimeLeft: record({
    overdue: { ...boolean, description: 'Past the due instant: the figures then say by how much' },
    workingDays: { ...integer, description: 'Working days of the schedule wholly in between' },
    workingHours: { ...integer, description: 'The rest of the working time: whole hours…' },
    workingMinutes: { ...integer, description: '…and minutes (0–59)' },
  }),
  ApplicationList: record(
    {
      items: arrayOf(ref('ApplicationSummary')),
      total: { ...integer, description: 'Exact when totalExact; otherwise a lower bound (the count stops at 10 000)' },
      totalExact: boolean,
      limit: integer,
      offset: integer,
    },
    ['totalExact'],
  ),
  ApplicationEvent: record({
    applicationId: string,
    seq: integer,
    type: string,
    actor: string,
    userId: nullable(string),
    at: instant,
    data: nullable(open('What the event carried')),
    fromState: string,
    toState: string,
  }),
  ApplicationEventList: record({ items: arrayOf(ref('ApplicationEvent')) }),
  /** Why an application's registration is not its arrival instant, in words (C6). */
  Registration: record({
    arrivedAt: instant,
    registeredAt: { ...nullable(instant), description: 'null: the application ended before registration' },
    moved: { ...boolean, description: 'Registered later than it arrived (after hours, a day off, a holiday)' },
    reason: {
      ...nullable(ref('Text')),
      description: 'When moved: the arrival, each day off skipped and why, the registration instant, the rule cited',
    },
  }),
  /** Where status changes are sent; a channel is off when null. */
  NotificationSettings: record({
    email: nullable(string),
    sms: { ...nullable(string), description: 'A mobile number, +7 and ten digits' },
  }),
  NotificationLog: record({
    items: arrayOf(
      record({
        at: instant,
        channel: { type: 'string', enum: ['email', 'sms'] },
        to: { ...string, description: 'The address or number, masked' },
        text: string,
      }),
    ),
  }),

  Calendar: record(
    {
      year: integer,
      workingDays: integer,
      months: arrayOf(
        record({ month: integer, workingDays: integer, daysOff: arrayOf(date), workingWeekendDays: arrayOf(date) }),
      ),
      provisional: { ...boolean, description: 'Some day of the year is computed from the statutes or estimated' },
      provisionalReason: open('Why (code term.provisional, kk/ru/en text, params computedFrom / estimated)'),
      provisionalDays: arrayOf(open('A provisional holiday or moved day off of the year, with why')),
    },
    ['provisionalReason', 'provisionalDays'],
  ),
  Deadline: record({
    from: instant,
    registeredAt: instant,
    dueAt: instant,
    provisional,
    explanation: arrayOf(open('One step of the count: a day counted or skipped, and why')),
  }),
  Simulation: record({
    serviceId: string,
    version: string,
    registeredAt: { ...nullable(instant), description: 'null: the application ended before registration' },
    state: string,
    status: ref('Status'),
    deadlines: arrayOf(
      record({ id: string, dueAt: nullable(instant), status: string, provisional: { ...provisional, const: true } }, [
        'provisional',
      ]),
    ),
    refusal: nullable(record({ grounds: arrayOf(ref('RefusalGround')) })),
    documents: arrayOf(record({ id: string, title: string, html: string })),
    trace: arrayOf(open('One step of the engine: what it did and why')),
  }),

  DefinitionList: record({
    items: arrayOf(
      record({
        id: string,
        name: ref('Text'),
        versions: arrayOf(
          record({
            id: string,
            effectiveFrom: nullable(date),
            effectiveTo: nullable(date),
            producedBy: {
              ...strings,
              description: 'The acts whose text the version encodes (an amending act amends them)',
            },
          }),
        ),
      }),
    ),
    broken: { ...strings, description: 'Services whose definition does not compile' },
    problems: arrayOf(ref('DefinitionProblem')),
  }),
  DefinitionSource: record({
    id: string,
    definition: open('The assembled service definition'),
    acts: mapOf(ref('Act')),
  }),
  DefinitionFiles: record({
    entry: { ...string, description: "The service's service.json, relative to the definitions folder's parent" },
    files: {
      ...mapOf(string),
      description:
        'The texts of the service folder and definitions/shared, by path, and of the acts it cites (definitions/seeds/<file>)',
    },
  }),
  Coverage: record({
    serviceId: string,
    acts: arrayOf(open("An act's operative clauses, each cited, explained or not")),
    uncited: arrayOf(record({ act: string, clause: string, lines: arrayOf(integer), summary: string })),
    counts: record({ clauses: integer, cited: integer, explained: integer, uncited: integer }),
  }),
  JsonChange: record(
    { pointer: string, kind: { type: 'string', enum: ['added', 'removed', 'changed'] }, before: {}, after: {} },
    ['before', 'after'],
  ),
  VersionDiff: record({ from: string, to: string, changes: arrayOf(ref('JsonChange')) }),
  Calendars: record({
    calendars: { ...mapOf(open('A working calendar (definitions/calendars)')), description: 'By calendar id' },
    schedules: { ...mapOf(open('A working-time schedule')), description: 'By schedule id' },
  }),
  Draft: record(
    {
      serviceId: string,
      id: string,
      rev: {
        ...integer,
        description: 'The revision: every save makes a new one; a save names the one it was made from',
      },
      definition: open('The version as written: basedOn + cited changes + the keys it replaces'),
      materialised: nullable(open('The whole version it makes (one draft only; null while it cannot be built)')),
      baseVersion: { ...string, description: 'The version it amends: the latest published, pending included' },
      legalRef: nullable(ref('LegalRef')),
      scenarios: arrayOf(record({ file: string, scenario: open('A scenario (definitions/services/<id>/scenarios)') })),
      expectedFrom: nullable(date),
      approvals: arrayOf(record({ rev: integer, by: string, at: instant })),
      author: { ...string, description: 'The user id of its author' },
      savedBy: string,
      names: {
        ...mapOf(string),
        description: 'Display names of the users it mentions (author, savedBy, approvers), by user id',
      },
      note: string,
      createdAt: instant,
      updatedAt: instant,
      publishedAt: nullable(instant),
      discardedAt: nullable(instant),
    },
    // The list leaves out what each draft makes and who its people are: one draft read whole has them.
    ['materialised', 'names'],
  ),
  DraftRevisions: record({ items: arrayOf(open('A draft as saved at one revision')) }),
  DraftList: record({ items: arrayOf(ref('Draft')) }),
  ScenarioOutcome: record({ version: string, status: string, state: string, due: nullable(instant) }),
  DraftCheck: record({
    rev: integer,
    problems: arrayOf(ref('DefinitionProblem')),
    changes: arrayOf(
      record(
        {
          version: string,
          basedOn: string,
          pointer: string,
          element: { ...string, description: 'The element in words, e.g. deadline `service` case 1 duration' },
          op: string,
          actItem: { ...string, description: 'The amending act item, e.g. order No. 999 p.1 sub. 1' },
          legalRef: ref('LegalRef'),
          changedIn: string,
          inForce: nullable(date),
          provisional: boolean,
          before: {},
          after: {},
        },
        ['before', 'after'],
      ),
    ),
    impact: arrayOf(
      record({
        scenario: string,
        file: string,
        before: { anyOf: [ref('ScenarioOutcome'), record({ error: string })] },
        after: { anyOf: [ref('ScenarioOutcome'), record({ error: string })] },
        changed: boolean,
        passed: { ...boolean, description: 'It meets its expectation with the draft' },
      }),
    ),
    openApplications: arrayOf(
      record(
        {
          id: string,
          version: string,
          state: string,
          status: string,
          dueAt: nullable(instant),
          affected: {
            ...boolean,
            description: 'The draft would change its outcome or due instant (it keeps its version)',
          },
          onNewVersion: open('Its outcome on the new version'),
        },
        ['onNewVersion'],
      ),
    ),
    openApplicationsOnCurrent: {
      ...integer,
      description: 'Open applications that stay on the version in force now',
    },
    diff: { ...arrayOf(ref('JsonChange')), description: 'From the version in force now to the draft' },
  }),
  Publication: record({ version: string, effectiveFrom: date, rev: integer }),
  RegisteredAct: {
    ...open('An entry of the acts registry (definitions/shared/acts), with its id'),
    required: ['id', 'type', 'title', 'status'],
  },
  ActList: record({ items: arrayOf(ref('RegisteredAct')) }),
  ActClauses: record({
    act: string,
    seed: {
      ...nullable(string),
      description: "The seed file (definitions/seeds) the clauses' lines number; null when the act's text is not there",
    },
    items: {
      ...arrayOf(
        record(
          {
            id: { ...string, description: 'e.g. "p.5 sub.2", "Annex 1 row 3"' },
            article: string,
            paragraph: string,
            subparagraph: string,
            part: string,
            annex: string,
            row: string,
            lines: { ...arrayOf(integer), description: 'The first and last line in the seed (or the one line)' },
            summary: { ...string, description: 'What the clause says, in our words' },
            status: { type: 'string', enum: ['operative', 'not-encoded', 'not-applicable'] },
            text: { ...string, description: "The clause's seed lines; empty when the act's text is not in the seeds" },
          },
          ['article', 'paragraph', 'subparagraph', 'part', 'annex', 'row', 'lines', 'summary', 'status'],
        ),
      ),
      description: "The act's clause inventory; none for an act registered through the API",
    },
  }),
  AuditEntry: record({
    at: instant,
    userId: nullable(string),
    action: string,
    subject: { ...string, description: 'application:<id>, definition:<serviceId>, user:<id>, webhook:<id>' },
    details: open('What changed'),
  }),
  AuditList: record({
    items: arrayOf(ref('AuditEntry')),
    nextCursor: { ...nullable(string), description: 'Give it as ?cursor= for the next page; null on the last' },
  }),
  Webhook: record({
    id: string,
    url: string,
    serviceId: nullable(string),
    provider: nullable(string),
    createdBy: string,
    createdAt: instant,
    active: boolean,
  }),
  WebhookList: record({ items: arrayOf(ref('Webhook')) }),
  WebhookDelivery: record({
    id: string,
    subscriptionId: string,
    event: string,
    payload: open('The body that was sent'),
    attempts: integer,
    nextAttemptAt: nullable(instant),
    status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
    lastError: nullable(string),
    lastStatus: nullable(integer),
    createdAt: instant,
    deliveredAt: nullable(instant),
  }),
  WebhookDeliveryList: record({ items: arrayOf(ref('WebhookDelivery')) }),
  SavedFilter: record({
    id: string,
    name: { type: 'string', minLength: 1, maxLength: 80 },
    query: {
      type: 'object',
      additionalProperties: false,
      description: 'The query parameters of GET /applications the view sets',
      properties: {
        q: string,
        status: string,
        serviceId: string,
        provider: string,
        assignee: { ...string, description: 'me | none | a user id' },
        due: { type: 'string', enum: ['overdue', 'today'] },
      },
    },
  }),
  SavedFilterList: record({ items: { ...arrayOf(ref('SavedFilter')), maxItems: 20 } }),
} as const;
