import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import {
  expertLine,
  formatScore,
  renderScoringSheet,
  renderScoringSheets,
  stepNote,
  type ScoringSheetInput,
} from '../../../electron/core/documents/pdf/scoring-sheet.js';
import { verificationCode } from '../../../electron/core/documents/verification-code.js';
import { pdfText, pdfWords, toMm, writeTemp, type Word } from './pdf-helpers.js';
import { blankSheet, filledSheet, template } from './review-fixtures.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const flat = (s: string): string => s.replace(/\s+/g, '');

/** Words inside the 得分 column, between its header and the 评审结论 row. */
function scoreColumn(words: Word[], page = 1): Word[] {
  const header = words.find((w) => w.page === page && w.text === '得分')!;
  const left = header.xMin - 12; // the column is 16 mm wide, the header centred in it
  const right = header.xMax + 12;
  const below = words.find((w) => w.page === page && w.text === '评审结论')!.yMin;
  return words.filter((w) => w.page === page && w.yMin > header.yMax && w.yMax < below && w.xMin >= left && w.xMax <= right);
}

describe('pure helpers', () => {
  it('formats scores without float noise and describes the step', () => {
    expect(formatScore(12)).toBe('12');
    expect(formatScore(12.5)).toBe('12.5');
    expect(formatScore(0.1 + 0.2)).toBe('0.3');
    expect(stepNote(template)).toContain('以0.5分为单位');
    expect(stepNote(template)).toContain('合计100分，70分及以上为合格');
    expect(
      stepNote({
        ...template,
        criteria: [
          { key: 'a', title: 'A', max: 50, step: 1 },
          { key: 'b', title: 'B', max: 50, step: 0.5 },
        ],
      }),
    ).toContain('按各项规定的分值单位');
    expect(expertLine(blankSheet.expert)).toBe('林晓明（福州大学知识产权学院　教授）');
    expect(expertLine({ id: 'x', name: '王丽', organisation: '', title: '' })).toBe('王丽');
  });
});

describe('renderScoringSheet (blank)', () => {
  it('prints the title, header block, criteria and signature line on one page, with no scores', async () => {
    const file = writeTemp(await renderScoringSheet(blankSheet, { fonts }), 'blank.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '福州市产业知识产权协同保护与运营中心专家评分表',
      '福州新大陆数字技术股份有限公司',
      '福州市数字经济产业知识产权协同保护与运营中心',
      '马尾区',
      '数字经济',
      '林晓明',
      '序号',
      '评分项目',
      '评分要点',
      '分值',
      '得分',
      '工作团队',
      '知识产权集聚度',
      '分值合计',
      '得分合计',
      '评审结论',
      '推荐',
      '不推荐',
      '评审意见',
      '专家签名：',
      '日期：',
    ])
      expect(text).toContain(s);
    const { words, pages } = pdfWords(file);
    expect(pages).toBe(1);
    // Criterion titles may wrap inside their cell: read them back per cell, in order.
    for (const c of template.criteria) expect(text).toContain(c.title.slice(0, 4));
    expect(scoreColumn(words)).toEqual([]);
    expect(text).not.toContain('校验码');
    expect(text).not.toContain('√');
  });

  it('leaves writing room: score cells at least 11 mm tall and everything inside the page', async () => {
    const file = writeTemp(await renderScoringSheet(blankSheet, { fonts }), 'room.pdf');
    const { words } = pdfWords(file);
    const rows = ['1', '2', '3', '4', '5', '6', '7'].map((n) => words.find((w) => w.text === n && toMm(w.xMin) < 40)!);
    for (let i = 1; i < rows.length; i++) expect(toMm(rows[i]!.yMin - rows[i - 1]!.yMin)).toBeGreaterThanOrEqual(10.9);
    expect(toMm(Math.max(...words.map((w) => w.yMax)))).toBeLessThan(297 - 15);
    expect(toMm(Math.min(...words.map((w) => w.xMin)))).toBeGreaterThanOrEqual(27.5);
    expect(toMm(Math.max(...words.map((w) => w.xMax)))).toBeLessThanOrEqual(184.5);
  });
});

