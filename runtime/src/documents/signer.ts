/**
 * The seam for electronic digital signatures (ЭЦП / ЭЦҚ) on issued documents. Real signing is out of scope (issue
 * 15): every PDF is served as rendered, and its SHA-256 (recorded at the first rendering, answered by
 * GET /api/v1/verify/:number) is what ties the paper to the register.
 *
 * Where NCALayer plugs in: in Kazakhstan an official signs with the key on their own token or file through NCALayer,
 * the NCA's desktop service (a WebSocket on wss://127.0.0.1:13579 of the official's computer, GOST 34.310/34.311
 * keys). The server never holds that key, so a signer here would not sign by itself: the officer UI would ask
 * NCALayer (`basics.sign` / `createCMSSignatureFromBase64` with the PDF's bytes or its hash) when the official sends
 * the deciding event, and post the CMS signature with the event; an implementation of this interface then embeds it
 * (a PAdES signature dictionary, or a detached .cms served beside the PDF) and checks it against the NCA's OCSP/CRL.
 * The verification answer's `sha256` would then be that of the signed file.
 */
export interface DocumentSigner {
  /** The signed PDF (the same bytes when nothing is signed). Must be deterministic for the same input. */
  sign(pdf: Buffer, document: { number: string | null; applicationId: string; documentId: string }): Promise<Buffer>;
}

/** No signature: the PDF as rendered. */
export const unsignedDocuments: DocumentSigner = { sign: (pdf) => Promise.resolve(pdf) };
