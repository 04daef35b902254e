import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleDefinition } from '../../engine/src/format/assembleDefinition';
import type { ServiceForms } from './formValidatorCases';

// The applicant's form decides which fields a choice shows with a light interpreting validator instead of ajv (issue
// 18: the form page's weight). rjsf is ES modules only, which jest cannot load: the cases run in a node of their own
// through Vite's module loader (formValidatorCases.ts), and their results are checked here.
type Results = ReturnType<typeof import('./formValidatorCases').run>;
let results: Results;
const tmp = mkdtempSync(join(tmpdir(), 'form-validator-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every service's forms as the runtime serves them (assembled) and its scenarios' data. */
function serviceForms(): ServiceForms[] {
  const services = join(__dirname, '../../definitions/services');
  return readdirSync(services).map((service) => {
    const read = (f: string) => readFileSync(f, 'utf8');
    const { definition } = assembleDefinition(join(services, service, 'service.json'), read);
    const versions = (definition?.value as { versions?: { form?: object }[] } | undefined)?.versions ?? [];
    const scenarios = join(services, service, 'scenarios');
    return {
      service,
      forms: versions.map((v) => v.form).filter((f) => !!f && Object.keys(f).length > 0),
      data: readdirSync(scenarios, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json'))
        .map((f) => (JSON.parse(read(join(scenarios, f))) as { data?: unknown }).data),
    };
  });
}

beforeAll(() => {
  const servicesFile = join(tmp, 'services.json');
  writeFileSync(servicesFile, JSON.stringify(serviceForms()));
  const script = `
    import { createServer } from 'vite';
    const server = await createServer({ configFile: false, root: ${JSON.stringify(join(__dirname, '../..'))},
      logLevel: 'silent', server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true } });
    try {
      const cases = await server.ssrLoadModule(${JSON.stringify(join(__dirname, 'formValidatorCases.ts'))});
      process.stdout.write(JSON.stringify(cases.run(${JSON.stringify(servicesFile)})));
    } finally {
      await server.close();
    }`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(__dirname, '../../admin-ui'),
    encoding: 'utf8',
  });
  results = JSON.parse(out) as Results;
});

describe('the applicant form validator', () => {
  test("every service's form shows what rjsf's ajv validator shows, for every scenario's data, in each language", () => {
    expect(results.parity.differing).toEqual([]);
    // The comparison means something only if the definitions have conditional forms and data to take their branches.
    expect(results.parity.conditional).toBeGreaterThan(3);
    expect(results.parity.compared).toBeGreaterThan(500);
  });

  test('a choice shows the fields of its branch; $refs into $defs and the definition formats are understood', () => {
    expect(results.isBin).toBe(true);
    expect(results.fields).toEqual({
      none: ['kind', 'id'],
      legalEntity: ['kind', 'id', 'companyName'],
      individual: ['kind', 'id'],
      iin: ['kind', 'id'],
      bin: ['kind', 'id', 'director'],
    });
    expect(results.ref).toEqual([false, true]);
  });

  test('validateFormData locates the errors it finds (the form itself leaves validation to the server)', () => {
    expect(results.errors).toEqual([
      ['.id', 'type'],
      ['.kind', 'enum'],
    ]);
    expect(results.kindErrors).toBe(1);
    expect(results.validErrors).toEqual([]);
  });
});
