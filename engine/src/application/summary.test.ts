import { compileOnDisk, listRepoDir, readRepoJson, readRepoText } from '../../../tests/definitions/servicesOnDisk';
import type { CompiledService, CompiledVersion } from '../compiler';
import { checkFormAnnotations } from '../compiler/checkFormAnnotations';
import { summarizeApplication } from './summary';

/**
 * The applicant and the object of an application, as the officers' inbox shows them, read from the services on disk
 * (definitions/services) through their x-identity and x-summary annotations.
 */

const compiled = new Map<string, CompiledService>();
function compile(serviceId: string): CompiledService {
  const known = compiled.get(serviceId);
  if (known) return known;
  const { service, problems } = compileOnDisk(serviceId);
  expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  compiled.set(serviceId, service!);
  return service!;
}

const latest = (s: CompiledService): CompiledVersion => s.versions[s.versions.length - 1];

describe('summarizeApplication on the cadastral passport duplicate', () => {
  const version = latest(compile('cadastral-passport-duplicate'));

  test('an individual: the name and the IIN; the object is the cadastral number and the kind in words', () => {
    expect(
      summarizeApplication(version, {
        applicant: { kind: 'individual', iin: '900101300123', fullName: '  Әлиев Нұрлан Серікұлы ' },
        object: { cadastralNumber: '20:318:040:123:45', kind: 'apartment' },
      }),
    ).toEqual({
      applicantName: 'Әлиев Нұрлан Серікұлы',
      applicantId: '900101300123',
      object: {
        kk: '20:318:040:123:45, Пәтер',
        ru: '20:318:040:123:45, Квартира',
        en: '20:318:040:123:45, Apartment',
      },
    });
  });

  test('a legal entity: the BIN stands in for the IIN', () => {
    const s = summarizeApplication(version, {
      applicant: { kind: 'legal-entity', bin: '040340000357', fullName: 'ЖШС «Құрылыс»' },
      object: { cadastralNumber: '01:011:001:002:3', kind: 'other' },
    });
    expect(s.applicantId).toBe('040340000357');
    expect(s.object?.ru).toBe('01:011:001:002:3, Иной объект недвижимости');
  });

  test('missing, empty and mistyped values leave the parts out, never print them raw', () => {
    expect(summarizeApplication(version, { applicant: { fullName: '   ', iin: 900101300123 }, object: {} })).toEqual({
      applicantName: null,
      applicantId: null,
      object: null,
    });
    expect(summarizeApplication(version, null)).toEqual({ applicantName: null, applicantId: null, object: null });
    expect(summarizeApplication(version, { object: { kind: 'garage-in-space' } }).object?.kk).toBe('garage-in-space');
  });
});

