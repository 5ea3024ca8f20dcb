import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { formatDocNumber } from '../../../electron/core/domain/doc-number.js';
import { renderNotice } from '../../../electron/core/documents/pdf/notice.js';
import { emTop, pdfText, pdfWords, toMm, writeTemp, type Word } from './pdf-helpers.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const BODY =
  '经形式审查你单位提交的申报材料齐全符合规定形式现予受理我局将组织专家对申报材料进行评审评审结果将在本局门户网站公示公示期间任何单位和个人均可以书面形式提出异议逾期不予受理特此通知';

/** Words grouped into printed lines (same page, same baseline). */
function lines(words: Word[]): { page: number; y: number; xMin: number; xMax: number; text: string }[] {
  const out: { page: number; y: number; xMin: number; xMax: number; text: string }[] = [];
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

describe('renderNotice (GB/T 9704 primitives)', () => {
  it('lays out header, title, body grid and signature', async () => {
    const docNumber = formatDocNumber('榕市监知', 2026, 3);
    expect(docNumber).toBe('榕市监知〔2026〕3号');
    const buf = await renderNotice({
      authority: '福州市市场监督管理局',
      docNumber,
      title: '关于受理产业知识产权中心认定申请的通知',
      addressee: '福建某某科技有限公司',
      paragraphs: [BODY, '一、评审安排'],
      signer: '福州市市场监督管理局',
      date: '2026-11-24',
      fonts,
    });
    const file = writeTemp(buf, 'notice.pdf');
    const text = pdfText(file);
    for (const s of ['福州市市场监督管理局', '榕市监知〔2026〕3号', '关于受理产业知识产权中心认定申请的通知', '2026年11月24日']) {
      expect(text).toContain(s);
    }
    const { words, pages } = pdfWords(file);
    expect(pages).toBe(1);
    const printed = lines(words);
    // 文件格式 (the default kind): the red mark's em box starts 35 mm below the text block's top (GB/T 9704 §7.2.4).
    const marker = printed[0]!;
    expect(marker.text).toBe('福州市市场监督管理局');
    const mf = fonts.xiaobiaosong.font;
    const markerWord = words.find((w) => w.text === marker.text)!;
    expect(Math.abs(toMm(emTop(markerWord, mf.ascent / mf.unitsPerEm, mf.descent / mf.unitsPerEm)) - 72)).toBeLessThan(1);
    // Title and number centred on the text block (28 + 156/2 = 106 mm).
    for (const t of ['关于受理产业知识产权中心认定申请的通知', '榕市监知〔2026〕3号']) {
      const l = printed.find((p) => p.text === t)!;
      expect(Math.abs(toMm((l.xMin + l.xMax) / 2) - 106)).toBeLessThan(1);
    }
    // Addressee flush left at 28 mm; body first line indented two characters.
    const addressee = printed.find((p) => p.text.startsWith('福建某某'))!;
    expect(Math.abs(toMm(addressee.xMin) - 28)).toBeLessThan(1);
    const first = printed.find((p) => p.text.startsWith('经形式审查'))!;
    // 26 cells after the indent, or one less when a word moves down whole (lines break only between words).
    expect([...first.text].length).toBeGreaterThanOrEqual(25);
    expect([...first.text].length).toBeLessThanOrEqual(26);
    expect(Math.abs(toMm(first.xMin) - (28 + (2 * 156) / 28))).toBeLessThan(1);
    // A full body line: 28 characters from 28 mm to 184 mm.
    const full = printed[printed.indexOf(first) + 1]!;
    expect([...full.text].length).toBeGreaterThanOrEqual(27);
    expect(Math.abs(toMm(full.xMin) - 28)).toBeLessThan(1);
    expect(Math.abs(toMm(full.xMax) - 184)).toBeLessThan(1);
    // Lines are 225/22 mm apart.
    expect(toMm(full.y - first.y)).toBeCloseTo(225 / 22, 1);
    // Date ends four characters in from the right edge.
    const date = printed.find((p) => p.text === '2026年11月24日')!;
    expect(Math.abs(toMm(date.xMax) - (184 - (4 * 156) / 28))).toBeLessThan(1);
  });

  it('puts attachments on their own pages and numbers pages', async () => {
    const buf = await renderNotice({
      authority: '福州市市场监督管理局',
      title: '补正通知书',
      paragraphs: [BODY],
      attachments: [{ title: '需补正材料清单', paragraphs: ['1．营业执照复印件。'] }, { title: '补正材料提交须知' }],
      signer: '福州市市场监督管理局',
      date: '2026-11-24',
      fonts,
    });
    const file = writeTemp(buf, 'attach.pdf');
    const { words, pages } = pdfWords(file);
    expect(pages).toBe(3);
    const page2 = lines(words.filter((w) => w.page === 2));
    expect(page2[0]!.text).toBe('附件1');
    expect(Math.abs(toMm(page2[0]!.xMin) - 28)).toBeLessThan(1);
    expect(pdfText(file)).toContain('需补正材料清单');
  });
});
