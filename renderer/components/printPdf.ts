/**
 * Printing a PDF the desk produced, the same way in both hosts: pdf.js draws every page at print resolution
 * into a print-only container (`.desk-print-root`, hidden on screen; under `@media print` it is the only thing
 * shown, one page per sheet, `@page` sized to the PDF's first page), then the host prints the window:
 * - desktop: window.desk.print({ widthMm, heightMm }) → the main process's desk:print → webContents.print with
 *   the system dialog (silent: false) and the paper and orientation of that size (A4 portrait, A3 landscape…);
 * - browser: window.print() of the same container.
 *
 * Why pictures of the pages rather than the PDF itself: Chromium's own PDF viewer would need a plugin frame
 * (a new frame showing blob:/app: content: `frame-src`/`object-src` opened in the CSP, `plugins: true` in
 * Electron) and still cannot be told the paper from outside; pdf.js already runs in the page under the CSP.
 * The pages are PNG blobs (`img-src blob:` is in the CSP), drawn at PRINT_DPI, so the print shows exactly what
 * the preview shows, in both hosts.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf, sourceBytes, type PdfSource } from './pdfjs';
import { parsePageRange } from './pageRange';

/** Dots per inch of the printed page pictures: text at 仿宋 三号 (16 pt) is about 44 dots high. */
export const PRINT_DPI = 200;
/** Largest picture drawn for one page (pixels): keeps an A0 sheet within canvas limits. */
const MAX_PIXELS = 40_000_000;
const MM_PER_PT = 25.4 / 72;

export const PRINT_ROOT_CLASS = 'desk-print-root';

/** The 打印范围 typed does not fit the document (the message names the part). */
export class PageRangeError extends Error {}

export interface PrintProgress {
  done: number;
  total: number;
}

/** printed: true/false when the host says (desktop); null when it cannot know (the browser's dialog). */
export type PrintOutcome = { printed: boolean | null; cancelled?: boolean; reason?: string };

interface DeskPrintBridge {
  print?(size: { widthMm: number; heightMm: number }): Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>;
}

let current: { root: HTMLElement; style: HTMLStyleElement; urls: string[] } | null = null;

/** Removes the print container of the previous print and frees its pictures. */
export function clearPrintContainer(): void {
  if (!current) return;
  current.root.remove();
  current.style.remove();
  for (const u of current.urls) URL.revokeObjectURL(u);
  current = null;
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('无法生成打印页面图像'))), 'image/png'));
}

function loaded(img: HTMLImageElement): Promise<void> {
  return img.complete && img.naturalWidth > 0
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('打印页面图像无法加载'));
      });
}

/** Draws every page into a new print container (not yet in the document). */
async function drawPages(
  doc: PDFDocumentProxy,
  pages: readonly number[],
  onProgress: (p: PrintProgress) => void,
  signal: AbortSignal | undefined,
): Promise<{ root: HTMLElement; style: HTMLStyleElement; urls: string[]; widthMm: number; heightMm: number } | null> {
  const total = pages.length;
  const root = document.createElement('div');
  root.className = PRINT_ROOT_CLASS;
  root.setAttribute('aria-hidden', 'true');
  const urls: string[] = [];
  // Two canvases in turn: page n+1 is drawn while page n is encoded as PNG (toBlob encodes off the main thread).
  const canvases = [document.createElement('canvas'), document.createElement('canvas')];
  let encoding: Promise<void> = Promise.resolve();
  let first: { widthMm: number; heightMm: number } | null = null;
  try {
    for (let i = 0; i < total; i++) {
      const n = pages[i]!;
      const done = i + 1;
      if (signal?.aborted) {
        await encoding.catch(() => undefined);
        for (const u of urls) URL.revokeObjectURL(u);
        return null;
      }
      const page = await doc.getPage(n);
      const size = page.getViewport({ scale: 1 });
      const mm = { widthMm: size.width * MM_PER_PT, heightMm: size.height * MM_PER_PT };
      first ??= mm;
      let scale = PRINT_DPI / 72;
      if (size.width * size.height * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (size.width * size.height));
      const viewport = page.getViewport({ scale });
      const canvas = canvases[i % 2]!;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
      const sheet = document.createElement('div');
      sheet.className = 'desk-print-page';
      const img = document.createElement('img');
      img.alt = `第 ${n} 页`;
      img.dataset.page = String(n);
      img.style.width = sheet.style.width = `${mm.widthMm.toFixed(2)}mm`;
      img.style.height = sheet.style.height = `${mm.heightMm.toFixed(2)}mm`;
      sheet.append(img);
      root.append(sheet);
      // The previous page's PNG must be done before its canvas is drawn on again (next turn).
      await encoding;
      encoding = canvasBlob(canvas).then((blob) => {
        const url = URL.createObjectURL(blob);
        urls.push(url);
        img.src = url;
        onProgress({ done, total });
      });
    }
    await encoding;
  } finally {
    for (const c of canvases) c.width = c.height = 0;
  }
  if (!first) throw new Error('文件没有页面，无法打印');
  // The sheet: the first page's size (the size the main process picks the paper by), no margins (they are in the picture).
  const style = document.createElement('style');
  style.textContent = `@page { size: ${first.widthMm.toFixed(2)}mm ${first.heightMm.toFixed(2)}mm; margin: 0; }`;
  root.dataset.widthMm = first.widthMm.toFixed(2);
  root.dataset.heightMm = first.heightMm.toFixed(2);
  return { root, style, urls, ...first };
}

/**
 * Prints the PDF: draws its pages (progress through `onProgress`; `signal` stops it), then the host's print.
 * The container stays until the print is over (desktop: the dialog's answer; browser: `afterprint`, or the
 * next print).
 */
export async function printPdf(
  source: PdfSource,
  opts: { onProgress?: (p: PrintProgress) => void; signal?: AbortSignal; range?: string } = {},
): Promise<PrintOutcome> {
  const task = await openPdf(await sourceBytes(source));
  let drawn;
  try {
    const doc = await task.promise;
    const range = parsePageRange(opts.range ?? '', doc.numPages);
    if ('error' in range) throw new PageRangeError(range.error);
    opts.onProgress?.({ done: 0, total: range.pages.length });
    drawn = await drawPages(doc, range.pages, opts.onProgress ?? (() => undefined), opts.signal);
  } finally {
    void task.destroy();
  }
  if (!drawn) return { printed: false, cancelled: true };
  clearPrintContainer();
  current = { root: drawn.root, style: drawn.style, urls: drawn.urls };
  document.head.append(drawn.style);
  document.body.append(drawn.root);
  await Promise.all([...drawn.root.querySelectorAll('img')].map(loaded));
  if (opts.signal?.aborted) {
    clearPrintContainer();
    return { printed: false, cancelled: true };
  }

  const bridge = (window as { desk?: DeskPrintBridge }).desk;
  if (bridge?.print) {
    try {
      const r = await bridge.print({ widthMm: drawn.widthMm, heightMm: drawn.heightMm });
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value as { printed: boolean; reason?: string };
      return v.printed ? { printed: true } : { printed: false, cancelled: /cancel/i.test(v.reason ?? ''), reason: v.reason ?? '' };
    } finally {
      clearPrintContainer();
    }
  }
  const mine = current;
  window.addEventListener(
    'afterprint',
    () => {
      if (current === mine) clearPrintContainer();
    },
    { once: true },
  );
  window.print();
  return { printed: null };
}
