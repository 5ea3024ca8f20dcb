import { describe, expect, it } from 'vitest';
import type { Batch } from '../../../electron/core/contract/batches.js';
import { DeskError } from '../../../electron/core/contract/errors.js';
import type { Settings } from '../../../electron/core/contract/settings.js';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { renderBatchListPdf } from '../../../electron/core/documents/pdf/batch-list.js';
import { emTop, pdfText, pdfWords, toMm, writeTemp } from './pdf-helpers.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const settings: Settings = {
  bureauName: '福州市市场监督管理局',
  operatorName: '张三',
  docNumberPrefix: '榕市监知',
  certNumberPrefix: 'FZIPC',
};

function batch(sequence: number, title: string, extra?: Partial<Batch>): Batch {
  return {
    id: `2026-${sequence}`,
    year: 2026,
    sequence,
    title,
    opensOn: '2026-03-01',
    closesOn: '2026-04-30',
    status: 'open',
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...extra,
  };
}

const batches: Batch[] = [
  batch(1, '首批认定申报'),
  batch(2, '2026年度第二批产业知识产权中心认定申报（数字经济、新能源汽车与高端装备制造产业专项）', { status: 'reviewing' }),
  batch(3, '补充批次', { extraBatchReason: '因省级政策调整，需增设一批次以承接重点产业链企业申报。', status: 'closed' }),
  batch(1, '上年度批次', { id: '2025-1', year: 2025, opensOn: '2025-03-01', closesOn: '2025-04-30', status: 'designated' }),
];

describe('renderBatchListPdf', () => {
  it('embeds the fonts with Unicode maps and prints the title, batches and date', async () => {
    const buf = await renderBatchListPdf({ batches, settings, generatedOn: '2026-11-24', fonts });
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = writeTemp(buf, 'batches.pdf');
    const text = pdfText(file);
    expect(text).toContain('申报批次一览表');
    expect(text).toContain('首批认定申报');
    expect(text).toContain('2026年11月24日');
    expect(text).toContain('福州市市场监督管理局');
    expect(text).toContain('评审中');
    expect(text).toContain('已认定');
    expect(text.replace(/\s+/g, '')).toContain('—1—');
    expect(buf.length).toBeLessThan(200_000); // subset fonts
  });

  it('places the text block at 28 mm from the left and 37 mm from the top', async () => {
    const file = writeTemp(await renderBatchListPdf({ batches, settings, generatedOn: '2026-11-24', fonts }), 'grid.pdf');
    const { words, pages } = pdfWords(file);
    expect(pages).toBe(1);
    const page1 = words.filter((w) => w.page === 1);
    expect(toMm(Math.min(...page1.map((w) => w.xMin)))).toBeCloseTo(28, 0);
    const title = page1.find((w) => w.text === '申报批次一览表')!;
    const f = fonts.xiaobiaosong.font;
    expect(Math.abs(toMm(emTop(title, f.ascent / f.unitsPerEm, f.descent / f.unitsPerEm)) - 37)).toBeLessThan(1);
    expect(toMm((title.xMin + title.xMax) / 2)).toBeCloseTo(28 + 78, 0); // centred on the text block
    const inBlock = page1.filter((w) => toMm(w.yMax) < 37 + 225);
    const right = Math.max(...inBlock.map((w) => w.xMax));
    expect(toMm(right)).toBeLessThanOrEqual(184 + 0.5);
  });

  it('filters by year, continues long lists on new pages with the header repeated', async () => {
    const many = Array.from({ length: 40 }, (_, i) => batch(i + 1, `测试批次${i + 1}号`));
    const file = writeTemp(await renderBatchListPdf({ batches: many, settings, year: 2026, generatedOn: '2026-11-24', fonts }), 'many.pdf');
    const { words, pages } = pdfWords(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) expect(words.some((w) => w.page === p && w.text === '序号')).toBe(true);
    const text = pdfText(file);
    expect(text).toContain('2026年度申报批次一览表');
    expect(text).toContain('测试批次40号');
    expect(text).not.toContain('上年度批次');
    // Page 2's number sits on the left, page 1's on the right.
    const dash = (p: number): number => Math.min(...words.filter((w) => w.page === p && w.text === '—').map((w) => w.xMin));
    expect(toMm(dash(1))).toBeGreaterThan(150);
    expect(toMm(dash(2))).toBeLessThan(40);
  });

  it('is deterministic (its speed is measured by npm run bench)', async () => {
    const input = { batches, settings, generatedOn: '2026-11-24', fonts };
    const a = await renderBatchListPdf(input);
    const b = await renderBatchListPdf(input);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('refuses characters the fonts cannot print', async () => {
    const bad = [batch(1, '含生僻字𠀀的批次')];
    await expect(renderBatchListPdf({ batches: bad, settings, generatedOn: '2026-11-24', fonts })).rejects.toMatchObject({
      code: 'MISSING_GLYPHS',
      details: { chars: ['𠀀'] },
    });
    await expect(renderBatchListPdf({ batches: bad, settings, generatedOn: '2026-11-24', fonts })).rejects.toBeInstanceOf(DeskError);
  });
});
