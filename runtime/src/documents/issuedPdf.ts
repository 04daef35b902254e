import { createHash } from 'node:crypto';
import type { ApplicationsStore, StoredDocument } from '../store/Store';
import { unsignedDocuments, type DocumentSigner } from './signer';

/**
 * An issued document as PDF, the same bytes at every rendering (renderPdf is byte-stable, and everything it prints
 * was fixed at issue: the HTML, the issue instant, the seal), and the SHA-256 of those bytes. The first rendering
 * records the hash in the store; the public verification answers the recorded one. A later change of the renderer
 * itself (fonts, layout) would make new renderings differ from the recorded hash: such a change must come with
 * stored PDFs or a re-issue.
 */
export async function issuedPdf(
  store: Pick<ApplicationsStore, 'setDocumentSha256'>,
  doc: StoredDocument,
  serviceId: string,
  signer: DocumentSigner = unsignedDocuments,
): Promise<{ pdf: Buffer; sha256: string }> {
  // pdfkit, fontkit, the QR code and the HTML parser load with the first PDF asked for, not at every start (~0.4 s).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderPdf } = require('./renderPdf') as typeof import('./renderPdf');
  const rendered = await renderPdf(doc.html, {
    title: doc.title,
    lang: doc.lang,
    createdAt: doc.issuedAt,
    subject: `${serviceId} ${doc.applicationId}`,
    ...(doc.number && doc.seal ? { seal: { number: doc.number, ...doc.seal } } : {}),
  });
  const pdf = await signer.sign(rendered, {
    number: doc.number ?? null,
    applicationId: doc.applicationId,
    documentId: doc.documentId,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  if (doc.number && !doc.pdfSha256) await store.setDocumentSha256(doc.applicationId, doc.documentId, doc.lang, sha256);
  return { pdf, sha256 };
}
