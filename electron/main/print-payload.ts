/**
 * The print request from the renderer (desk:print) and the options it becomes for webContents.print.
 * Plain Node (no 'electron'), so the checks and the paper mapping are unit-tested.
 *
 * What is printed is the page itself: the preview draws every page of the PDF with pdf.js into a print-only
 * container (renderer/components/printPdf.ts, `@media print`, one page per sheet). The renderer sends only the
 * size of the PDF's first page, read by pdf.js; the main process chooses the paper and orientation from it and
 * always shows the system dialog (silent: false), where the clerk picks the printer and copies.
 */
import { z } from 'zod';
import type { ApiError } from '../core/contract/index.js';

export const PRINT_CHANNEL = 'desk:print';

/** Page sizes between a business card and A0, in millimetres; anything else is not one of our documents. */
const Mm = z.number().finite().min(20).max(1200);

const PrintPayload = z
  .object({
    /** The first page as shown (after /Rotate), in mm: A4 portrait is 210 × 297, an A3 landscape certificate 420 × 297. */
    widthMm: Mm,
    heightMm: Mm,
  })
  .strict();

export type PrintPayload = z.infer<typeof PrintPayload>;

export type PrintPayloadCheck = { ok: true; value: PrintPayload } | { ok: false; error: ApiError };

export function validatePrintPayload(raw: unknown): PrintPayloadCheck {
  const r = PrintPayload.safeParse(raw);
  if (!r.success) return { ok: false, error: { code: 'INVALID_INPUT', message: '打印请求格式不正确，请重新打开预览后再试。' } };
  return { ok: true, value: r.data };
}

/** ISO 216 sheets Electron knows by name, portrait, in mm (GB/T 148-1997 uses the same A series). */
const NAMED: readonly { name: 'A3' | 'A4' | 'A5'; w: number; h: number }[] = [
  { name: 'A3', w: 297, h: 420 },
  { name: 'A4', w: 210, h: 297 },
  { name: 'A5', w: 148, h: 210 },
];

/** What Electron's webContents.print takes (the subset we set). */
export interface ElectronPrintOptions {
  silent: false;
  printBackground: true;
  color: true;
  landscape: boolean;
  /** A named sheet, or the sheet in microns (portrait: width ≤ height). */
  pageSize: 'A3' | 'A4' | 'A5' | { width: number; height: number };
  /** The pages are drawn edge to edge at their own size: the document's margins are in the picture. */
  margins: { marginType: 'none' };
}

/** The paper (portrait sheet, named when it is A3/A4/A5 within 1 mm) and the orientation of the first page. */
export function printOptionsFor(p: PrintPayload): ElectronPrintOptions {
  const landscape = p.widthMm > p.heightMm;
  const short = Math.min(p.widthMm, p.heightMm);
  const long = Math.max(p.widthMm, p.heightMm);
  const named = NAMED.find((s) => Math.abs(s.w - short) <= 1 && Math.abs(s.h - long) <= 1);
  return {
    silent: false,
    printBackground: true,
    color: true,
    landscape,
    pageSize: named ? named.name : { width: Math.round(short * 1000), height: Math.round(long * 1000) },
    margins: { marginType: 'none' },
  };
}

/** The answer to desk:print: printed, or not (the clerk cancelled the dialog, or the printer failed). */
export type PrintResult = { printed: true } | { printed: false; reason: string };

/** Electron's callback arguments as a result; the failure reason is kept short (it comes from the OS). */
export function printResult(success: boolean, failureReason: unknown): PrintResult {
  if (success) return { printed: true };
  return { printed: false, reason: typeof failureReason === 'string' ? failureReason.slice(0, 200) : '' };
}
