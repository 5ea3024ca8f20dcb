/** Reads generated PDFs back with poppler (pdftotext) for layout assertions. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

export const PT_PER_MM = 72 / 25.4;
export const toMm = (pt: number): number => pt / PT_PER_MM;

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

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
    if (m[0].startsWith('<page')) {
      page++;
      continue;
    }
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

export interface PrintedLine {
  page: number;
  y: number;
  xMin: number;
  xMax: number;
  text: string;
}

/** Words joined into printed lines (same page, same baseline). */
export function printedLines(words: Word[]): PrintedLine[] {
  const out: PrintedLine[] = [];
  for (const w of words) {
    const l = out.find((o) => o.page === w.page && Math.abs(o.y - w.yMin) < 0.5);
    if (l) {
      l.text += w.text;
      l.xMin = Math.min(l.xMin, w.xMin);
      l.xMax = Math.max(l.xMax, w.xMax);
    } else out.push({ page: w.page, y: w.yMin, xMin: w.xMin, xMax: w.xMax, text: w.text });
  }
  return out;
}

export const flat = (s: string): string => s.replace(/\s+/g, '');

/** Em top (mm from the page top) of the 发文机关标志 `mark` on page 1 (pdftotext -bbox). */
export function markTopMm(file: string, mark: string, font: { ascent: number; descent: number; unitsPerEm: number }): number {
  const m = pdfWords(file).words.find((w) => w.page === 1 && w.text === mark);
  expect(m, `mark ${mark}`).toBeDefined();
  return toMm(emTop(m!, font.ascent / font.unitsPerEm, font.descent / font.unitsPerEm));
}

/**
 * GB/T 9704 checks of a notice: the 发文机关标志's em top at `markTop` mm (文件格式 72, 信函格式 30; null: no
 * mark, a 公示), every title line centred on 106 mm (the title may run over lines), full body lines from 28 mm
 * to 184 mm, nothing outside the text block, no line opening with a closing mark.
 */
export function checkNoticeLayout(
  file: string,
  title: string,
  mark: string | null,
  marker: { ascent: number; descent: number; unitsPerEm: number },
  markTop = 72,
): void {
  const { words } = pdfWords(file);
  const printed = printedLines(words);
  if (mark) expect(Math.abs(markTopMm(file, mark, marker) - markTop)).toBeLessThan(1);
  const titleLines = printed.filter((p) => p.page === 1 && title.includes(p.text) && p.text.length >= 4 && p.y < 480);
  expect(titleLines.map((l) => l.text).join('')).toBe(title);
  for (const l of titleLines) expect(Math.abs(toMm((l.xMin + l.xMax) / 2) - 106)).toBeLessThan(1);
  const body = printed.filter((p) => p.page === 1 && Math.abs(toMm(p.xMin) - 28) < 1);
  expect(body.length).toBeGreaterThan(2);
  expect(body.some((p) => Math.abs(toMm(p.xMax) - 184) < 1)).toBe(true);
  for (const p of printed) {
    expect(toMm(p.xMin)).toBeGreaterThan(27);
    expect(toMm(p.xMax)).toBeLessThan(185);
    expect(/^[。，、；：？！）》」』”’】〕〉]/.test(p.text)).toBe(false);
  }
}
