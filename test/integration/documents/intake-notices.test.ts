import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import {
  chineseNumber,
  renderAcceptanceNotice,
  renderRejectionNotice,
  renderSupplementNotice,
  supplementEntries,
  supplementNoticeParagraphs,
  type IntakeNoticeBase,
} from '../../../electron/core/documents/pdf/intake-notices.js';
import { MATERIAL_ITEMS } from '../../../electron/core/domain/materials.js';
import { buildCalendar, deadlineAfter } from '../../../electron/core/domain/working-days.js';
import { DEFAULT_HOLIDAY_TABLES } from '../../../electron/core/domain/holidays-data.js';
import { emTop, pdfText, pdfWords, toMm, writeTemp, type Word } from './pdf-helpers.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const cal = buildCalendar(DEFAULT_HOLIDAY_TABLES);

const base: IntakeNoticeBase = {
  settings: { bureauName: '福州市市场监督管理局', docNumberPrefix: '榕市监知' },
  docNumber: '榕市监知〔2026〕12号',
  applicant: { name: '福建闽江电子信息产业协会' },
  centerName: '福州市电子信息产业知识产权协同保护与运营中心',
  batch: { year: 2026, sequence: 2, title: '2026年第二批福州市产业知识产权协同保护与运营中心申报' },
  issuedOn: '2026-11-25',
  contact: { name: '王五', phone: '0591-12345678' },
  fonts,
};

const items = [
  { no: 2, title: MATERIAL_ITEMS[1]!.title, reason: '复印件未加盖单位公章' },
  { no: 5, title: MATERIAL_ITEMS[4]!.title, reason: '租赁合同已于2026年6月到期，未提供续租证明。' },
  { no: 4, title: MATERIAL_ITEMS[3]!.title, reason: '未列明专职人员的学历和职称' },
  { no: 2, title: MATERIAL_ITEMS[1]!.title, reason: '复印件未加盖单位公章' }, // the same defect entered twice
];

/** Words grouped into printed lines (same page, same baseline). */
function lines(words: Word[]): { page: number; y: number; xMin: number; xMax: number; text: string; words: Word[] }[] {
  const out: { page: number; y: number; xMin: number; xMax: number; text: string; words: Word[] }[] = [];
  for (const w of words) {
    const l = out.find((o) => o.page === w.page && Math.abs(o.y - w.yMin) < 0.5);
    if (l) {
      l.text += w.text;
      l.xMin = Math.min(l.xMin, w.xMin);
      l.xMax = Math.max(l.xMax, w.xMax);
      l.words.push(w);
    } else out.push({ page: w.page, y: w.yMin, xMin: w.xMin, xMax: w.xMax, text: w.text, words: [w] });
  }
  return out;
}

/** All text with whitespace and line breaks removed (so wrapped phrases can be found). */
function flat(text: string): string {
  return text.replace(/\s+/g, '');
}

function count(hay: string, needle: string): number {
  return hay.split(needle).length - 1;
}

function checkLayout(file: string, title: string): void {
  const { words } = pdfWords(file);
  const printed = lines(words);
  const marker = printed[0]!;
  expect(marker.text).toBe('福州市市场监督管理局');
  const mf = fonts.xiaobiaosong.font;
  expect(Math.abs(toMm(emTop(marker.words[0]!, mf.ascent / mf.unitsPerEm, mf.descent / mf.unitsPerEm)) - 30)).toBeLessThan(1); // 信函格式 §10.1
  const t = printed.find((p) => p.text === title)!;
  expect(t).toBeDefined();
  expect(Math.abs(toMm((t.xMin + t.xMax) / 2) - 106)).toBeLessThan(1);
  const addressee = printed.find((p) => p.text === `${base.applicant.name}：`)!;
  expect(Math.abs(toMm(addressee.xMin) - 28)).toBeLessThan(1);
  const first = printed.find((p) => p.text.startsWith('你单位报送的'))!;
  expect(Math.abs(toMm(first.xMin) - (28 + (2 * 156) / 28))).toBeLessThan(1);
  // the line after the first body line is a full line from 28 mm to 184 mm (28 characters, or 27 when a word moved down)
  const full = printed[printed.indexOf(first) + 1]!;
  expect([...full.text].length).toBeGreaterThanOrEqual(27);
  expect(Math.abs(toMm(full.xMin) - 28)).toBeLessThan(1);
  expect(Math.abs(toMm(full.xMax) - 184)).toBeLessThan(1);
  expect(toMm(full.y - first.y)).toBeCloseTo(225 / 22, 1);
}

