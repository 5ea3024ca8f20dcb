/** 中期考核结果通知、复核决定 (PDF read back with pdftotext) and the two rosters (xlsx read back with exceljs). */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasQuotePrefix } from '../../../electron/core/documents/excel/quote-prefix.js';
import { INDICATORS, type Indicators } from '../../../electron/core/contract/centers/annual.js';
import { loadFontSet } from '../../../electron/core/documents/fonts/registry.js';
import {
  assessmentNoticeParagraphs,
  assessmentNoticeRows,
  renderAssessmentNotice,
  type AssessmentNoticeInput,
} from '../../../electron/core/documents/pdf/assessment-notice.js';
import {
  renderReviewDecision,
  reviewDecisionParagraphs,
  type ReviewDecisionInput,
} from '../../../electron/core/documents/pdf/review-decision.js';
import { renderSummaryRosterXlsx } from '../../../electron/core/documents/excel/summary-roster.js';
import { renderAssessmentRosterXlsx } from '../../../electron/core/documents/excel/assessment-roster.js';
import { checkNoticeLayout, flat, pdfText, pdfWords, printedLines, toMm, writeTemp } from './pdf-helpers.js';

const fonts = loadFontSet({ systemFontDirs: [] });
const A = '福州市市场监督管理局';
const LONG = '福州市闽侯县高新技术产业开发区新一代信息技术与智能制造产业知识产权协同保护与运营中心';

const NOTICE: AssessmentNoticeInput = {
  authority: A,
  docNumber: '榕市监知〔2026〕9号',
  year: 2026,
  issuedOn: '2026-11-25',
  fonts,
  entries: [
    { centerName: '福州市纺织化纤产业知识产权协同保护与运营中心', hostUnit: '福州纺织化纤科技有限公司', total: 78.5, grade: 'pass' },
    { centerName: LONG, hostUnit: '福州软件园运营有限公司', total: 92, grade: 'excellent' },
    { centerName: '福州市化工新材料产业知识产权协同保护与运营中心', hostUnit: '福州榕城新材料有限公司', total: 55, grade: 'fail' },
    { centerName: '福州市电子信息产业知识产权协同保护与运营中心', hostUnit: '福州市电子信息行业协会', total: 85.25, grade: 'good' },
  ],
};

const checkLayout = (file: string, title: string): void => checkNoticeLayout(file, title, `${A}文件`, fonts.xiaobiaosong.font);

