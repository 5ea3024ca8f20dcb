import { describe, expect, it } from 'vitest';
import {
  applicationsByYear,
  buildReminders,
  centersByStatus,
  countByName,
  daysBetween,
  deadlineWindow,
  indicatorTotals,
  isPng,
  passRate,
  pngFileName,
  summaryYears,
  type ReminderFacts,
} from '../../../electron/core/domain/dashboard.js';
import { summaryDueDate } from '../../../electron/core/domain/center-lifecycle.js';
import { INDICATOR_KEYS, type Indicators } from '../../../electron/core/contract/centers/annual.js';

const indicators = (n: number, money = 0): Indicators => ({
  trainings: n,
  trainingAttendees: n * 10,
  assistanceCases: n,
  disputesMediated: n,
  allianceMembers: n,
  transfersLicences: n,
  pledgeFinancing: money,
  navigationProjects: n,
  trademarkGuidance: n,
});

const noFacts: ReminderFacts = {
  today: '2026-11-25',
  horizonDays: 60,
  summaries: [],
  reviews: [],
  supplements: [],
  publicities: [],
  openBatches: [],
};

describe('dashboard aggregation', () => {
  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(daysBetween('2026-11-25', '2027-01-31')).toBe(67);
    expect(daysBetween('2026-11-25', '2026-10-26')).toBe(-30);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('counts applications by batch year with empty years kept, and names largest first', () => {
    const batches = [
      { id: '2025-1', year: 2025 },
      { id: '2026-1', year: 2026 },
      { id: '2026-2', year: 2026 },
      { id: '2027-1', year: 2027 },
    ];
    const apps = [{ batchId: '2026-1' }, { batchId: '2026-2' }, { batchId: '2026-2' }, { batchId: '2025-1' }, { batchId: '1999-9' }];
    expect(applicationsByYear(batches, apps)).toEqual([
      { year: 2025, count: 1 },
      { year: 2026, count: 3 },
      { year: 2027, count: 0 },
    ]);
    expect(countByName(['鼓楼区', '长乐区', '鼓楼区', ' ', '仓山区', '长乐区', '鼓楼区'])).toEqual([
      { name: '鼓楼区', count: 3 },
      { name: '长乐区', count: 2 },
      { name: '仓山区', count: 1 },
      { name: '未填写', count: 1 },
    ]);
  });

  it('pass rate counts only results with a final score', () => {
    expect(
      passRate([
        { final: 90, passed: true },
        { final: 65, passed: false },
        { final: null, passed: false },
        { final: 72, passed: true },
      ]),
    ).toEqual({ scored: 3, passed: 2, rate: 0.6667 });
    expect(passRate([{ final: null, passed: false }])).toEqual({ scored: 0, passed: 0, rate: null });
  });

  it('lists every center status with zero counts and Chinese labels', () => {
    expect(centersByStatus([{ status: 'active' }, { status: 'active' }, { status: 'revoked' }])).toEqual([
      { status: 'active', label: '有效', count: 2 },
      { status: 'rectifying', label: '限期整改', count: 0 },
      { status: 'revoked', label: '已撤销', count: 1 },
    ]);
  });

  it('sums every indicator of a year (money to two decimals)', () => {
    const t = indicatorTotals(2026, [{ indicators: indicators(3, 100.1) }, { indicators: indicators(4, 200.2) }]);
    expect(t.year).toBe(2026);
    expect(t.summaries).toBe(2);
    expect(Object.keys(t.totals).sort()).toEqual([...INDICATOR_KEYS].sort());
    expect(t.totals.trainings).toBe(7);
    expect(t.totals.trainingAttendees).toBe(70);
    expect(t.totals.pledgeFinancing).toBe(300.3);
    expect(indicatorTotals(2025, []).totals.trainings).toBe(0);
  });
});

describe('deadline window', () => {
  const item = (dueOn: string, kind: 'supplement' | 'reviewDue' | 'batchCloses' = 'supplement', title = dueOn) => ({
    kind,
    dueOn,
    title,
    route: '/applications',
  });

  it('keeps 30 days back to the horizon, soonest first, with days left and overdue', () => {
    const list = deadlineWindow(
      [item('2026-12-20'), item('2026-10-25'), item('2026-10-26'), item('2027-01-24'), item('2027-01-25'), item('2026-11-25')],
      '2026-11-25',
      60,
    );
    expect(list.map((d) => d.dueOn)).toEqual(['2026-10-26', '2026-11-25', '2026-12-20', '2027-01-24']);
    expect(list[0]).toMatchObject({ daysLeft: -30, overdue: true });
    expect(list[1]).toMatchObject({ daysLeft: 0, overdue: false });
    expect(list[3]).toMatchObject({ daysLeft: 60, overdue: false });
  });

  it('orders same-day deadlines by kind', () => {
    const list = deadlineWindow(
      [item('2026-12-01', 'batchCloses', 'b'), item('2026-12-01', 'reviewDue', 'r'), item('2026-12-01', 'supplement', 's')],
      '2026-11-25',
      60,
    );
    expect(list.map((d) => d.kind)).toEqual(['reviewDue', 'supplement', 'batchCloses']);
  });
});

