/**
 * Preview bench row: the first page of a 300-certificate batch (A3, one PDF) on screen, as the preview does it —
 * files.readExport through the API (the bytes as base64), decoded, pdf.js getDocument with the app's options,
 * page 1 measured and drawn at the preview's 适合宽度 scale (about 1.3× at 1366 px). pdf.js's legacy build in
 * Node with its own @napi-rs/canvas; the worker runs in-process here (a real Web Worker in the app), so this
 * is the same work on one thread. Only page 1 is touched: the preview reads no other page before showing it.
 * Target: < 1 s (issue 14).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk } from '../../electron/core/app.js';
import { loadFontSet } from '../../electron/core/documents/fonts/registry.js';
import { renderCertificates, type CertificateInput } from '../../electron/core/documents/pdf/certificate.js';
import { median, timeIt, type Row } from './stats.js';

const CSS_PX_PER_PT = 96 / 72;

export async function previewRows(): Promise<Row[]> {
  loadFontSet();
  const list: CertificateInput[] = Array.from({ length: 300 }, (_, i) => ({
    certificateNumber: `FZIPC-2026-${String(i + 1).padStart(3, '0')}`,
    hostUnit: `福州闽江第${i + 1}号科技有限公司`,
    centerName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    validFrom: '2026-10-12',
    validUntil: '2029-10-11',
    authority: '福州市市场监督管理局',
    issuedOn: '2026-10-12',
  }));
  const pdf = await renderCertificates(list, { onProgress: () => undefined });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-preview-300-'));
  const desk = await openDesk({ dataDir: dir, host: 'web', log: () => undefined });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    writeFileSync(path.join(dir, 'exports', '本批证书.pdf'), pdf);
    let pages = 0;
    const firstPage = async (): Promise<void> => {
      const { base64 } = await desk.call('files.readExport', { path: '本批证书.pdf' });
      const data = new Uint8Array(Buffer.from(base64, 'base64'));
      const task = pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false, useWasm: false, stopAtErrors: false });
      try {
        const doc = await task.promise;
        pages = doc.numPages;
        const page = await doc.getPage(1);
        const fit = (1366 - 360) / page.getViewport({ scale: CSS_PX_PER_PT }).width;
        const viewport = page.getViewport({ scale: fit * CSS_PX_PER_PT });
        // pdf.js's Node canvas factory (@napi-rs/canvas); typed as Object in its declarations
        const factory = doc.canvasFactory as unknown as { create(w: number, h: number): { canvas: HTMLCanvasElement } };
        const { canvas } = factory.create(Math.floor(viewport.width), Math.floor(viewport.height));
        await page.render({ canvas, viewport }).promise;
      } finally {
        await task.destroy();
      }
    };
    await firstPage(); // warm: fonts and pdf.js loaded, as after the app's first preview
    if (pages !== 300) throw new Error(`expected 300 pages, got ${pages}`);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timeIt(firstPage));
    return [
      {
        measure: 'preview first page of a 300-page batch (read + pdf.js open + draw page 1)',
        result: median(runs),
        unit: 'ms',
        baseline: 1000,
        baselineName: 'target',
      },
    ];
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
