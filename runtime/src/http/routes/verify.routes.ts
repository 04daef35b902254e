import { Router } from 'express';
import { domainError } from '@qyzmet/engine';
import { DOCUMENT_NUMBER } from '../../applications/numbers';
import { issuedPdf } from '../../documents/issuedPdf';
import type { RuntimeContext } from '../../runtimeContext';
import { perMinute } from '../rateLimits';

/** Public verifications per client a minute: a person checks a paper or two; a scan of numbers meets a 429. */
export const VERIFY_PER_MINUTE = 120;

/** What the public verification answers: the document's own facts, nothing about its applicant. */
export interface Verification {
  number: string;
  type: { id: string; kk: string; ru: string };
  /** The date of issue (YYYY-MM-DD, the provider's calendar). */
  issuedAt: string;
  issuer: { kk: string; ru: string };
  /** SHA-256 (hex) of the PDF of each language, as GET /applications/:id/documents/:documentId serves it. */
  sha256: { kk: string; ru: string };
}

/**
 * GET /verify/:number (public, no sign-in): whoever holds a paper checks that the register issued it, by the number
 * or the QR code printed on it, and compares the file's SHA-256. The answer names the document, its date, its issuer
 * and the hashes, and nothing personal (no applicant, no data, no application id).
 */
export function verifyRoutes(ctx: RuntimeContext): Router {
  const r = Router();
  r.get('/verify/:number', perMinute(VERIFY_PER_MINUTE, 'rate.verify', 'verifications'), async (req, res) => {
    const number = String(req.params.number);
    if (!DOCUMENT_NUMBER.test(number))
      throw domainError(
        'request',
        'verify.malformed',
        `"${number.slice(0, 80)}" is not a document number such as GKNPZH-CPD-2026-000123-1`,
        { extensions: { parameter: 'number' } },
      );
    const docs = await ctx.store.findDocumentsByNumber(number);
    const kk = docs.find((d) => d.lang === 'kk');
    const ru = docs.find((d) => d.lang === 'ru');
    const app = kk && ru ? await ctx.store.getApplication(kk.applicationId) : undefined;
    if (!kk || !ru || !app)
      throw domainError('notFound', 'verify.unknown', `no issued document has the number ${number}`);
    const sha256 = async (doc: typeof kk) => doc.pdfSha256 ?? (await issuedPdf(ctx.store, doc, app.serviceId)).sha256;
    const answer: Verification = {
      number,
      type: { id: kk.documentId, kk: kk.title, ru: ru.title },
      issuedAt: kk.issuedAt.slice(0, 10),
      issuer: { kk: kk.seal?.issuer ?? '', ru: ru.seal?.issuer ?? '' },
      sha256: { kk: await sha256(kk), ru: await sha256(ru) },
    };
    res.json(answer);
  });
  return r;
}