describe('renderScoringSheet (filled)', () => {
  it('prints the scores, the ticked recommendation, the comment, the date and the verification code', async () => {
    const file = writeTemp(await renderScoringSheet(filledSheet, { fonts }), 'filled.pdf');
    const text = flat(pdfText(file));
    const sheet = filledSheet.sheet!;
    const code = verificationCode({
      applicationId: 'app-1',
      expertId: 'exp-1',
      templateVersion: 3,
      scores: sheet.scores,
      total: 86,
      recommendation: '推荐',
      signedOn: '2026-11-20',
    });
    expect(text).toContain(`本表得分与系统记录一致，校验码：${code}`);
    expect(text).toContain('√推荐');
    expect(text).not.toContain('√不推荐');
    expect(text).toContain('2026年11月20日');
    expect(text).toContain('完善专利导航和预警机制。');
    const { words, pages } = pdfWords(file);
    expect(pages).toBe(1);
    expect(scoreColumn(words).map((w) => w.text)).toEqual(['13', '12.5', '8', '13', '12', '13.5', '14', '86']);
  });

  it('ticks 不推荐 and prints a given code as is', async () => {
    const input: ScoringSheetInput = {
      ...filledSheet,
      sheet: { ...filledSheet.sheet!, recommendation: '不推荐' },
      verificationCode: '7KQ2-M9XD',
    };
    const text = flat(pdfText(writeTemp(await renderScoringSheet(input, { fonts }), 'no.pdf')));
    expect(text).toContain('√不推荐');
    expect(text).toContain('校验码：7KQ2-M9XD');
  });

  it('shrinks long content to stay on one page, and refuses what cannot fit', async () => {
    const wordy: ScoringSheetInput = {
      ...filledSheet,
      template: {
        ...template,
        criteria: template.criteria.map((c) => ({ ...c, description: `${c.description ?? ''}${c.description ?? ''}` })),
      },
      sheet: { ...filledSheet.sheet!, comment: filledSheet.sheet!.comment.repeat(3) },
    };
    const { pages } = pdfWords(writeTemp(await renderScoringSheet(wordy, { fonts }), 'wordy.pdf'));
    expect(pages).toBe(1);
    const huge = { ...filledSheet, sheet: { ...filledSheet.sheet!, comment: '意见'.repeat(2000) } };
    await expect(renderScoringSheet(huge, { fonts })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses a filled sheet without scores, an empty template and unprintable characters', async () => {
    await expect(renderScoringSheet({ ...blankSheet, mode: 'filled' }, { fonts })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(renderScoringSheet({ ...blankSheet, template: { ...template, criteria: [] } }, { fonts })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(renderScoringSheet({ ...blankSheet, expert: { ...blankSheet.expert, name: '林𠀀' } }, { fonts })).rejects.toMatchObject({
      code: 'MISSING_GLYPHS',
      details: { chars: ['𠀀'] },
    });
  });

  it('is deterministic', async () => {
    const a = await renderScoringSheet(filledSheet, { fonts });
    const b = await renderScoringSheet(filledSheet, { fonts });
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe('renderScoringSheets', () => {
  it('prints one page per application × expert and reports progress', async () => {
    const apps = ['甲', '乙', '丙'].map((s, i) => ({ ...blankSheet.application, id: `a${i}`, unitName: `福州${s}科技有限公司` }));
    const experts = ['林晓明', '陈志强'].map((name, i) => ({ ...blankSheet.expert, id: `x${i}`, name }));
    const list = apps.flatMap((application) => experts.map((expert) => ({ ...blankSheet, application, expert })));
    const progress: [number, number][] = [];
    const file = writeTemp(await renderScoringSheets(list, { fonts, onProgress: (d, t) => progress.push([d, t]) }), 'many.pdf');
    const { words, pages } = pdfWords(file);
    expect(pages).toBe(6);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
    for (let p = 1; p <= 6; p++) expect(words.some((w) => w.page === p && w.text.includes('专家评分表'))).toBe(true);
    const text = flat(pdfText(file));
    expect(text).toContain('福州丙科技有限公司');
    expect(text).toContain('陈志强');
  });

  it('refuses an empty list', async () => {
    await expect(renderScoringSheets([], { fonts })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
