/** Reads generated PDFs back with poppler (pdftotext) for layout assertions. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PT_PER_MM = 72 / 25.4;
export const toMm = (pt: number): number => pt / PT_PER_MM;

export interface Word { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string }

export function writeTemp(buf: Buffer, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pdf-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, buf);
  return file;
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfWords(file: string): { words: Word[]; pages: number } {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  let page = 0;
  const re = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[0].startsWith('<page')) { page++; continue; }
    words.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! });
  }
  return { words, pages: page };
}

/**
 * Top of the em box of a word set in a font with the given vertical metrics (pdftotext's box runs
 * from ascent to descent; CJK em boxes sit 0.88 em above the baseline).
 */
export function emTop(w: Word, ascent: number, descent: number): number {
  const size = (w.yMax - w.yMin) / (ascent - descent);
  const baseline = w.yMin + ascent * size;
  return baseline - 0.88 * size;
}
