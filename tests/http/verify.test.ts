import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startTestServer, type TestServer } from './testServer';
import { apartment } from './cadastralFixtures';

// Issue 15, "Numbers and verification": an issued document carries a number, its PDF a QR code with the public
// verification URL and a signature block, and GET /verify/:number answers the document's facts and the SHA-256 of
// the PDF the applicant downloads, and nothing personal.

const clock = new Date('2026-03-03T10:00:00+05:00');
const PUBLIC_URL = 'https://qyzmet.example.kz';
let t: TestServer;
let token: (u: string) => Promise<string>;

beforeAll(async () => {
  process.env.QYZMET_PUBLIC_URL = `${PUBLIC_URL}/`;
  t = await startTestServer({ now: () => clock });
  const tokens = new Map<string, string>();
  token = async (u) => {
    if (!tokens.has(u))
      tokens.set(u, (await t.as(null, 'POST', '/auth/login', { username: u, password: 'demo' })).body.token);
    return tokens.get(u)!;
  };
}, 60_000);
afterAll(async () => {
  delete process.env.QYZMET_PUBLIC_URL;
  await t?.server.close();
});

async function pdfOf(appId: string, documentId: string, lang: 'kk' | 'ru'): Promise<Buffer> {
  const res = await fetch(`${t.api}/applications/${appId}/documents/${documentId}?lang=${lang}`, {
    headers: { accept: 'application/pdf', authorization: `Bearer ${await token('applicant')}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/pdf/);
  return Buffer.from(await res.arrayBuffer());
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hasPoppler = !spawnSync('pdftoppm', ['-v']).error && !spawnSync('pdftotext', ['-v']).error;
const POPPLER = 'pdftoppm/pdftotext (poppler-utils) are not installed: apt-get install -y poppler-utils';

/** The text of a PDF as pdftotext reads it, spaces collapsed. */
function textOf(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'qyzmet-verify-')), 'd.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The QR codes on the last page, read back from the page rendered at 150 dpi (pdftoppm), as a phone would. */
function qrOnLastPage(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-qr-'));
  writeFileSync(join(dir, 'd.pdf'), pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'd.pdf')], { encoding: 'utf8' }))![1]);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '150',
    '-f',
    String(pages),
    '-l',
    String(pages),
    join(dir, 'd.pdf'),
    join(dir, 'p'),
  ]);
  const png = PNG.sync.read(
    readFileSync(
      join(
        dir,
        readdirSync(dir).find((f) => f.endsWith('.png'))!,
      ),
    ),
  );
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('an approved duplicate: number, PDF seal and public verification', () => {
  let app: { id: string; number: string; documents: Array<{ id: string; number: string; issuedAt: string }> };

  beforeAll(async () => {
    const created = await t.as('applicant', 'POST', '/applications', {
      serviceId: 'cadastral-passport-duplicate',
      data: apartment,
      channel: 'portal',
    });
    expect(created.status).toBe(201);
    for (const type of ['FILE_HANDED_OVER', 'EXAMINED', 'SIGNED']) {
      const r = await t.as('officer', 'POST', `/applications/${created.body.id}/events`, { type });
      expect(r.status).toBe(200);
    }
    app = (await t.as('applicant', 'GET', `/applications/${created.body.id}`)).body;
  }, 60_000);

  test('the application and its document carry numbers: PROVIDER-SERVICE-YEAR-SEQUENCE and "-<n>"', () => {
    expect(app.number).toMatch(/^[A-Z0-9]{2,8}-[A-Z0-9]{2,8}-2026-\d{6}$/);
    const duplicate = app.documents.find((d) => d.id === 'duplicate')!;
    expect(duplicate.number).toBe(`${app.number}-${app.documents.indexOf(duplicate) + 1}`);
  });

  test('GET /verify/:number (anonymous) answers type, date, issuer and the SHA-256 of the PDF served', async () => {
    const duplicate = app.documents.find((d) => d.id === 'duplicate')!;
    const kk = await pdfOf(app.id, 'duplicate', 'kk');
    const ru = await pdfOf(app.id, 'duplicate', 'ru');
    const v = await t.as(null, 'GET', `/verify/${duplicate.number}`);
    expect(v.status).toBe(200);
    expect(v.body).toEqual({
      number: duplicate.number,
      type: { id: 'duplicate', kk: expect.stringContaining('телнұсқа'), ru: expect.stringContaining('Дубликат') },
      issuedAt: duplicate.issuedAt.slice(0, 10),
      issuer: { kk: expect.any(String), ru: expect.any(String) },
      sha256: { kk: sha256(kk), ru: sha256(ru) },
    });
    expect(v.body.issuer.kk.length).toBeGreaterThan(3);
    expect(v.body.issuer.ru).not.toBe(v.body.issuer.kk);
    // Nothing personal: not the applicant, the IIN, the object, nor the application's id.
    const said = JSON.stringify(v.body);
    for (const secret of ['Сейітова', '900101300017', '20-321-001-123', app.id]) expect(said).not.toContain(secret);
    // The PDF is the same bytes at every request, so the recorded hash keeps matching what is downloaded.
    expect(sha256(await pdfOf(app.id, 'duplicate', 'kk'))).toBe(v.body.sha256.kk);
  });

  test('the verification answers before any download too: the hash is that of the PDF served afterwards', async () => {
    const other = await t.as('applicant', 'POST', '/applications', {
      serviceId: 'cadastral-passport-duplicate',
      data: apartment,
    });
    for (const type of ['FILE_HANDED_OVER', 'EXAMINED', 'SIGNED'])
      await t.as('officer', 'POST', `/applications/${other.body.id}/events`, { type });
    const doc = (await t.as('applicant', 'GET', `/applications/${other.body.id}`)).body.documents[0];
    const v = await t.as(null, 'GET', `/verify/${doc.number}`);
    expect(v.status).toBe(200);
    expect(v.body.sha256.ru).toBe(sha256(await pdfOf(other.body.id, doc.id, 'ru')));
  });

  test('an unknown number is a 404 problem, a malformed one a 400 problem', async () => {
    const unknown = await t.as(null, 'GET', `/verify/${app.number}-99`);
    expect(unknown.status).toBe(404);
    expect(unknown.type).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('verify.unknown');
    for (const bad of ['not-a-number', encodeURIComponent(`${app.number}/1`), app.number, "1' OR '1'='1"]) {
      const r = await t.as(null, 'GET', `/verify/${bad}`);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('verify.malformed');
    }
  });

  (hasPoppler ? test : test.skip)(
    'a document formed before any official acted says so; a later one names who decided, in which role',
    async () => {
      const data = JSON.parse(
        readFileSync(
          join(
            __dirname,
            '../../definitions/services/new-real-estate-cadastre-entry/scenarios/01-data-entry-individual-house-tuesday-first-working-day.json',
          ),
          'utf8',
        ),
      ).data;
      const created = await t.as('applicant', 'POST', '/applications', {
        serviceId: 'new-real-estate-cadastre-entry',
        data,
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      // The gateway's data (another information system) is no official's decision.
      await t.as('officer', 'POST', `/applications/${id}/events`, { type: 'GATEWAY_DATA' });
      const early = (await t.as('applicant', 'GET', `/applications/${id}`)).body.documents;
      expect(early.length).toBeGreaterThan(0);
      for (const type of ['FILE_HANDED_OVER', 'EXAMINED', 'SIGNED'])
        expect((await t.as('officer', 'POST', `/applications/${id}/events`, { type })).status).toBe(200);
      const app = (await t.as('applicant', 'GET', `/applications/${id}`)).body;
      app.documents.forEach((d: { number: string }, i: number) => expect(d.number).toBe(`${app.number}-${i + 1}`));
      const first = textOf(await pdfOf(id, early[0].id, 'ru'));
      expect(first).toContain('Документ сформирован информационной системой автоматически.');
      expect(first).not.toContain('Решение принял(а)');
      const notice = app.documents.find((d: { id: string }) => d.id === 'data-entry-notice');
      const last = textOf(await pdfOf(id, notice.id, 'ru'));
      // SIGNED is the head's event (seed 003): the role in words, as the act names the position.
      expect(last).toMatch(/Решение принял\(а\): [^,]+, руководитель услугодателя, 03\.03\.2026 10:00/);
      expect(textOf(await pdfOf(id, notice.id, 'kk'))).toContain('көрсетілетін қызметті берушінің басшысы');
    },
  );

  (hasPoppler ? test : test.skip)(
    'the PDF prints the number and the signature block, and its QR code holds the verification URL',
    async () => {
      const duplicate = app.documents.find((d) => d.id === 'duplicate')!;
      const url = `${PUBLIC_URL}/api/v1/verify/${duplicate.number}`;
      const officer = (await t.as('officer', 'GET', '/auth/me')).body.user;
      const ru = await pdfOf(app.id, 'duplicate', 'ru');
      const text = textOf(ru);
      expect(text).toContain(`Номер документа: ${duplicate.number}`);
      // Who decided (the officer's name), in which role (the signing step's role, in words), when (the event's time).
      const name = String(officer.displayName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const signed = new RegExp(`Решение принял\\(а\\): ${name}, [а-яё ]+, 03\\.03\\.2026 10:00`);
      expect(text).toMatch(signed);
      expect(text).toContain(url);
      expect(qrOnLastPage(ru)).toBe(url);
      const kk = textOf(await pdfOf(app.id, 'duplicate', 'kk'));
      expect(kk).toContain(`Құжаттың нөмірі: ${duplicate.number}`);
      expect(kk).toMatch(/Шешім қабылдаған: .+, 03\.03\.2026 10:00/);
      // No role key in the citizen's document.
      expect(kk + text).not.toMatch(/\b(specialist|operator|executor|head|archive)\b/);
    },
  );
  if (!hasPoppler) test.skip(POPPLER, () => undefined);
});