describe('中期考核结果通知', () => {
  it('states the basis, what was assessed, the count per grade and what follows for 不合格', () => {
    const text = assessmentNoticeParagraphs(NOTICE).join('\n');
    for (const s of [
      '榕市监规〔2022〕6号',
      '2026年度工作总结',
      '中期考核表',
      '本次共考核4个中心',
      '优秀1个、良好1个、合格1个、不合格1个',
      '限期整改',
      '书面',
      '三年复核时对其从严把关',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('ranks the attachment rows by score', () => {
    expect(assessmentNoticeRows(NOTICE.entries).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['1', '92', '优秀'],
      ['2', '85.25', '良好'],
      ['3', '78.5', '合格'],
      ['4', '55', '不合格'],
    ]);
  });

  it('prints title, number, addressee, date and the ranked table on the attachment page', async () => {
    const file = writeTemp(await renderAssessmentNotice(NOTICE), 'assessment-notice.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '榕市监知〔2026〕9号',
      '各县（市）区市场监督管理局，各有关单位：',
      '附件：2026年度福州市产业知识产权协同保护与运营中心中期考核结果',
      '2026年11月25日',
      '序号中心名称依托单位考核得分考核等次',
      '92优秀',
      '85.25良好',
      '78.5合格',
      '55不合格',
    ]) {
      expect(text).toContain(s);
    }
    checkLayout(file, '关于公布2026年度福州市产业知识产权协同保护与运营中心中期考核结果的通知');
    const { words, pages: all } = pdfWords(file);
    // The notice, then the attachment on its own page, the 版记 at the foot of the last, even page (GB/T 9704 §7.4).
    expect(all % 2).toBe(0);
    const pages = [...Array(all).keys()]
      .map((i) => i + 1)
      .find((p) => printedLines(words.filter((w) => w.page === p))[0]?.text === '附件')!;
    expect(pages).toBeGreaterThan(1);
    expect(
      flat(
        printedLines(words.filter((w) => w.page === all))
          .map((l) => l.text)
          .join(''),
      ),
    ).toContain('福州市市场监督管理局办公室2026年');
    const last = printedLines(words.filter((w) => w.page === pages));
    expect(last[0]!.text).toBe('附件');
    expect(Math.abs(toMm(last[0]!.xMin) - 28)).toBeLessThan(1);
    // Ranked: scores down the page 92, 85.25, 78.5, 55.
    const page = words.filter((w) => w.page === pages);
    const yOf = (s: string) => page.find((w) => w.text === s)!.yMin;
    expect(yOf('92')).toBeLessThan(yOf('85.25'));
    expect(yOf('85.25')).toBeLessThan(yOf('78.5'));
    expect(yOf('78.5')).toBeLessThan(yOf('55'));
    // The long center name wraps (four lines) inside its column, left of the host-unit column (45% of 156 mm in).
    const hostColumnX = 28 + 0.45 * 156;
    const nameLines = page.filter((w) => toMm(w.xMin) > 38 && toMm(w.xMin) < 50 && w.yMin > yOf('序号') && w.yMin < yOf('92') + 35);
    expect(nameLines.map((w) => w.text).join('')).toBe(LONG);
    expect(nameLines.length).toBe(4);
    for (const w of nameLines) expect(toMm(w.xMax)).toBeLessThan(hostColumnX);
    expect(flat(pdfText(file))).toContain('共4个中心：优秀1个、良好1个、合格1个、不合格1个。');
  });

  it('refuses a year without results and a missing number', () => {
    expect(() => renderAssessmentNotice({ ...NOTICE, entries: [] })).toThrow(/尚无中期考核结果/);
    expect(() => renderAssessmentNotice({ ...NOTICE, docNumber: ' ' })).toThrow(/发文字号/);
  });
});

const DECISION: Omit<ReviewDecisionInput, 'outcome'> = {
  authority: A,
  docNumber: '榕市监知〔2029〕4号',
  kind: 'triennial',
  centerName: '福州市纺织化纤产业知识产权协同保护与运营中心',
  hostUnit: '福州纺织化纤科技有限公司',
  certificateNumber: 'FZIPC-2026-001',
  designatedOn: '2026-10-12',
  decidedOn: '2029-10-20',
  issuedOn: '2029-10-22',
  opinion: '中心工作机制健全，维权援助和纠纷化解成效明显\n联盟成员单位持续增加',
  fonts,
};

describe('复核决定', () => {
  it('retain: 复核结果的通知 with validity and the next re-review', async () => {
    const input: ReviewDecisionInput = { ...DECISION, outcome: 'retain', nextReviewDue: '2032-10-12', validUntil: '2032-10-11' };
    const paragraphs = reviewDecisionParagraphs(input);
    expect(paragraphs).toContain('中心工作机制健全，维权援助和纠纷化解成效明显。');
    const file = writeTemp(await renderReviewDecision(input), 'retain.pdf');
    const text = flat(pdfText(file));
    for (const s of [
      '榕市监知〔2029〕4号',
      '福州纺织化纤科技有限公司：',
      'FZIPC-2026-001',
      '2026年10月12日认定',
      '认定期满三年复核',
      '决定保留',
      '证书有效期延续至2032年10月11日',
      '下一次复核时间为2032年10月12日',
      '联盟成员单位持续增加。',
      '2029年10月22日',
    ]) {
      expect(text).toContain(s);
    }
    checkLayout(file, '关于福州市纺织化纤产业知识产权协同保护与运营中心复核结果的通知');
    // Never a page with only the signature: the page with the date also carries body text.
    const { words } = pdfWords(file);
    const datePage = words.find((w) => w.text.includes('2029年10月22日'))!.page;
    expect(
      printedLines(words.filter((w) => w.page === datePage)).some((l) => l.text.startsWith('请你单位') || l.text.includes('作用。')),
    ).toBe(true);
  });

  it('rectify: 限期整改的通知 with the deadline and a written report', async () => {
    const file = writeTemp(await renderReviewDecision({ ...DECISION, outcome: 'rectify', rectifyDeadline: '2027-03-31' }), 'rectify.pdf');
    const text = flat(pdfText(file));
    for (const s of ['整改期限至2027年3月31日', '书面形式', '整改情况报告', '整改不到位的，撤销认定']) expect(text).toContain(s);
    checkLayout(file, '关于福州市纺织化纤产业知识产权协同保护与运营中心限期整改的通知');
  });

  it('revoke: 撤销认定的决定 with the date, the void certificate and the plaque to return', async () => {
    const file = writeTemp(
      await renderReviewDecision({
        ...DECISION,
        outcome: 'revoke',
        kind: 'followUp',
        decidedOn: '2026-11-25',
        issuedOn: '2026-11-25',
        returnBy: '2026-12-16',
      }),
      'revoke.pdf',
    );
    const text = flat(pdfText(file));
    for (const s of [
      '整改期满复核',
      '自2026年11月25日起撤销',
      '证书（编号：FZIPC-2026-001）同时作废',
      '收回中心牌匾',
      '请你单位于2026年12月16日前将证书和牌匾交回我局',
    ]) {
      expect(text).toContain(s);
    }
    checkLayout(file, '关于撤销福州市纺织化纤产业知识产权协同保护与运营中心认定的决定');
  });

  it('refuses a decision missing what it must print', () => {
    expect(() => renderReviewDecision({ ...DECISION, outcome: 'rectify' })).toThrow(/整改期限/);
    expect(() => renderReviewDecision({ ...DECISION, outcome: 'revoke' })).toThrow(/交回期限/);
    expect(() => renderReviewDecision({ ...DECISION, outcome: 'retain', validUntil: '2032-10-11' })).toThrow(/下一次复核时间/);
  });
});

async function readBack(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

const ind = (n: number, money: number): Indicators => ({
  trainings: n,
  trainingAttendees: n * 50,
  assistanceCases: n,
  disputesMediated: n,
  allianceMembers: n * 3,
  transfersLicences: n,
  pledgeFinancing: money,
  navigationProjects: n,
  trademarkGuidance: n * 2,
});

describe('年度工作总结汇总表', () => {
  const rows = [
    {
      center: { name: '=cmd|" /C calc"!A0', hostUnit: '+福州某公司', district: '长乐区', industry: '纺织化纤' },
      summary: { submittedOn: '2027-01-10', indicators: ind(4, 1200.5) },
    },
    {
      center: {
        name: '福州市软件信息产业知识产权协同保护与运营中心',
        hostUnit: '福州软件园运营有限公司',
        district: '鼓楼区',
        industry: '软件信息',
      },
      summary: null,
    },
    {
      center: { name: '福州市化工新材料产业知识产权协同保护与运营中心', hostUnit: '@福州榕城', district: '福清市', industry: '化工新材料' },
      summary: { submittedOn: '2027-01-20', indicators: ind(6, 300.25) },
    },
  ];

  it('lists each center with its date or 未提交, the indicators with units, and a totals row', async () => {
    const ws = await readBack(
      await renderSummaryRosterXlsx({ year: 2026, rows, bureauName: A, generatedOn: '2027-02-01', dueOn: '2027-01-31' }),
    );
    expect(ws.getCell('A1').value).toBe('2026年度产业知识产权协同保护与运营中心工作总结汇总表');
    const sub = String(ws.getCell('A2').value);
    for (const s of ['报送截止：2027年1月31日', '应报3个，已报2个，未报1个', '2027年2月1日']) expect(sub).toContain(s);
    const header = (ws.getRow(3).values as unknown[]).map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v)); // headers carry their line breaks
    expect(header.slice(1, 7)).toEqual(['序号', '中心名称', '依托单位', '县（市）区', '产业', '提交日期']);
    expect(header.slice(7)).toEqual(INDICATORS.map((i) => `${i.label}（${i.unit}）`));
    expect(header).toContain('质押融资金额（万元）');
    // Formula-injection names are stored as text, never as formulas.
    expect(ws.getCell('B4').value).toBe(`=cmd|" /C calc"!A0`); // shown as typed, kept text by the quote prefix
    expect(hasQuotePrefix(ws.getCell('B4'))).toBe(true);
    expect(ws.getCell('C4').value).toBe('+福州某公司');
    expect(ws.getCell('C6').value).toBe('@福州榕城');
    for (const a of ['C4', 'C6']) expect(hasQuotePrefix(ws.getCell(a))).toBe(true);
    expect(ws.getCell('F4').value).toBeInstanceOf(Date);
    expect((ws.getCell('F4').value as Date).toISOString().slice(0, 10)).toBe('2027-01-10');
    expect(ws.getCell('F5').value).toBe('未提交');
    expect(ws.getCell('G5').value).toBeNull();
    expect(ws.getCell('G4').value).toBe(4);
    // 合计 row: SUM formulas with stored results.
    expect(String(ws.getCell('A7').value)).toBe('合计（已报2个）');
    const trainings = ws.getCell('G7').value as ExcelJS.CellFormulaValue;
    expect(trainings.formula).toBe('SUM(G4:G6)');
    expect(trainings.result).toBe(10);
    const moneyCol = 7 + INDICATORS.findIndex((i) => i.key === 'pledgeFinancing');
    const money = ws.getRow(7).getCell(moneyCol);
    expect((money.value as ExcelJS.CellFormulaValue).result).toBe(1500.75);
    expect(money.numFmt).toBe('0.00');
    expect(ws.getRow(7).getCell(7 + INDICATORS.findIndex((i) => i.key === 'trainingAttendees')).value).toMatchObject({ result: 500 });
    // Print-ready.
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(82); // 11 pt prints at ≥ 9 pt
    expect((ws.pageSetup as { printTitlesRow?: string }).printTitlesRow).toBe('3:3');
  });
});

describe('中期考核汇总表', () => {
  const criteria = [
    { key: 't1', title: '宣传培训', max: 40 },
    { key: 't2', title: '维权援助', max: 60 },
  ];
  const a = (t1: number, t2: number, grade: 'excellent' | 'good' | 'pass' | 'fail', comments: string) => ({
    scores: { t1, t2 },
    total: t1 + t2,
    grade,
    assessedOn: '2027-02-20',
    comments,
    assessors: ['张三', '李四'],
  });

  it('ranks assessed centers by total with each criterion, then those not yet assessed', async () => {
    const ws = await readBack(
      await renderAssessmentRosterXlsx({
        year: 2026,
        criteria,
        bureauName: A,
        generatedOn: '2027-03-01',
        noticeNumber: '榕市监知〔2027〕2号',
        rows: [
          { center: { name: '中心甲', hostUnit: '=HYPERLINK("x")' }, assessment: a(30, 40, 'pass', '-培训偏少') },
          { center: { name: '中心乙', hostUnit: '单位乙' }, assessment: a(38, 55.5, 'excellent', '成效明显') },
          { center: { name: '中心丙', hostUnit: '单位丙' }, assessment: null },
        ],
      }),
    );
    expect(ws.getCell('A1').value).toBe('2026年度产业知识产权协同保护与运营中心中期考核汇总表');
    const sub = String(ws.getCell('A2').value);
    for (const s of ['榕市监知〔2027〕2号', '已考核2个（优秀1个、良好0个、合格1个、不合格0个），未考核1个']) expect(sub).toContain(s);
    expect((ws.getRow(3).values as unknown[]).map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v)).slice(1)).toEqual([
      '序号',
      '中心名称',
      '依托单位',
      '宣传培训（40分）',
      '维权援助（60分）',
      '总分（100分）',
      '等次',
      '考核日期',
      '考核人员',
      '考核意见',
    ]);
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(row(4).slice(0, 7)).toEqual([1, '中心乙', '单位乙', 38, 55.5, 93.5, '优秀']);
    expect(row(5).slice(0, 7)).toEqual([2, '中心甲', `=HYPERLINK("x")`, 30, 40, 70, '合格']);
    expect(hasQuotePrefix(ws.getCell('C5'))).toBe(true);
    expect(ws.getCell('J5').value).toBe('-培训偏少');
    expect(hasQuotePrefix(ws.getCell('J5'))).toBe(true);
    expect(ws.getCell('I4').value).toBe('张三、李四');
    expect((ws.getCell('H4').value as Date).toISOString().slice(0, 10)).toBe('2027-02-20');
    expect(row(6).slice(0, 3)).toEqual([3, '中心丙', '单位丙']);
    expect(ws.getCell('G6').value).toBe('未考核');
    expect(ws.getCell('F6').value).toBeNull();
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect((ws.pageSetup as { printTitlesRow?: string }).printTitlesRow).toBe('3:3');
  });
});
