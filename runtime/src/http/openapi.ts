/**
 * The OpenAPI 3.1 document of /api/v1. The integration tests validate real responses against these schemas, so
 * the document cannot drift from what the API does.
 */

const text = {
  type: 'object',
  required: ['kk', 'ru'],
  properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } },
};
const problemRef = { $ref: '#/components/schemas/Problem' };
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const bearer = [{ bearer: [] }];
const status = { type: 'string', enum: ['registered', 'in-progress', 'suspended', 'approved', 'refused', 'withdrawn'] };
const instant = { type: 'string', description: 'ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00' };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Qyzmet API',
    version: '1.0.0',
    description:
      'State services of Kazakhstan declared as JSON: catalogue, applications, officer actions, documents, simulation, the working calendar. Errors are RFC 9457 problem details; messages follow Accept-Language (kk, ru, en).',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'POST /auth/login gives the token' } },
    schemas: {
      Text: text,
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          instance: { type: 'string' },
          code: { type: 'string' },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['pointer', 'code', 'message'],
              properties: {
                pointer: { type: 'string' },
                code: { type: 'string' },
                message: { type: 'string' },
                messages: { type: 'object' },
              },
            },
          },
        },
      },
      VersionSummary: {
        type: 'object',
        required: ['id', 'effectiveFrom', 'effectiveTo'],
        properties: {
          id: { type: 'string' },
          effectiveFrom: { type: ['string', 'null'] },
          effectiveTo: { type: ['string', 'null'] },
          effectiveFromHow: { type: 'string' },
          effectiveToHow: { type: 'string' },
          producedBy: { type: 'array', items: { type: 'string' } },
          partial: { type: 'array', items: { type: 'string' } },
        },
      },
      ServiceSummary: {
        type: 'object',
        required: ['id', 'name', 'kind', 'versionInForce', 'versions'],
        properties: {
          id: { type: 'string' },
          name: text,
          kind: { type: 'string' },
          versionInForce: { type: ['string', 'null'] },
          versions: { type: 'array', items: { $ref: '#/components/schemas/VersionSummary' } },
        },
      },
      Service: {
        type: 'object',
        required: ['id', 'name', 'version'],
        properties: {
          id: { type: 'string' },
          name: text,
          version: {
            type: 'object',
            required: ['id', 'form', 'deadlines'],
            properties: {
              id: { type: 'string' },
              form: { type: 'object' },
              deadlines: { type: 'array' },
              refusalGrounds: { type: 'array' },
              documents: { type: 'array' },
              machine: { type: 'object' },
            },
          },
        },
      },
      Application: {
        type: 'object',
        required: [
          'id',
          'serviceId',
          'version',
          'state',
          'status',
          'registeredAt',
          'deadlines',
          'documents',
          'allowedEvents',
        ],
        properties: {
          id: { type: 'string' },
          serviceId: { type: 'string' },
          version: { type: 'string' },
          provider: { type: 'string' },
          channel: { type: ['string', 'null'] },
          state: { type: 'string' },
          status,
          arrivedAt: instant,
          registeredAt: instant,
          deadlines: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'dueAt'],
              properties: { id: { type: 'string' }, dueAt: { type: ['string', 'null'] }, status: { type: 'string' } },
            },
          },
          documents: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'title'],
              properties: {
                id: { type: 'string' },
                title: { type: 'string' },
                kind: { type: 'string' },
                issuedAt: instant,
              },
            },
          },
          allowedEvents: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type'],
              properties: { type: { type: 'string' }, name: { type: 'string' } },
            },
          },
          refusal: {
            type: ['object', 'null'],
            properties: {
              grounds: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'message', 'legalRef'],
                  properties: {
                    id: { type: 'string' },
                    message: { type: 'string' },
                    legalRef: { type: 'object' },
                    facts: {},
                  },
                },
              },
            },
          },
          data: { type: 'object' },
          history: { type: 'array' },
          overdue: { type: 'boolean' },
        },
      },
      ApplicationList: {
        type: 'object',
        required: ['items', 'total', 'limit', 'offset'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/Application' } },
          total: {
            type: 'integer',
            description: 'Exact when totalExact; otherwise a lower bound (the count stops at 10 000)',
          },
          totalExact: { type: 'boolean' },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
        },
      },
      Calendar: {
        type: 'object',
        required: ['year', 'months', 'workingDays'],
        properties: {
          year: { type: 'integer' },
          workingDays: { type: 'integer' },
          months: {
            type: 'array',
            items: {
              type: 'object',
              required: ['month', 'workingDays', 'daysOff', 'workingWeekendDays'],
              properties: {
                month: { type: 'integer' },
                workingDays: { type: 'integer' },
                daysOff: { type: 'array', items: { type: 'string' } },
                workingWeekendDays: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
      Deadline: {
        type: 'object',
        required: ['from', 'registeredAt', 'dueAt', 'explanation'],
        properties: { from: instant, registeredAt: instant, dueAt: instant, explanation: { type: 'array' } },
      },
      Simulation: {
        type: 'object',
        required: [
          'serviceId',
          'version',
          'registeredAt',
          'state',
          'status',
          'deadlines',
          'refusal',
          'documents',
          'trace',
        ],
        properties: {
          serviceId: { type: 'string' },
          version: { type: 'string' },
          registeredAt: instant,
          state: { type: 'string' },
          status,
          deadlines: { type: 'array', items: { type: 'object', required: ['id', 'dueAt'] } },
          refusal: { type: ['object', 'null'] },
          documents: { type: 'array', items: { type: 'object', required: ['id', 'title', 'html'] } },
          trace: { type: 'array' },
        },
      },
      Login: {
        type: 'object',
        required: ['token', 'expiresAt', 'user'],
        properties: { token: { type: 'string' }, expiresAt: { type: 'string' }, user: { type: 'object' } },
      },
    },
  },
  paths: {
    '/health': { get: { summary: 'Ready', responses: { '200': json({ type: 'object' }) } } },
    '/services': {
      get: {
        summary: 'The service catalogue',
        responses: {
          '200': json({
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ServiceSummary' } } },
          }),
        },
      },
    },
    '/services/{id}': {
      get: {
        summary: 'The version in force now, or at ?at=<date or instant>',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'at', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': json({ $ref: '#/components/schemas/Service' }),
          '404': problem('No such service, or no version in force then (names the repealing act)'),
        },
      },
    },
    '/services/{id}/versions': {
      get: {
        summary: 'Every version with its period',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json({
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/VersionSummary' } } },
          }),
          '404': problem('No such service'),
        },
      },
    },
    '/auth/login': {
      post: {
        summary: 'Sign in',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['username', 'password'],
                properties: { username: { type: 'string' }, password: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          '200': json({ $ref: '#/components/schemas/Login' }),
          '401': problem('Wrong username or password'),
        },
      },
    },
    '/applications': {
      post: {
        summary: 'Submit an application',
        security: bearer,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['serviceId', 'data'],
                properties: {
                  serviceId: { type: 'string' },
                  data: { type: 'object' },
                  channel: { type: 'string' },
                  provider: { type: 'string' },
                },
              },
            },
          },
        },
        responses: {
          '201': json({ $ref: '#/components/schemas/Application' }, 'Registered'),
          '400': problem('Malformed JSON'),
          '401': problem('Not signed in'),
          '404': problem('Unknown service or no version in force'),
          '413': problem('Body too large'),
          '422': problem('Field errors with JSON pointers, in the Accept-Language'),
        },
      },
      get: {
        summary: 'Inbox: applications you may see, by due instant',
        security: bearer,
        parameters: ['status', 'provider', 'overdue', 'serviceId', 'dueBefore', 'limit', 'offset'].map((name) => ({
          name,
          in: 'query',
          schema: { type: 'string' },
        })),
        responses: {
          '200': json({ $ref: '#/components/schemas/ApplicationList' }),
          '401': problem('Not signed in'),
          '403': problem('Not your provider'),
        },
      },
    },
    '/applications/{id}': {
      get: {
        summary: 'One application',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json({ $ref: '#/components/schemas/Application' }),
          '401': problem('Not signed in'),
          '404': problem('No application you may see'),
        },
      },
    },
    '/applications/{id}/events': {
      post: {
        summary: 'An officer or applicant action',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['type'],
                properties: { type: { type: 'string' }, data: { type: 'object' } },
              },
            },
          },
        },
        responses: {
          '200': json({ $ref: '#/components/schemas/Application' }),
          '403': problem('Your role may not send this event'),
          '404': problem('No application you may see'),
          '409': problem('The event is not allowed in this state'),
        },
      },
    },
    '/applications/{id}/documents/{documentId}': {
      get: {
        summary: 'A document: HTML, or PDF with Accept: application/pdf (?lang=kk|ru)',
        security: bearer,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'lang', in: 'query', schema: { type: 'string', enum: ['kk', 'ru'] } },
        ],
        responses: {
          '200': {
            description: 'The document',
            content: {
              'text/html': { schema: { type: 'string' } },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          },
          '404': problem('No such document'),
        },
      },
    },
    '/simulate': {
      post: {
        summary: 'Run one application through a service without storing it',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['serviceId', 'at', 'data'],
                properties: {
                  serviceId: { type: 'string' },
                  at: instant,
                  data: { type: 'object' },
                  events: { type: 'array' },
                },
              },
            },
          },
        },
        responses: {
          '200': json({ $ref: '#/components/schemas/Simulation' }),
          '404': problem('No version in force at that instant'),
          '422': problem('Invalid data'),
        },
      },
    },
    '/calendar/{year}': {
      get: {
        summary: 'The working calendar of a year',
        parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': json({ $ref: '#/components/schemas/Calendar' }), '422': problem('Year outside the data') },
      },
    },
    '/deadline': {
      get: {
        summary: 'A due instant with its explanation',
        parameters: [
          { name: 'from', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'duration', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: { '200': json({ $ref: '#/components/schemas/Deadline' }), '422': problem('Bad instant or unit') },
      },
    },
  },
} as const;
