import { schemas } from './openapi.schemas';

/**
 * The OpenAPI 3.1 document of /api/v1. The integration tests validate real responses against these schemas, and the
 * admin UI's types are generated from it (`npm run api-types -w admin-ui`), so the document cannot drift from the API
 * nor the UI from the document.
 */

const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const query = (name: string, schema: object = { type: 'string' }, required = false) => ({
  name,
  in: 'query',
  ...(required ? { required } : {}),
  schema,
});
/** Either the Bearer token (API clients) or the session cookie (the admin UI): POST /auth/login gives both. */
const bearer = [{ bearer: [] }, { session: [] }];
/**
 * What any operation may answer before its route runs (requestGuards.ts, the body parser, authenticate): a malformed
 * request (a query parameter given twice, a path parameter that is not valid percent-encoding, a body that is not
 * JSON or is nested too deep), a token that is unknown or expired (even on a public operation), a body over 1 MB, a
 * body that is not labelled JSON or is in an encoding the API does not read.
 */
const always = {
  '400': problem('A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON'),
  '401': problem('The token is unknown or expired'),
  '403': problem(
    'Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery',
  ),
  '413': problem('The body is larger than 1 MB'),
  '415': problem('The body is not labelled JSON, or is in an encoding the API does not read'),
};
const throttled = (what: string) => ({ '429': problem(what) });
const signedIn = { '401': problem('Not signed in, or the token is unknown or expired') };
/** The admin API answers analysts and admins (webhooks: admins only). */
const admin = { ...signedIn, '403': problem('Not an analyst or admin') };
const unknownService = { '404': problem('No such service') };
const unknownDraft = { '404': problem('No such service or draft') };
const draftBody = body({
  type: 'object',
  properties: {
    rev: { type: 'integer', description: 'The revision the edit was made from (required to save)' },
    version: {
      type: 'object',
      additionalProperties: true,
      description: 'The version as an amendment (basedOn + changes), or whole (stored as the changes from the base)',
    },
    changes: { type: 'array', items: { type: 'object' }, description: 'RFC 6902 changes, each with its legalRef' },
    legalRef: { type: 'object', description: 'The amending act item that changes made from a whole version cite' },
    scenarios: { type: 'array', items: { type: 'object' } },
    expectedFrom: { type: 'string', description: 'YYYY-MM-DD: when the analyst expects it in force' },
    note: { type: 'string' },
  },
});
const revBody = body({ type: 'object', required: ['rev'], properties: { rev: { type: 'integer' } } });
const actBody = body({ type: 'object', additionalProperties: true, description: 'An acts-registry entry with its id' });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Qyzmet API',
    version: '1.0.0',
    description:
      'State services of Kazakhstan declared as JSON: catalogue, applications, officer actions, documents, simulation, the working calendar, and the admin API of the analysts. Errors are RFC 9457 problem details; messages follow Accept-Language (kk, ru, en).',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'POST /auth/login gives the token' },
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: 'qyzmet_session',
        description:
          'Set by POST /auth/login (httpOnly, SameSite=Strict); a change sent with it must be JSON or carry X-Qyzmet',
      },
    },
    schemas,
  },
  paths: {
    '/health': {
      get: {
        operationId: 'health',
        security: [],
        summary: 'Ready',
        responses: {
          ...always,
          '200': json({
            type: 'object',
            required: ['status', 'services'],
            properties: { status: { type: 'string' }, services: { type: 'integer' } },
          }),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openApiDocument',
        security: [],
        summary: 'This document',
        responses: { ...always, '200': json({ type: 'object', additionalProperties: true }) },
      },
    },
    '/services': {
      get: {
        operationId: 'listServices',
        security: [],
        summary: 'The service catalogue',
        responses: { ...always, '200': json(ref('ServiceList')) },
      },
    },
    '/services/{id}': {
      get: {
        operationId: 'getService',
        security: [],
        summary: 'The version in force now, or at ?at=<date or instant>',
        parameters: [path('id'), query('at')],
        responses: {
          ...always,
          '200': json(ref('Service')),
          '400': problem('?at= is not a date (2026-02-30 included) or an instant, or a malformed request'),
          '404': problem('No such service, or no version in force then (names the repealing act)'),
        },
      },
    },
    '/services/{id}/versions': {
      get: {
        operationId: 'listServiceVersions',
        security: [],
        summary: 'Every version with its period',
        parameters: [path('id')],
        responses: { ...always, '200': json(ref('VersionList')), ...unknownService },
      },
    },
    '/auth/login': {
      post: {
        operationId: 'login',
        security: [],
        summary: 'Sign in',
        requestBody: body({
          type: 'object',
          required: ['username', 'password'],
          properties: { username: { type: 'string' }, password: { type: 'string' } },
        }),
        responses: {
          ...always,
          '200': json(ref('Login')),
          '401': problem('Wrong username or password'),
          '422': problem('No username or password'),
          ...throttled('Too many failed sign-ins for this account or from this client: wait and retry'),
        },
      },
    },
    '/auth/me': {
      get: {
        operationId: 'me',
        summary: 'The signed-in user (of the session cookie or the Bearer token): the UI restores its session from it',
        security: bearer,
        responses: { ...always, '200': json(ref('Session')), ...signedIn },
      },
    },
    '/me/notifications': {
      get: {
        operationId: 'getNotificationSettings',
        summary: "Where the signed-in user's applications' status changes are sent (each channel null when off)",
        security: bearer,
        responses: { ...always, '200': json(ref('NotificationSettings')), ...signedIn },
      },
      put: {
        operationId: 'putNotificationSettings',
        summary: 'Sets the channels; the messages are written in the language of this request (kk, ru, en)',
        security: bearer,
        requestBody: body(ref('NotificationSettings')),
        responses: {
          ...always,
          '200': json(ref('NotificationSettings')),
          '400': problem('Not an e-mail address or a +7 mobile number: each field error located by its JSON pointer'),
          ...signedIn,
        },
      },
    },
    '/me/filters': {
      get: {
        operationId: 'getSavedFilters',
        summary: "The signed-in user's saved inbox filters",
        security: bearer,
        responses: { ...always, '200': json(ref('SavedFilterList')), ...signedIn },
      },
      put: {
        operationId: 'putSavedFilters',
        summary: "Replaces the signed-in user's saved inbox filters (at most 20, names of 1 to 80 characters)",
        security: bearer,
        requestBody: body(ref('SavedFilterList')),
        responses: {
          ...always,
          '200': json(ref('SavedFilterList')),
          '400': problem('Not a valid list of filters: each field error located by its JSON pointer'),
          ...signedIn,
        },
      },
    },
    '/auth/logout': {
      post: {
        operationId: 'logout',
        summary: 'Sign out: the token presented is revoked (every instance refuses it from now on)',
        security: bearer,
        responses: { ...always, '204': { description: 'Signed out' }, ...signedIn },
      },
    },
    '/applications': {
      post: {
        operationId: 'submitApplication',
        summary: 'Submit an application',
        security: bearer,
        parameters: [
          {
            name: 'Prefer',
            in: 'header',
            required: false,
            schema: { type: 'string', enum: ['return=minimal', 'return=representation'] },
            description:
              'RFC 7240. return=representation answers the whole Application (as GET /applications/{id}); ' +
              'otherwise the ApplicationReceipt. The answer names the preference it applied in Preference-Applied.',
          },
        ],
        requestBody: body({
          type: 'object',
          required: ['serviceId', 'data'],
          properties: {
            serviceId: { type: 'string' },
            data: { type: 'object', additionalProperties: true },
            channel: { type: 'string' },
            provider: { type: 'string' },
          },
        }),
        responses: {
          ...always,
          '201': json(
            { anyOf: [ref('ApplicationReceipt'), ref('Application')] },
            'Registered: the receipt, or the whole application with Prefer: return=representation',
          ),
          ...signedIn,
          '403': problem('Your role may not submit applications'),
          '404': problem('Unknown service or no version in force'),
          '422': problem('Field errors with JSON pointers, in the Accept-Language'),
          ...throttled('Too many submissions from this applicant: wait and retry'),
        },
      },
      get: {
        operationId: 'listApplications',
        summary: 'Inbox: applications you may see, by due instant',
        security: bearer,
        parameters: [
          query('status', { type: 'string', description: 'Statuses separated by commas' }),
          query('provider'),
          query('overdue', { type: 'string', enum: ['true', '1', 'false', '0'] }),
          query('serviceId'),
          query('dueBefore'),
          query('q', {
            type: 'string',
            maxLength: 200,
            description:
              "Search: a number whole or its last digits, a 12-digit IIN/BIN (exact), or part of the applicant's name or of the object (case-insensitive)",
          }),
          query('assignee', { type: 'string', description: 'me | none | a user id' }),
          query('due', {
            type: 'string',
            enum: ['overdue', 'today'],
            description:
              'Open applications overdue now, or due before the end of today (Asia/Almaty, overdue included)',
          }),
          query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
          query('offset', { type: 'integer', minimum: 0, default: 0 }),
        ],
        responses: {
          ...always,
          '200': json(ref('ApplicationList')),
          '400': problem('A bad limit, offset, status, dueBefore, q, assignee or due, or a malformed request'),
          ...signedIn,
          '403': problem('Not your provider'),
        },
      },
    },
    '/applications/{id}': {
      get: {
        operationId: 'getApplication',
        summary: 'One application',
        security: bearer,
        parameters: [path('id')],
        responses: {
          ...always,
          '200': json(ref('Application')),
          ...signedIn,
          '404': problem('No application you may see'),
        },
      },
    },
    '/applications/{id}/notifications': {
      get: {
        operationId: 'listApplicationNotifications',
        summary: 'The messages sent about an application, oldest first (its applicant and its officers)',
        security: bearer,
        parameters: [path('id')],
        responses: {
          ...always,
          '200': json(ref('NotificationLog')),
          ...signedIn,
          '404': problem('No application you may see'),
        },
      },
    },
    '/applications/{id}/assignee': {
      put: {
        operationId: 'assignApplication',
        summary:
          "Claim (your own id), assign to a colleague or release (null). Taking or releasing someone else's needs the head role or admin",
        security: bearer,
        parameters: [path('id')],
        requestBody: body({
          type: 'object',
          required: ['userId'],
          properties: {
            userId: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'The officer, or null to release' },
          },
        }),
        responses: {
          ...always,
          '200': json(ref('Application')),
          '400': problem('userId is not a user id or null'),
          ...signedIn,
          '403': problem(
            "Not an officer of the provider, or assigning or releasing a colleague's without the head role",
          ),
          '404': problem('No application you may see'),
          '409': problem('Taken by another officer (assignment.taken)'),
          '422': problem('The user is not an officer of the provider'),
        },
      },
    },
    '/officers': {
      get: {
        operationId: 'listOfficers',
        summary: 'The officers of a provider, for the inbox\'s "assign to" list',
        security: bearer,
        parameters: [query('provider', { type: 'string' }, true)],
        responses: {
          ...always,
          '200': json(ref('OfficerList')),
          '400': problem('No provider given'),
          ...signedIn,
          '403': problem('Not an officer of that provider, nor an admin'),
        },
      },
    },
    '/applications/{id}/events': {
      get: {
        operationId: 'listApplicationEvents',
        summary: 'The events of an application, in order',
        security: bearer,
        parameters: [path('id')],
        responses: {
          ...always,
          '200': json(ref('ApplicationEventList')),
          ...signedIn,
          '404': problem('No application you may see'),
        },
      },
      post: {
        operationId: 'sendApplicationEvent',
        summary: 'An officer or applicant action',
        security: bearer,
        parameters: [path('id')],
        requestBody: body({
          type: 'object',
          required: ['type'],
          properties: { type: { type: 'string' }, data: { type: 'object', additionalProperties: true } },
        }),
        responses: {
          ...always,
          '200': json(ref('Application')),
          ...signedIn,
          '403': problem('Your role may not send this event'),
          '404': problem('No application you may see'),
          '409': problem('The event is not allowed in this state'),
          '422': problem('No type, or data that is not an object'),
        },
      },
    },
    '/applications/{id}/events/preview': {
      post: {
        operationId: 'previewApplicationEvent',
        summary:
          'What an event would do (the state, the documents it would issue), with the checks of the event; nothing is stored',
        security: bearer,
        parameters: [path('id')],
        requestBody: body({
          type: 'object',
          required: ['type'],
          properties: { type: { type: 'string' }, data: { type: 'object', additionalProperties: true } },
        }),
        responses: {
          ...always,
          '200': json(ref('EventPreview')),
          ...signedIn,
          '403': problem('Your role may not send this event'),
          '404': problem('No application you may see'),
          '409': problem('The event is not allowed in this state'),
          '422': problem('No type, data that is not an object, or data the event refuses'),
        },
      },
    },
    '/applications/{id}/comments': {
      get: {
        operationId: 'listApplicationComments',
        summary: "The officers' internal comments on an application, oldest first (never its applicant's to read)",
        security: bearer,
        parameters: [path('id')],
        responses: {
          ...always,
          '200': json(ref('CommentList')),
          ...signedIn,
          '404': problem("No application whose officers' comments you may read"),
        },
      },
      post: {
        operationId: 'addApplicationComment',
        summary: 'An internal comment of an officer of the provider (audited as application.comment)',
        security: bearer,
        parameters: [path('id')],
        requestBody: body({
          type: 'object',
          required: ['text'],
          properties: { text: { type: 'string', minLength: 1, maxLength: 2000 } },
        }),
        responses: {
          ...always,
          '201': json(ref('Comment'), 'Created'),
          ...signedIn,
          '404': problem("No application whose officers' comments you may read"),
          '422': problem('No text, an empty one, or one over 2000 characters'),
        },
      },
    },
    '/applications/{id}/documents/{documentId}': {
      get: {
        operationId: 'getApplicationDocument',
        summary: 'A document: HTML, or PDF with Accept: application/pdf (?lang=kk|ru)',
        security: bearer,
        parameters: [path('id'), path('documentId'), query('lang', { type: 'string', enum: ['kk', 'ru'] })],
        responses: {
          ...always,
          '200': {
            description: 'The document',
            content: {
              'text/html': { schema: { type: 'string' } },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...signedIn,
          '404': problem('No such document'),
        },
      },
    },
    '/verify/{number}': {
      get: {
        operationId: 'verifyDocument',
        security: [],
        summary:
          'Public verification of an issued document by the number (and QR code) printed on it: type, date, issuer, the SHA-256 of its PDF; nothing personal',
        parameters: [path('number')],
        responses: {
          ...always,
          '200': json(ref('Verification')),
          '400': problem('Not a document number such as GKNPZH-CPD-2026-000123-1, or a malformed request'),
          '404': problem('No issued document has this number'),
          ...throttled('More than 120 verifications a minute from one client'),
        },
      },
    },
    '/simulate': {
      post: {
        operationId: 'simulate',
        security: [],
        summary: 'Run one application through a service without storing it',
        requestBody: body({
          type: 'object',
          required: ['serviceId', 'at', 'data'],
          properties: {
            serviceId: { type: 'string' },
            at: { type: 'string', description: 'ISO 8601 instant' },
            data: { type: 'object', additionalProperties: true },
            events: { type: 'array', items: { type: 'object', additionalProperties: true } },
          },
        }),
        responses: {
          ...always,
          '200': json(ref('Simulation')),
          '404': problem('No such service, or no version in force at that instant'),
          '422': problem('Invalid data, instant or events'),
          ...throttled('Too many simulations from this client: wait and retry'),
        },
      },
    },
    '/calendar/{year}': {
      get: {
        operationId: 'getCalendar',
        security: [],
        summary: 'The working calendar of a year',
        parameters: [
          { name: 'year', in: 'path', required: true, schema: { type: 'integer' } },
          query('schedule', { type: 'string', default: 'provider-default' }),
        ],
        responses: {
          ...always,
          '200': json(ref('Calendar')),
          '400': problem('Not a year, or a malformed request'),
          '404': problem('No such schedule'),
          '422': problem('Year outside the data'),
        },
      },
    },
    '/deadline': {
      get: {
        operationId: 'computeDeadline',
        security: [],
        summary: 'A due instant with its explanation',
        parameters: [
          query('from', { type: 'string' }, true),
          query('duration', { type: 'string' }, true),
          query('schedule', { type: 'string', default: 'provider-default' }),
        ],
        responses: {
          ...always,
          '200': json(ref('Deadline')),
          '400': problem('No from or duration, or a malformed request'),
          '404': problem('No such schedule'),
          '422': problem('Bad instant or unit'),
        },
      },
    },
    '/admin/definitions': {
      get: {
        operationId: 'listDefinitions',
        summary: 'Every service with its versions, and the problems found in the definitions',
        security: bearer,
        responses: { ...always, '200': json(ref('DefinitionList')), ...admin },
      },
    },
    '/admin/definitions/{id}': {
      get: {
        operationId: 'getDefinition',
        summary: 'The assembled definition of a service and the acts it cites',
        security: bearer,
        parameters: [path('id')],
        responses: { ...always, '200': json(ref('DefinitionSource')), ...admin, ...unknownService },
      },
    },
    '/admin/definitions/{id}/files': {
      get: {
        operationId: 'getDefinitionFiles',
        summary:
          "The source files of a service, the shared fragments and the acts' texts it cites, for the workbench to compile in the browser",
        security: bearer,
        parameters: [path('id')],
        responses: { ...always, '200': json(ref('DefinitionFiles')), ...admin, ...unknownService },
      },
    },
    '/admin/definitions/{id}/coverage': {
      get: {
        operationId: 'getDefinitionCoverage',
        summary: 'Which operative clauses of the acts the definition cites, explains, or leaves out',
        security: bearer,
        parameters: [path('id')],
        responses: { ...always, '200': json(ref('Coverage')), ...admin, ...unknownService },
      },
    },
    '/admin/definitions/{id}/diff': {
      get: {
        operationId: 'diffVersions',
        summary: 'The changes between two versions',
        security: bearer,
        parameters: [path('id'), query('from', { type: 'string' }, true), query('to', { type: 'string' }, true)],
        responses: {
          ...always,
          '200': json(ref('VersionDiff')),
          '400': problem('No such version, or a malformed request'),
          ...admin,
          ...unknownService,
        },
      },
    },
    '/admin/definitions/{id}/drafts': {
      get: {
        operationId: 'listDrafts',
        summary: 'The drafts of new versions, published ones included',
        security: bearer,
        parameters: [path('id'), query('all', { type: 'string', enum: ['true', 'false'] })],
        responses: { ...always, '200': json(ref('DraftList')), ...admin, ...unknownService },
      },
      post: {
        operationId: 'createDraft',
        summary: 'Draft a new version: the given one, or a copy of the version in force',
        security: bearer,
        parameters: [path('id')],
        requestBody: draftBody,
        responses: {
          ...always,
          '201': json(ref('Draft'), 'Created'),
          ...admin,
          ...unknownService,
          '422': problem('The body is not a version, changes or note as described'),
        },
      },
    },
    '/admin/definitions/{id}/drafts/{draftId}': {
      get: {
        operationId: 'getDraft',
        summary: 'One draft',
        security: bearer,
        parameters: [path('id'), path('draftId')],
        responses: { ...always, '200': json(ref('Draft')), ...admin, ...unknownDraft },
      },
      put: {
        operationId: 'saveDraft',
        summary: 'Replace the drafted version',
        security: bearer,
        parameters: [path('id'), path('draftId')],
        requestBody: draftBody,
        responses: {
          ...always,
          '200': json(ref('Draft')),
          ...admin,
          ...unknownDraft,
          '409': problem('Saved by someone else since that revision (the answer lists what changed), or closed'),
          '422': problem(
            'No revision in the body, more than 1000 changes, or a template path leading outside the definitions',
          ),
        },
      },
      delete: {
        operationId: 'discardDraft',
        summary: 'Discard the draft (its revisions stay in the store and the audit trail)',
        security: bearer,
        parameters: [path('id'), path('draftId')],
        responses: {
          ...always,
          '200': json(ref('Draft')),
          ...admin,
          ...unknownDraft,
          '409': problem('Already closed'),
        },
      },
    },
    '/admin/definitions/{id}/drafts/{draftId}/revisions': {
      get: {
        operationId: 'listDraftRevisions',
        summary: 'Every saved revision of the draft, oldest first',
        security: bearer,
        parameters: [path('id'), path('draftId')],
        responses: { ...always, '200': json(ref('DraftRevisions')), ...admin, ...unknownDraft },
      },
    },
    '/admin/definitions/{id}/drafts/{draftId}/approve': {
      post: {
        operationId: 'approveDraft',
        summary: 'A second analyst (not the author) approves this revision for publication',
        security: bearer,
        parameters: [path('id'), path('draftId')],
        requestBody: revBody,
        responses: {
          ...always,
          '200': json(ref('Draft')),
          ...admin,
          '403': problem('Not an analyst or a head, or the author of the draft (a second analyst approves)'),
          ...unknownDraft,
          '409': problem('The draft changed since that revision, or is closed'),
        },
      },
    },
    '/admin/definitions/{id}/drafts/{draftId}/scenarios/accept': {
      post: {
        operationId: 'acceptScenario',
        summary: "Received as expected: the scenario's expectation becomes what the draft now produces",
        security: bearer,
        parameters: [path('id'), path('draftId')],
        requestBody: body({
          type: 'object',
          required: ['file', 'rev'],
          properties: { file: { type: 'string' }, rev: { type: 'integer' } },
        }),
        responses: {
          ...always,
          '200': json(ref('Draft')),
          ...admin,
          ...unknownDraft,
          '409': problem('The draft changed since that revision'),
          '422': problem('The draft does not compile'),
        },
      },
    },
    '/admin/definitions/{id}/drafts/{draftId}/check': {
      post: {
        operationId: 'checkDraft',
        summary: "The draft's problems, the scenarios whose outcome it changes, the open applications it leaves",
        security: bearer,
        parameters: [path('id'), path('draftId')],
        responses: {
          ...always,
          '200': json(ref('DraftCheck')),
          ...admin,
          ...unknownDraft,
          '422': problem('The check took longer than its time budget or more memory than it is given'),
        },
      },
    },
    '/admin/definitions/{id}/drafts/{draftId}/publish': {
      post: {
        operationId: 'publishDraft',
        summary: 'Publish the draft as a new version, from a date given or computed from the publication of the act',
        security: bearer,
        parameters: [path('id'), path('draftId')],
        requestBody: body({
          type: 'object',
          properties: {
            effectiveFrom: { type: 'string', description: 'YYYY-MM-DD' },
            publishedOn: { type: 'string', description: 'YYYY-MM-DD: the first official publication of the act' },
            calendarDays: { type: 'integer', default: 10, description: 'In force after this many days' },
          },
        }),
        responses: {
          ...always,
          '200': json(ref('Publication')),
          ...admin,
          ...unknownDraft,
          '409': problem('Already published, or this revision has no approval by a second analyst'),
          '422': problem('No date, a date in the past, a draft with problems, or failing scenarios'),
        },
      },
    },
    '/admin/acts': {
      get: {
        operationId: 'listActs',
        summary: 'The acts registry',
        security: bearer,
        responses: { ...always, '200': json(ref('ActList')), ...admin },
      },
      post: {
        operationId: 'registerAct',
        summary: 'Register an act (an amending order before anyone edits a file)',
        security: bearer,
        requestBody: actBody,
        responses: {
          ...always,
          '201': json(ref('RegisteredAct'), 'Created'),
          ...admin,
          '409': problem('An act with this id exists'),
          '422': problem('The entry is not valid (errors as pointers)'),
        },
      },
    },
    '/admin/acts/{id}': {
      get: {
        operationId: 'getAct',
        summary: 'One act',
        security: bearer,
        parameters: [path('id')],
        responses: { ...always, '200': json(ref('RegisteredAct')), ...admin, '404': problem('No such act') },
      },
      patch: {
        operationId: 'amendAct',
        summary: 'Amend an entry (typically its publication date): the versions waiting for it take their dates',
        security: bearer,
        parameters: [path('id')],
        requestBody: actBody,
        responses: {
          ...always,
          '200': json(ref('RegisteredAct')),
          ...admin,
          '404': problem('No such act'),
          '422': problem('The entry is not valid'),
        },
      },
    },
    '/admin/acts/{id}/clauses': {
      get: {
        operationId: 'getActClauses',
        summary: "An act's clauses with the seed text of each, to choose the one a legalRef cites",
        security: bearer,
        parameters: [path('id')],
        responses: { ...always, '200': json(ref('ActClauses')), ...admin, '404': problem('No such act') },
      },
    },
    '/admin/calendars': {
      get: {
        operationId: 'getCalendars',
        summary: 'The working calendars and schedules, for the workbench to compute working time in the browser',
        security: bearer,
        responses: { ...always, '200': json(ref('Calendars')), ...admin },
      },
    },
    '/admin/audit': {
      get: {
        operationId: 'listAudit',
        summary: 'The audit trail, newest first, a page at a time; an analyst sees definition and act events only',
        security: bearer,
        parameters: [
          query('subject', { type: 'string', description: 'e.g. definition:<serviceId>' }),
          query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 200 }),
          query('cursor', { type: 'string', description: 'The nextCursor of the page before' }),
        ],
        responses: { ...always, '200': json(ref('AuditList')), ...admin },
      },
    },
    '/admin/webhooks': {
      get: {
        operationId: 'listWebhooks',
        summary: 'The webhook subscriptions (admins)',
        security: bearer,
        responses: { ...always, '200': json(ref('WebhookList')), ...admin },
      },
      post: {
        operationId: 'createWebhook',
        summary: 'Subscribe a URL to application events (admins)',
        security: bearer,
        requestBody: body({
          type: 'object',
          required: ['url', 'secret'],
          properties: {
            url: { type: 'string' },
            secret: { type: 'string', minLength: 16, description: 'Signs the deliveries' },
            serviceId: { type: 'string' },
            provider: { type: 'string' },
          },
        }),
        responses: {
          ...always,
          '201': json(ref('Webhook'), 'Created'),
          ...admin,
          '422': problem('Bad URL, short secret or unknown service'),
        },
      },
    },
    '/admin/webhooks/{id}/deliveries': {
      get: {
        operationId: 'listWebhookDeliveries',
        summary: 'The deliveries of a subscription (admins)',
        security: bearer,
        parameters: [path('id')],
        responses: { ...always, '200': json(ref('WebhookDeliveryList')), ...admin },
      },
    },
  },
} as const;