describe('which fields of each service name the applicant and the object', () => {
  // The housing services ask for the applicant only: the certificate and the queue are about the applicant, so their
  // rows have no object. The register lookup has no applicant: anyone may ask, without identity.
  const expected: Record<string, { identity: Record<string, string>; summary: string[] }> = {
    'cadastral-passport-duplicate': {
      identity: { '/applicant/iin': 'iin', '/applicant/bin': 'bin', '/applicant/fullName': 'fullName' },
      summary: ['/object/cadastralNumber', '/object/kind'],
    },
    'new-real-estate-cadastre-entry': {
      identity: { '/applicant/iin': 'iin', '/applicant/bin': 'bin', '/applicant/fullName': 'fullName' },
      summary: ['/variant', '/object/kind', '/object/address', '/object/cadastralNumber'],
    },
    'housing-presence-certificate': {
      identity: { '/applicant/iin': 'iin', '/applicant/fullName': 'fullName' },
      summary: [],
    },
    'housing-queue-registration': {
      identity: { '/applicant/iin': 'iin', '/applicant/fullName': 'fullName' },
      summary: [],
    },
    'licence-construction-installation-works': {
      identity: { '/applicant/iin': 'iin', '/applicant/bin': 'bin', '/applicant/fullName': 'fullName' },
      summary: ['/request/kind', '/request/category'],
    },
    'licence-design-activity': {
      identity: { '/applicant/iin': 'iin', '/applicant/bin': 'bin', '/applicant/fullName': 'fullName' },
      summary: ['/request/kind', '/request/category'],
    },
    'licence-survey-activity': {
      identity: { '/applicant/iin': 'iin', '/applicant/bin': 'bin', '/applicant/fullName': 'fullName' },
      summary: ['/request/kind', '/request/category'],
    },
    'licence-shared-housing-construction': {
      identity: { '/applicant/iin': 'iin', '/applicant/bin': 'bin', '/applicant/fullName': 'fullName' },
      summary: ['/request/kind'],
    },
    'shared-construction-contract-record-extract': {
      identity: { '/applicant/bin': 'bin', '/applicant/name': 'fullName' },
      summary: ['/operation', '/contract/number', '/shareholder/fullName'],
    },
    'shared-construction-object-registration': {
      identity: { '/applicant/bin': 'bin', '/applicant/name': 'fullName' },
      summary: ['/request', '/object/name', '/object/location'],
    },
    'state-property-lease-payment-certificate': {
      identity: { '/applicant/binOrIin': 'iin', '/applicant/fullName': 'fullName' },
      summary: ['/contractNumber'],
    },
    'state-register-info-lookup': { identity: {}, summary: ['/infoType', '/criteria'] },
  };

  test('every service on disk is listed here', () => {
    expect(listRepoDir('definitions/services').sort()).toEqual(Object.keys(expected).sort());
  });

  test.each(Object.entries(expected))('%s: every version', (id, { identity, summary }) => {
    for (const version of compile(id).versions) {
      const fields = version.form.fields();
      expect(Object.fromEntries(fields.filter((f) => f.identity).map((f) => [f.pointer, f.identity]))).toEqual(
        identity,
      );
      expect(fields.filter((f) => f.summary).map((f) => f.pointer)).toEqual(summary);
    }
  });

  test.each(Object.keys(expected))('%s: every scenario gets a summary in words', (id) => {
    const service = compile(id);
    for (const file of listRepoDir(`definitions/services/${id}/scenarios`)) {
      const { data, at } = readRepoJson<{ data: unknown; at: string }>(`definitions/services/${id}/scenarios/${file}`);
      const version = service.versionAt(Date.parse(at)) ?? latest(service);
      const s = summarizeApplication(version, data);
      if (Object.keys(expected[id].identity).length) expect(s.applicantName).toEqual(expect.any(String));
      if (expected[id].summary.length) expect(s.object?.kk).toEqual(expect.any(String));
      // An enum value is never printed raw: each part is a label or what the applicant wrote.
      for (const part of (s.object?.ru ?? '').split(', ')) expect(part).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
  });
});

describe('checkFormAnnotations', () => {
  const form = (properties: Record<string, unknown>) => ({ type: 'object', properties });

  test('an identity on a field that is not a string is located at its annotation', () => {
    expect(
      checkFormAnnotations(
        form({ a: { type: 'object', properties: { n: { type: 'number', 'x-identity': 'iin' } } } }),
        '/versions/1/form',
      ),
    ).toEqual([
      expect.objectContaining({
        code: 'form.identityNotString',
        kind: 'definition',
        pointer: '/versions/1/form/properties/a/properties/n/x-identity',
      }),
    ]);
  });

  test('two fields with the same identity kind: the second is reported', () => {
    const problems = checkFormAnnotations(
      form({
        applicant: { type: 'object', properties: { fullName: { type: 'string', 'x-identity': 'fullName' } } },
        representative: { type: 'object', properties: { fullName: { type: 'string', 'x-identity': 'fullName' } } },
      }),
      '/versions/0/form',
    );
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['form.identityTwice', '/versions/0/form/properties/representative/properties/fullName/x-identity'],
    ]);
  });

  test('one field declared in a branch as well is one field, not two', () => {
    const schema = {
      type: 'object',
      properties: { iin: { type: 'string', 'x-identity': 'iin' } },
      then: { properties: { iin: { type: 'string', 'x-identity': 'iin', minLength: 12 } } },
      if: { required: ['iin'] },
    };
    expect(checkFormAnnotations(schema, '/versions/0/form')).toEqual([]);
  });

  test('an identity inside a list and a summary on an object are errors', () => {
    const problems = checkFormAnnotations(
      form({
        heirs: {
          type: 'array',
          items: { type: 'object', properties: { iin: { type: 'string', 'x-identity': 'iin' } } },
        },
        object: { type: 'object', 'x-summary': true },
      }),
      '',
    );
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['form.identityInArray', '/properties/heirs/items/properties/iin/x-identity'],
      ['form.summaryNotScalar', '/properties/object/x-summary'],
    ]);
  });

  test('a summary enum must label every value, so the inbox never prints a raw one', () => {
    const problems = checkFormAnnotations(
      form({
        kind: {
          enum: ['apartment', 'garage'],
          'x-summary': true,
          'x-enumLabels': { apartment: { kk: 'Пәтер', ru: 'Квартира' } },
        },
      }),
      '/versions/0/form',
    );
    expect(problems.map((p) => [p.code, p.pointer, p.params?.values])).toEqual([
      ['form.summaryUnlabelled', '/versions/0/form/properties/kind/x-summary', ['garage']],
    ]);
  });

  test('compileService reports the mistake with the file and line of the annotation', () => {
    // The real service, its version's area field wrongly marked as the applicant's IIN.
    const versionFile = 'definitions/services/cadastral-passport-duplicate/versions/2026-order-65.json';
    const versionText = readRepoText(versionFile)!.replace(
      /("totalArea": \{\n(\s+)"type": "number",)/,
      '$1\n$2"x-identity": "phone",',
    );
    expect(versionText).toContain('"x-identity": "phone"');
    const readPatched = (p: string) => (p === versionFile ? versionText : readRepoText(p));
    const { service, problems } = compileOnDisk('cadastral-passport-duplicate', readPatched);
    expect(service).toBeUndefined();
    const problem = problems.find((p) => p.code === 'form.identityNotString')!;
    expect(problem.pointer).toBe('/versions/0/form/properties/object/properties/totalArea/x-identity');
    expect(problem.file).toContain('2026-order-65.json');
    expect(versionText.split('\n')[problem.line! - 1]).toContain('"x-identity": "phone"');
  });
});

describe('the forms on disk enforce the consent the act makes a condition (no automatic refusal afterwards)', () => {
  const cases = [
    ['cadastral-passport-duplicate', '16-refused-two-grounds-term-over-moved-8-march.json'],
    ['new-real-estate-cadastre-entry', '01-data-entry-individual-house-tuesday-first-working-day.json'],
  ] as const;

  test.each(cases)('%s: the scenario data is accepted with the tick and rejected without it', (id, scenario) => {
    const version = latest(compile(id));
    const { data } = readRepoJson<{ data: Record<string, unknown> }>(
      `definitions/services/${id}/scenarios/${scenario}`,
    );
    expect(version.form.validate(data, 'kk')).toEqual([]);
    const errors = version.form.validate({ ...data, consentToPersonalData: false }, 'kk');
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([['/consentToPersonalData', 'form.const']]);
    expect(errors[0].label?.kk).toContain('келісім');
    expect(errors[0].messages.ru).toContain('нужно отметить');
    expect(version.form.validate({ ...data, consentToPersonalData: undefined }, 'ru')[0].code).toBe('form.required');
  });
});