describe('intake notices', () => {
  it('受理通知书: text and layout', async () => {
    const file = writeTemp(await renderAcceptanceNotice(base), 'accept.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '受理通知书',
      '榕市监知〔2026〕12号',
      '福建闽江电子信息产业协会：',
      '你单位报送的《福州市电子信息产业知识产权协同保护与运营中心申报材料》收悉。经形式审查',
      '决定予以受理，纳入2026年第二批专家评审',
      '特此通知。',
      '2026年11月25日',
      '（联系人：王五，联系电话：0591-12345678）',
    ])
      expect(text).toContain(s);
    checkLayout(file, '受理通知书');
    expect(pdfWords(file).pages).toBe(1);
  });

  it('补正通知书: every item once, with its reason and the deadline', async () => {
    const deadline = deadlineAfter(base.issuedOn, 5, cal);
    expect(deadline).toBe('2026-12-02');
    const file = writeTemp(await renderSupplementNotice({ ...base, items, deadline, workingDays: 5 }), 'supplement.pdf');
    const text = flat(pdfText(file));
    expect(text).toContain('补正通知书');
    expect(text).toContain('2026年12月2日');
    expect(text).toContain('（5个工作日）');
    expect(text).toContain('以下3项需要补正：');
    expect(text).toContain('视为放弃2026年第二批申报');
    expect(text).toContain('逾期未补正');
    for (const it of [MATERIAL_ITEMS[1]!, MATERIAL_ITEMS[3]!, MATERIAL_ITEMS[4]!]) expect(count(text, it.title)).toBe(1);
    for (const it of [MATERIAL_ITEMS[0]!, MATERIAL_ITEMS[2]!, MATERIAL_ITEMS[5]!, MATERIAL_ITEMS[6]!])
      expect(count(text, `${it.title}：`)).toBe(0);
    expect(count(text, '复印件未加盖单位公章')).toBe(1);
    expect(text).toContain('1．营业执照或法人登记证复印件（加盖公章）：复印件未加盖单位公章。');
    expect(text).toContain('2．工作团队人员情况：未列明专职人员的学历和职称。');
    expect(text).toContain('3．中心办公场所证明：租赁合同已于2026年6月到期，未提供续租证明。');
    checkLayout(file, '补正通知书');
  });

  it('补正通知书: all seven items fit and each appears once', async () => {
    const all = MATERIAL_ITEMS.map((m) => ({ no: m.no, title: m.title, reason: `${m.title}缺失` }));
    const file = writeTemp(
      await renderSupplementNotice({ ...base, items: all, deadline: '2026-12-02', workingDays: 5 }),
      'supplement7.pdf',
    );
    const text = flat(pdfText(file));
    for (const m of MATERIAL_ITEMS) expect(count(text, `${m.title}：`)).toBe(1);
    expect(text).toContain('以下7项需要补正');
  });

  it('补正通知书 rejects bad input', () => {
    expect(() => supplementEntries([])).toThrow(/至少/);
    expect(() => supplementEntries([{ no: 8, title: 'x', reason: 'y' }])).toThrow(/1–7/);
    expect(() => supplementEntries([{ no: 1, title: '申请表', reason: ' ' }])).toThrow(/原因/);
    expect(
      supplementEntries([
        { no: 1, title: '申请表', reason: '未签字' },
        { no: 1, title: '申请表', reason: '未盖章。' },
      ]),
    ).toEqual([{ no: 1, title: '申请表', reason: '未签字；未盖章。' }]);
    expect(() => supplementNoticeParagraphs({ ...base, items, deadline: '2026-11-25', workingDays: 5 })).toThrow(/晚于/);
  });

  it('不予受理通知书: the reason and how to object / re-apply', async () => {
    const file = writeTemp(await renderRejectionNotice({ ...base, reason: '申报单位注册地不在福州市行政区域内。' }), 'reject.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '不予受理通知书',
      // the reason once, not followed by a second "不符合…申报要求"
      '经形式审查，申报单位注册地不在福州市行政区域内。根据有关规定，决定对你单位2026年第二批申报不予受理',
      '如不服本决定，可在收到本决定之日起60日内向福州市人民政府申请行政复议，或者在6个月内向有管辖权的人民法院提起行政诉讼。',
      '有异议',
      '重新申报',
      '2026年11月25日',
    ]) {
      expect(text).toContain(s);
    }
    checkLayout(file, '不予受理通知书');
    expect(pdfWords(file).pages).toBe(1);
  });
});

describe('chineseNumber', () => {
  it('writes batch sequences in Chinese', () => {
    expect([1, 2, 10, 12, 20, 23].map(chineseNumber)).toEqual(['一', '二', '十', '十二', '二十', '二十三']);
  });
});
