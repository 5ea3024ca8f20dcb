/**
 * pdf.js for the in-app preview, loaded on first use (its ~1 MB stays out of the start-up bundle).
 * Everything is local: the worker is a file Vite emits into dist/renderer (same origin, so the CSP's
 * `script-src 'self'` covers it and no blob: worker is needed); nothing is fetched from elsewhere.
 * Our PDFs embed their font subsets with Identity-H encoding, so no CMaps or standard fonts are needed.
 * CSP needs (electron/main/policy.ts): script-src 'self' (the worker file), img-src blob: (printing); no
 * 'unsafe-eval' (isEvalSupported: false) and no 'wasm-unsafe-eval' (useWasm: false) — see openPdf.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import type { ExportedFile } from '../../electron/core/contract/index.js';
import { desk } from '../rpc';

export type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';

/** What PdfPreview shows: bytes in hand (a live preview) or a file the app exported. */
export type PdfSource = { kind: 'bytes'; data: Uint8Array } | { kind: 'file'; path: string };

let loaded: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs(): Promise<typeof import('pdfjs-dist')> {
  loaded ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loaded;
}

/** CSS pixels per PDF point (pdf.js's "100 %": a page at its printed size on a 96 dpi screen). */
export const CSS_PX_PER_PT = 96 / 72;

/** Base64 (as `files.readExport` answers it) to bytes. */
export function bytesFromBase64(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The bytes of a source: a copy of the given bytes (pdf.js moves them to its worker), or the export read through the API. */
export async function sourceBytes(source: PdfSource): Promise<Uint8Array> {
  if (source.kind === 'bytes') return source.data.slice();
  const r = await desk.call('files.readExport', { path: source.path });
  return bytesFromBase64(r.base64);
}

/** The preview source for an exported file, or null when it is not a PDF. */
export function exportedPdf(file: ExportedFile): PdfSource | null {
  return /\.pdf$/i.test(file.fileName) ? { kind: 'file', path: file.path } : null;
}

/** Starts loading a document; `destroy()` on the task stops it and frees the worker's copy. */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const lib = await pdfjs();
  return lib.getDocument({
    data,
    isEvalSupported: false, // CSP has no 'unsafe-eval'; PostScript functions are interpreted instead
    enableXfa: false,
    useWasm: false, // no 'wasm-unsafe-eval' in the CSP; our PDFs have no JPEG 2000 or ICC images
    stopAtErrors: false,
  });
}

/** True for pdf.js's "this is not a PDF / it is damaged" errors. */
export function isInvalidPdf(err: unknown): boolean {
  return err instanceof Error && (err.name === 'InvalidPDFException' || err.name === 'FormatError');
}

/** True when a render was cancelled (a newer render replaced it). */
export function isCancelled(err: unknown): boolean {
  return err instanceof Error && err.name === 'RenderingCancelledException';
}
