import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../electron/core/app.js';
import { tempDir, testClock } from '../helpers/temp.js';
import { fail, fullApplicant, ok } from '../helpers/applications.js';
import { CENTER_UNITS, designatedCenters } from '../helpers/centers.js';

/** A 1×1 PNG. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const UNITS = [...CENTER_UNITS, { name: '福州不及格有限公司', total: 60 }];

const indicators = (n: number, money: number) => ({
  trainings: n,
  trainingAttendees: n * 20,
  assistanceCases: n + 1,
  disputesMediated: n,
  allianceMembers: 10 * n,
  transfersLicences: n,
  pledgeFinancing: money,
  navigationProjects: 1,
  trademarkGuidance: n,
});

describe('stats.dashboard and stats.savePng through desk.invoke', () => {
  let t: ReturnType<typeof tempDir>;
  let desk: Desk;
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let supplementDeadline: string;

  beforeEach(async () => {
    t = tempDir();
    desk = await openDesk({ dataDir: t.dir, host: 'test', clock: clock.now, log: () => undefined });
    await designatedCenters(desk, clock, UNITS);
    // a second batch of 2026 open now, with one application asked to supplement
    clock.set('2026-11-16T02:00:00.000Z');
    await ok(desk.invoke('batches.create', { year: 2026, title: '2026年第二批', opensOn: '2026-11-02', closesOn: '2026-12-15' }));
    const app = await desk.call('applications.create', {
      batchId: '2026-2',
      applicant: { ...fullApplicant('福州海峡生物医药研究院', 40), district: '仓山区', industry: '生物医药' },
      proposedCenterName: '福州市生物医药产业知识产权协同保护与运营中心',
    });
    await ok(desk.invoke('applications.submit', { id: app.id, acknowledgeMissing: true }));
    const asked = await desk.call('formalReview.requireSupplement', {
      applicationId: app.id,
      items: [{ no: 5, reason: '未提供办公场所租赁合同' }],
    });
    const round = asked.formalReviews.at(-1)!;
    supplementDeadline = round.outcome === 'supplementRequired' ? round.deadline : '';
    clock.set('2026-11-25T02:00:00.000Z');
  });
  afterEach(async () => {
    await desk.close();
    t.cleanup();
  });

  const dashboard = (input: Record<string, unknown> = {}) => desk.call('stats.dashboard', input);

  it('counts applications, pass rates and centers, and lists deadlines and reminders', async () => {
    const d = await dashboard();
    expect(d.today).toBe('2026-11-25');
    expect(d.year).toBeNull();
    expect(d.years).toEqual([2025, 2026]);
    expect(d.applicationsByYear).toEqual([
      { year: 2025, count: 0 },
      { year: 2026, count: 5 },
    ]);
    expect(d.applicationsByDistrict).toEqual([
      { name: '鼓楼区', count: 2 },
      { name: '仓山区', count: 1 },
      { name: '福清市', count: 1 },
      { name: '长乐区', count: 1 },
    ]);
    expect(d.applicationsByIndustry[0]).toEqual({ name: '软件信息', count: 2 });
    expect(d.passRates).toEqual([{ batchId: '2026-1', label: '2026年第一批', scored: 4, passed: 3, rate: 0.75 }]);
    expect(d.centersByStatus).toEqual([
      { status: 'active', label: '有效', count: 3 },
      { status: 'rectifying', label: '限期整改', count: 0 },
      { status: 'revoked', label: '已撤销', count: 0 },
    ]);
    expect(d.summaryYear).toEqual({ year: 2026, dueOn: '2027-01-31', required: 3, missing: 3 });
    expect(d.indicatorTrends).toEqual([]);

    // supplement deadline (5 working days after 2026-11-16, now overdue) and the open batch's closing day; the
    // 2026 summaries (due 2027-01-31, 67 days) are beyond the default 60-day horizon
    expect(supplementDeadline > '2026-11-16').toBe(true);
    expect(d.deadlines.map((x) => [x.kind, x.dueOn, x.route])).toEqual([
      ['supplement', supplementDeadline, '/applications'],
      ['batchCloses', '2026-12-15', '/batches'],
    ]);
    const supplement = d.deadlines[0]!;
    expect(supplement.title).toBe('福州海峡生物医药研究院 补正期限');
    expect(supplementDeadline < '2026-11-25').toBe(true); // 5 working days after 2026-11-16
    expect(supplement.overdue).toBe(true);
    expect(d.deadlines[1]).toMatchObject({ title: '2026年第二批申报截止', daysLeft: 20, overdue: false });

    const texts = d.reminders.map((r) => r.text);
    expect(texts).toContain('2026年度工作总结截止2027年1月31日，尚有3个中心未提交。');
    expect(texts).toContain('2026年第二批申报将于2026年12月15日截止（剩余20天）。');
    // 2025-1 was never closed
    expect(d.reminders.find((r) => r.text.startsWith('2025年第一批已于2025年4月30日截止受理'))).toMatchObject({
      level: 'warning',
      route: '/batches',
    });
    expect(texts.some((x) => x.includes('2025年度工作总结'))).toBe(false); // designated in 2026: nothing owed for 2025
    expect(d.reminders[0]).toMatchObject({
      level: 'error',
      route: '/applications',
      text: '1件申报补正期限已过，请核对补正材料或作出不予受理决定。',
    });

    const wide = await dashboard({ horizonDays: 90 });
    expect(wide.deadlines.at(-1)).toMatchObject({
      kind: 'summaryDue',
      dueOn: '2027-01-31',
      route: '/centers/summaries',
      daysLeft: 67,
      title: '2026年度工作总结截止（3个中心未提交）',
    });

    const y2025 = await dashboard({ year: 2025 });
    expect(y2025.year).toBe(2025);
    expect(y2025.applicationsByDistrict).toEqual([]);
    expect(y2025.applicationsByYear).toEqual(d.applicationsByYear); // the by-year chart is never filtered
    expect((await fail(desk.invoke('stats.dashboard', { horizonDays: 0 }))).code).toBe('INVALID_INPUT');
  });

  it('sums the summaries’ indicators and shows a rectifying center’s deadline', async () => {
    await ok(
      desk.invoke('summaries.save', {
        year: 2026,
        centerId: 'C1',
        submittedOn: '2026-11-20',
        indicators: indicators(3, 120.5),
        narrative: '开展公益培训。',
      }),
    );
    await ok(
      desk.invoke('summaries.save', {
        year: 2026,
        centerId: 'C2',
        submittedOn: '2026-11-21',
        indicators: indicators(2, 80.25),
        narrative: '',
      }),
    );
    await ok(
      desk.invoke('triennial.decide', {
        centerId: 'C3',
        outcome: 'rectify',
        decidedOn: '2026-11-20',
        opinion: '办公场所与人员配备不足，限期整改。',
        rectifyDeadline: '2026-12-20',
      }),
    );

    const d = await dashboard();
    expect(d.indicatorTrends).toEqual([
      {
        year: 2026,
        summaries: 2,
        totals: {
          trainings: 5,
          trainingAttendees: 100,
          assistanceCases: 7,
          disputesMediated: 5,
          allianceMembers: 50,
          transfersLicences: 5,
          pledgeFinancing: 200.75,
          navigationProjects: 2,
          trademarkGuidance: 5,
        },
      },
    ]);
    expect(d.centersByStatus.map((s) => s.count)).toEqual([2, 1, 0]);
    expect(d.summaryYear).toEqual({ year: 2026, dueOn: '2027-01-31', required: 3, missing: 1 });
    expect(d.deadlines.find((x) => x.kind === 'rectifyDue')).toMatchObject({
      dueOn: '2026-12-20',
      daysLeft: 25,
      route: '/centers/reviews',
      title: `${CENTER_UNITS[2]!.proposedCenterName} 整改期满`,
    });
    expect(d.reminders.map((r) => r.text)).toContain('2026年度工作总结截止2027年1月31日，尚有1个中心未提交。');
    expect(d.reminders.map((r) => r.text)).toContain('1个中心整改期限将在60天内届满。');
  });

  it('saves a chart as PNG and refuses anything else', async () => {
    const file = await desk.call('stats.savePng', { title: '各年度申报数量', dataUrl: `data:image/png;base64,${PNG_1X1}` });
    expect(file.fileName).toBe('各年度申报数量-20261125.png');
    const bytes = readFileSync(file.path);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.equals(Buffer.from(PNG_1X1, 'base64'))).toBe(true);
    const again = await desk.call('stats.savePng', { title: '各年度申报数量', dataUrl: `data:image/png;base64,${PNG_1X1}` });
    expect(again.fileName).toBe('各年度申报数量-20261125（2）.png');

    const gif = Buffer.from('GIF89a\x01\x00\x01\x00not a png').toString('base64');
    const notPng = await fail(desk.invoke('stats.savePng', { title: '中心状态', dataUrl: `data:image/png;base64,${gif}` }));
    expect(notPng.code).toBe('INVALID_INPUT');
    expect(notPng.message).toContain('不是有效的PNG图片');
    const jpeg = await fail(desk.invoke('stats.savePng', { title: '中心状态', dataUrl: 'data:image/jpeg;base64,AAAA' }));
    expect(jpeg.message).toContain('图片格式应为PNG');
  });
});