describe('reminders', () => {
  it('names the current summary year and an overdue previous one', () => {
    const due = (y: number) => summaryDueDate(y);
    expect(summaryYears('2026-11-25', due)).toEqual({ current: 2026, overdue: 2025 });
    expect(summaryYears('2027-01-31', due)).toEqual({ current: 2026, overdue: null });
    expect(summaryYears('2027-02-01', due)).toEqual({ current: 2027, overdue: 2026 });
  });

  it('writes the summary sentence with the due date and the number missing', () => {
    const r = buildReminders({ ...noFacts, summaries: [{ year: 2026, dueOn: '2027-01-31', missing: 3 }] });
    expect(r).toEqual([{ text: '2026年度工作总结截止2027年1月31日，尚有3个中心未提交。', route: '/centers/summaries', level: 'info' }]);
    const close = buildReminders({ ...noFacts, today: '2027-01-10', summaries: [{ year: 2026, dueOn: '2027-01-31', missing: 1 }] });
    expect(close[0]!.level).toBe('warning');
    const late = buildReminders({
      ...noFacts,
      summaries: [
        { year: 2025, dueOn: '2026-01-31', missing: 2 },
        { year: 2026, dueOn: '2027-01-31', missing: 0 },
      ],
    });
    expect(late).toEqual([
      { text: '2025年度工作总结已于2026年1月31日截止，尚有2个中心未提交。', route: '/centers/summaries', level: 'error' },
    ]);
  });

  it('counts re-reviews due and overdue supplements, errors first', () => {
    const r = buildReminders({
      ...noFacts,
      openBatches: [{ label: '2026年第2批', closesOn: '2026-12-15' }],
      reviews: [
        { dueOn: '2026-11-20', kind: 'triennial' },
        { dueOn: '2026-11-25', kind: 'triennial' },
        { dueOn: '2026-12-30', kind: 'triennial' },
        { dueOn: '2026-11-01', kind: 'followUp' },
      ],
      supplements: ['2026-11-20', '2026-11-01', '2026-11-28', '2027-01-01'],
    });
    expect(r.map((x) => [x.level, x.text])).toEqual([
      ['error', '2个中心三年复核已到期。'],
      ['error', '1个中心整改期限已满，待复核。'],
      ['error', '2件申报补正期限已过，请核对补正材料或作出不予受理决定。'],
      ['warning', '1个中心三年复核将在60天内到期。'],
      ['warning', '1件申报补正期限将在7天内届满。'],
      ['info', '2026年第2批申报将于2026年12月15日截止（剩余20天）。'],
    ]);
    expect(r.find((x) => x.text.includes('复核'))!.route).toBe('/centers/reviews');
    expect(r.find((x) => x.text.includes('补正'))!.route).toBe('/applications');
  });

  it('reports a running publicity and a batch left open after its closing day', () => {
    const r = buildReminders({
      ...noFacts,
      publicities: [{ label: '2026年第1批', endsOn: '2026-11-27' }],
      openBatches: [{ label: '2026年第2批', closesOn: '2026-11-20' }],
    });
    expect(r).toEqual([
      { text: '2026年第2批已于2026年11月20日截止受理，批次仍为“受理中”，请更新批次状态。', route: '/batches', level: 'warning' },
      { text: '2026年第1批公示将于2026年11月27日期满。', route: '/designation', level: 'info' },
    ]);
    expect(buildReminders(noFacts)).toEqual([]);
  });
});

describe('PNG export', () => {
  it('names the file title-YYYYMMDD.png and checks the signature', () => {
    expect(pngFileName('各年度申报数量', '2026-11-25')).toBe('各年度申报数量-20261125.png');
    expect(isPng(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(isPng(new TextEncoder().encode('GIF89a-not-a-png'))).toBe(false);
    expect(isPng(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
  });
});
