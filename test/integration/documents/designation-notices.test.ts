import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import { renderDecisionNotice } from '../../../electron/core/documents/pdf/decision-notice.js';
import {
  publicityNoticeParagraphs,
  renderPublicityNotice,
  type PublicityNoticeInput,
} from '../../../electron/core/documents/pdf/publicity-notice.js';
import { checkNoticeLayout, flat, pdfText, pdfWords, printedLines, toMm, writeTemp } from './pdf-helpers.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const A = '福州市市场监督管理局';
const ENTRIES = [
  {
    centerName: '福州市纺织化纤产业知识产权协同保护与运营中心',
    hostUnit: '福建长源纺织有限公司',
    industry: '纺织化纤',
    district: '长乐区',
  },
  {
    centerName: '福州市电子信息产业知识产权协同保护与运营中心',
    hostUnit: '福州市电子信息行业协会',
    industry: '电子信息',
    district: '鼓楼区',
  },
];
const PUB: PublicityNoticeInput = {
  authority: A,
  batchLabel: '2026年第一批',
  startsOn: '2026-09-28',
  endsOn: '2026-10-09',
  workingDays: 5,
  entries: ENTRIES,
  contact: { name: '王五', phone: '0591-87654321' },
  issuedOn: '2026-09-27',
  fonts,
};

const checkLayout = (file: string, title: string, mark: string | null = `${A}文件`): void =>
  checkNoticeLayout(file, title, mark, fonts.xiaobiaosong.font);

describe('公示 notice', () => {
  it('states basis, process, exact dates with the working-day count, objections, contact', () => {
    const text = publicityNoticeParagraphs(PUB).join('\n');
    for (const s of [
      '榕市监规〔2022〕6号',
      '申报',
      '形式审查',
      '专家评审',
      '公示期为2026年9月28日至2026年10月9日（5个工作日）',
      '书面',
      '公章',
      '真实姓名',
      '匿名',
      '逾期',
      '不予受理',
      '联系人：王五',
      '0591-87654321',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('prints the notice and the list as an attachment page', async () => {
    const file = writeTemp(await renderPublicityNotice(PUB), 'publicity.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '（5个工作日）',
      '2026年9月28日',
      '2026年10月9日',
      '附件：',
      '拟认定中心名称',
      '依托单位',
      '所属产业',
      '县(市)区',
      '福建长源纺织有限公司',
      '长乐区',
      '联系人：王五',
      '2026年9月27日',
    ]) {
      expect(text).toContain(s);
    }
    const { words, pages } = pdfWords(file);
    const last = printedLines(words.filter((w) => w.page === pages));
    expect(last[0]!.text).toBe('附件');
    expect(Math.abs(toMm(last[0]!.xMin) - 28)).toBeLessThan(1);
    // Never a page with only the signature: the page with the date also carries body text.
    const datePage = words.find((w) => w.text.includes('2026年9月27日'))!.page;
    expect(printedLines(words.filter((w) => w.page === datePage)).some((l) => l.text.startsWith('联系人'))).toBe(true);
    checkLayout(file, '关于2026年第一批福州市产业知识产权协同保护与运营中心拟认定名单的公示', null);
  });

  it('refuses an empty list or a period ending before it starts', () => {
    expect(() => renderPublicityNotice({ ...PUB, entries: [] })).toThrow(/名单为空/);
    expect(() => renderPublicityNotice({ ...PUB, endsOn: '2026-09-01' })).toThrow(/不能早于/);
  });
});

describe('认定通知', () => {
  it('prints number, addressee, decision, requirements and the list', async () => {
    const buf = await renderDecisionNotice({
      authority: A,
      docNumber: '榕市监知〔2026〕3号',
      batchLabel: '2026年第一批',
      decidedOn: '2026-10-12',
      fonts,
      entries: ENTRIES.map((e, i) => ({ centerName: e.centerName, hostUnit: e.hostUnit, certificateNumber: `FZIPC-2026-00${i + 1}` })),
    });
    const file = writeTemp(buf, 'decision.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '榕市监知〔2026〕3号',
      // 主送: groups of organs separated by ，
      '各县（市）区市场监督管理局，各有关单位：',
      '决定认定2家单位为福州市产业知识产权协同保护与运营中心',
      '有效期三年',
      '年度工作总结',
      '中期考核',
      '复核',
      '共建协议',
      '证书编号',
      'FZIPC-2026-002',
      '2026年10月12日',
    ]) {
      expect(text).toContain(s);
    }
    checkLayout(file, '关于认定2026年第一批福州市产业知识产权协同保护与运营中心的通知');
    const { words } = pdfWords(file);
    const addressee = printedLines(words).find((l) => l.text.startsWith('各县'))!;
    expect(Math.abs(toMm(addressee.xMin) - 28)).toBeLessThan(1);
  });
});
