import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, type Scenario } from '@qyzmet/engine';
import { loadRepository } from '../../runtime/src/registry/loadRepository';
import {
  applicationPlaceholders,
  formPlaceholders,
  inlineWordingAllowed,
  insertAt,
  templateFileOf,
  withTemplateText,
  wordingSource,
} from '../../admin-ui/src/analyst/editors/templateModel';

const root = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('placeholders a document may print', () => {
  const form = {
    type: 'object',
    properties: {
      applicant: {
        type: 'object',
        'x-label': { kk: 'Алушы', ru: 'Услугополучатель', en: 'Applicant' },
        properties: {
          fullName: { type: 'string', 'x-label': { kk: 'Аты-жөні', ru: 'ФИО' } },
          born: { type: 'string', format: 'date', 'x-label': { kk: 'Туған күні', ru: 'Дата рождения' } },
        },
      },
      area: { type: 'number', 'x-label': { kk: 'Ауданы', ru: 'Площадь' } },
      owners: { type: 'array', items: { type: 'string' } },
      'odd.key': { type: 'string' },
      broken: 'not a schema',
    },
  };
  test('the form’s fields by their labels, nested objects walked, values formatted as documents print them', () => {
    expect(formPlaceholders(form, 'ru').map((p) => [p.label, p.insert])).toEqual([
      ['Услугополучатель › ФИО', '{{data.applicant.fullName}}'],
      ['Услугополучатель › Дата рождения', '{{date data.applicant.born}}'],
      ['Площадь', '{{number data.area}}'],
      ['owners', '{{#each data.owners}}{{this}} {{/each}}'],
      ['odd.key', '{{data.[odd.key]}}'],
    ]);
    // English falls back to Russian where a label has no English.
    expect(formPlaceholders(form, 'en')[0].label).toBe('Applicant › ФИО');
  });
  test('odd forms give no entries, not an error', () => {
    expect(formPlaceholders({ $include: 'x.json' }, 'kk')).toEqual([]);
    expect(formPlaceholders(undefined, 'kk')).toEqual([]);
  });
  test('the application’s facts, one per deadline of the version', () => {
    const facts = applicationPlaceholders(
      { deadlines: [{ id: 'service', label: { kk: 'Қызмет мерзімі', ru: 'Срок услуги' }, legalRef: { act: 'x' } }] },
      'ru',
    );
    expect(facts.map((p) => p.path)).toEqual([
      'application.id',
      'application.registeredAt',
      'now',
      'deadlines.service',
      'service.label',
      'service.provider.label',
      'refusal.grounds',
    ]);
    expect(facts.find((p) => p.path === 'deadlines.service')).toMatchObject({
      insert: '{{datetime deadlines.service}}',
      params: { name: 'Срок услуги' },
    });
    expect(applicationPlaceholders({ deadlines: undefined as never }, 'kk')).toHaveLength(6);
  });
});

test.each([
  ['at the cursor', 'ab', 1, 1, { text: 'a{{x}}b', caret: 6 }],
  ['over a selection', 'abc', 1, 2, { text: 'a{{x}}c', caret: 6 }],
  ['out of range: at the end', 'ab', 9, 9, { text: 'ab{{x}}', caret: 7 }],
] as const)('insertAt %s', (_name, text, start, end, expected) => {
  expect(insertAt(text, start, end, '{{x}}')).toEqual(expected);
});

describe('a trial wording rendered by the engine', () => {
  // The service as the runtime compiles it from disk.
  const repo = loadRepository(join(root, 'definitions'), ['cadastral-passport-duplicate']);
  const compiledService = () => repo.services.get('cadastral-passport-duplicate')!;
  const scenario = JSON.parse(
    read(
      'definitions/services/cadastral-passport-duplicate/scenarios/01-apartment-individual-eds-gateway-approved-first-working-day.json',
    ),
  ) as Scenario;

  test('the template file is known, the trial replaces it in one language only, and simulate renders it', async () => {
    const service = compiledService();
    const version = service.versions[service.versions.length - 1];
    const file = templateFileOf(version, 'duplicate', 'kk');
    expect(file).toMatch(/templates\/duplicate\.kk\.hbs$/);
    const trial = withTemplateText(version, 'duplicate', 'kk', '<p>Алушы: {{data.applicant.fullName}}!</p>');
    expect(trial.error).toBeUndefined();
    expect(trial.version!.documents.get('duplicate')!.templates.ru).toBe(
      version.documents.get('duplicate')!.templates.ru,
    );
    expect(version.documents.get('duplicate')!.templates.kk.where.file).toBe(file);
    const r = await simulate(service, scenario.data, scenario.events, scenario.at, {
      version: trial.version,
      lang: 'kk',
      renderDocuments: true,
    });
    const doc = r.documents.find((d) => d.id === 'duplicate')!;
    expect(doc.html).toContain(`Алушы: ${(scenario.data as { applicant: { fullName: string } }).applicant.fullName}!`);
  });
  test('a broken trial is the engine’s error with its line and column', () => {
    const service = compiledService();
    const version = service.versions[service.versions.length - 1];
    const r = withTemplateText(version, 'duplicate', 'ru', '<p>\n{{#if data.x}}</p>');
    expect(r.version).toBeUndefined();
    expect(r.error).toMatchObject({ line: expect.any(Number) });
    expect(withTemplateText(version, 'nope', 'ru', '').error?.message).toMatch(/nope/);
  });
});

describe('the wording a version writes', () => {
  test.each([
    ['a file', '../templates/x.kk.hbs', { file: '../templates/x.kk.hbs' }],
    ['the text itself', { text: '<p>{{data.a}}</p>' }, { text: '<p>{{data.a}}</p>' }],
    ['odd data', { $include: 'x' }, null],
    ['nothing', undefined, null],
  ] as const)('%s', (_name, value, expected) => expect(wordingSource(value)).toEqual(expected));

  const files = { $defs: { document: { properties: { templates: { properties: { kk: { type: 'string' } } } } } } };
  const inline = {
    $defs: {
      document: { properties: { templates: { properties: { kk: { $ref: '#/$defs/src' } } } } },
      src: { oneOf: [{ type: 'string' }, { type: 'object', properties: { text: { type: 'string' } } }] },
    },
  };
  test('the meta-schema says whether a version may carry the wording itself', () => {
    expect(inlineWordingAllowed(files)).toBe(false);
    expect(inlineWordingAllowed(inline)).toBe(true);
    expect(inlineWordingAllowed(undefined)).toBe(false);
  });
});
