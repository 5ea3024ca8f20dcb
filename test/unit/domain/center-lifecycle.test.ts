import { describe, expect, it } from 'vitest';
import { WORK_TASKS } from '../../../electron/core/contract/centers/annual.js';
import type { Center } from '../../../electron/core/contract/designation.js';
import { DeskError } from '../../../electron/core/contract/errors.js';
import {
  agreementRefusal,
  applyPlaqueReturn,
  centerStatusText,
  DEFAULT_PLAQUE_RETURN_WORKING_DAYS,
  nextReviewAfterRetain,
  plaqueReturnDue,
  plaqueReturnOf,
  plaqueReturnText,
  reviewKindOn,
  unassessedNoticeMessage,
  unassessedSummaries,
  addYears,
  applyReviewOutcome,
  assessmentScoreProblems,
  assessmentTemplateFrozen,
  assessmentTotal,
  checkAssessmentTemplate,
  DEFAULT_SUMMARY_DUE,
  defaultAssessmentTemplate,
  firstReviewDue,
  gradeFor,
  nextReviewDueOf,
  nextReviewId,
  reviewDueList,
  summaryDueDate,
  summaryDueRuleText,
  summaryRequired,
  yearRecordsEditable,
  yearRecordsRefusal,
  type ReviewContext,
  type ReviewDecision,
} from '../../../electron/core/domain/center-lifecycle.js';

function center(over: Partial<Center> = {}): Center {
  return {
    id: 'C1',
    name: '福州市纺织化纤产业知识产权协同保护与运营中心',
    hostUnit: '福州纺织化纤科技有限公司',
    industry: '纺织化纤',
    district: '长乐区',
    batchId: '2026-1',
    applicationId: '2026-1-1',
    decisionDocNumber: '榕市监知〔2026〕1号',
    designatedOn: '2026-10-12',
    certificateNumber: 'FZIPC-2026-001',
    validUntil: '2029-10-11',
    status: 'active',
    plaque: {
      number: 'FZIPC-2026-001',
      inscription: '福州市纺织化纤产业知识产权协同保护与运营中心',
      authority: '福州市市场监督管理局',
      dateLine: '二〇二六年十月',
    },
    createdAt: '2026-10-12T02:00:00.000Z',
    nextReviewDue: '2029-10-12',
    statusHistory: [],
    ...over,
  };
}

const rc = (over: Partial<ReviewContext> = {}): ReviewContext => ({
  today: '2029-11-01',
  reviewId: 'C1-R1',
  at: '2029-11-01T02:00:00.000Z',
  by: '王科员',
  ...over,
});
const decide = (c: Center, d: Partial<ReviewDecision>, ctx: Partial<ReviewContext> = {}) =>
  applyReviewOutcome(c, { outcome: 'retain', decidedOn: '2029-10-20', opinion: '工作扎实，同意保留。', ...d }, rc(ctx));

function refusal(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    return e as DeskError;
  }
  throw new Error('expected a refusal');
}

describe('annual summary due date', () => {
  it('defaults to 次年1月31日', () => {
    expect(DEFAULT_SUMMARY_DUE).toEqual({ yearOffset: 1, month: 1, day: 31 });
    expect(summaryDueDate(2026)).toBe('2027-01-31');
    expect(summaryDueRuleText()).toBe('次年1月31日');
  });
  it('clamps the day to the month end: 2-31 → 2-28, or 2-29 in a leap year', () => {
    expect(summaryDueDate(2026, { yearOffset: 1, month: 2, day: 31 })).toBe('2027-02-28');
    expect(summaryDueDate(2027, { yearOffset: 1, month: 2, day: 31 })).toBe('2028-02-29');
    expect(summaryDueDate(2026, { yearOffset: 1, month: 4, day: 31 })).toBe('2027-04-30');
  });
  it('yearOffset 0 means the same year', () => {
    expect(summaryDueDate(2026, { yearOffset: 0, month: 12, day: 31 })).toBe('2026-12-31');
    expect(summaryDueDate(2028, { yearOffset: 0, month: 2, day: 30 })).toBe('2028-02-29');
    expect(summaryDueRuleText({ yearOffset: 0, month: 12, day: 20 })).toBe('当年12月20日');
  });
});

describe('who owes a summary', () => {
  it('a center designated on or before Y-12-31 owes the summary of Y', () => {
    const c = center({ designatedOn: '2026-12-31' });
    expect(summaryRequired(c, 2026, '2027-01-31')).toBe(true);
    expect(summaryRequired(c, 2025, '2026-01-31')).toBe(false);
    expect(summaryRequired(center({ designatedOn: '2027-01-01' }), 2026, '2027-01-31')).toBe(false);
  });
  it('a center revoked before the due date owes nothing; one revoked on or after it still owes', () => {
    const revoked = (on: string) => center({ status: 'revoked', certificateEndedOn: on });
    expect(summaryRequired(revoked('2027-01-15'), 2026, '2027-01-31')).toBe(false);
    expect(summaryRequired(revoked('2027-01-31'), 2026, '2027-01-31')).toBe(true);
    expect(summaryRequired(revoked('2027-03-01'), 2026, '2027-01-31')).toBe(true);
    expect(summaryRequired(center({ status: 'rectifying', rectifyDeadline: '2030-06-30' }), 2029, '2030-01-31')).toBe(true);
  });
  it('records of years before the revocation year stay editable; later ones and years before designation are refused', () => {
    const c = center({ status: 'revoked', certificateEndedOn: '2029-11-01' });
    expect(yearRecordsEditable(c, 2028)).toBe(true);
    expect(yearRecordsRefusal(c, 2028)).toBeUndefined();
    expect(yearRecordsEditable(c, 2029)).toBe(false);
    expect(yearRecordsRefusal(c, 2029)).toContain('已于2029年11月1日撤销');
    expect(yearRecordsRefusal(center(), 2025)).toContain('2025年度尚未认定');
    expect(yearRecordsRefusal(center(), 2026)).toBeUndefined();
  });
});

describe('re-review due dates', () => {
  it('the first re-review is designatedOn + 3 years; 29 Feb → 28 Feb', () => {
    expect(firstReviewDue('2026-10-12')).toBe('2029-10-12');
    expect(firstReviewDue('2028-02-29')).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
  it('next due: stored nextReviewDue, else designation + 3 years; follow-up at the rectify deadline; none when revoked', () => {
    expect(nextReviewDueOf(center())).toEqual({ dueOn: '2029-10-12', kind: 'triennial' });
    const { nextReviewDue: _n, ...old } = center({ designatedOn: '2028-02-29' });
    expect(nextReviewDueOf(old as Center)).toEqual({ dueOn: '2031-02-28', kind: 'triennial' });
    expect(nextReviewDueOf(center({ status: 'rectifying', rectifyDeadline: '2030-04-30' }))).toEqual({
      dueOn: '2030-04-30',
      kind: 'followUp',
    });
    expect(nextReviewDueOf(center({ status: 'revoked', certificateEndedOn: '2029-11-01' }))).toBeNull();
  });
  it('due list: within the horizon (the number its label says) or overdue, soonest first, never revoked ones', () => {
    const centers = [
      center({ id: 'C1', nextReviewDue: '2029-10-12' }),
      center({ id: 'C2', nextReviewDue: '2029-12-20' }), // beyond 60 days
      center({ id: 'C3', nextReviewDue: '2029-08-01' }), // overdue
      center({ id: 'C4', status: 'rectifying', rectifyDeadline: '2031-01-01' }), // rectifying, but far
      center({ id: 'C6', status: 'rectifying', rectifyDeadline: '2029-10-01' }), // rectifying, within 60 days
      center({ id: 'C5', status: 'revoked', certificateEndedOn: '2029-05-01', nextReviewDue: '2029-09-10' }),
    ];
    const list = reviewDueList(centers, '2029-09-01', 60);
    expect(list.map((d) => d.center.id)).toEqual(['C3', 'C6', 'C1']);
    expect(list[0]).toMatchObject({ dueOn: '2029-08-01', kind: 'triennial', daysLeft: -31, overdue: true });
    expect(list[1]).toMatchObject({ dueOn: '2029-10-01', kind: 'followUp', daysLeft: 30, overdue: false });
    expect(list[2]).toMatchObject({ dueOn: '2029-10-12', daysLeft: 41, overdue: false });
    expect(reviewDueList(centers, '2029-09-01', 41).map((d) => d.center.id)).toEqual(['C3', 'C6', 'C1']);
    expect(reviewDueList(centers, '2029-09-01', 40).map((d) => d.center.id)).toEqual(['C3', 'C6']);
    expect(reviewDueList(centers, '2029-09-01', 29).map((d) => d.center.id)).toEqual(['C3']);
  });
  it('“90天内到期” never lists a center due in 118 days, rectifying or not', () => {
    const today = '2026-09-04';
    const centers = [
      center({ id: 'C3', status: 'rectifying', rectifyDeadline: '2026-12-31' }), // 118 days
      center({ id: 'C7', nextReviewDue: '2026-12-31' }),
    ];
    expect(reviewDueList(centers, today, 90)).toEqual([]);
    expect(reviewDueList(centers, today, 118).map((d) => d.daysLeft)).toEqual([118, 118]);
    for (const d of reviewDueList(centers, today, 180)) expect(d.daysLeft).toBeLessThanOrEqual(180);
  });
  it('review ids count per center', () => {
    expect(nextReviewId('C2', [])).toBe('C2-R1');
    expect(
      nextReviewId('C2', [
        { id: 'C2-R1', centerId: 'C2' },
        { id: 'C12-R4', centerId: 'C12' },
        { id: 'C2-R2', centerId: 'C2' },
      ]),
    ).toBe('C2-R3');
  });
});

describe('status changes from a re-review', () => {
  it('retain: a new cycle from the decision date (decidedOn + 3 years), validity to the day before, history appended', () => {
    const { center: c, review } = decide(center(), { outcome: 'retain' });
    expect(c.status).toBe('active');
    expect(c.nextReviewDue).toBe('2032-10-20');
    expect(c.validUntil).toBe('2032-10-19');
    expect(review.nextReviewDue).toBe('2032-10-20');
    expect(c.statusHistory).toHaveLength(1);
    expect(c.statusHistory[0]).toMatchObject({ on: '2029-10-20', from: 'active', to: 'active', ref: 'C1-R1', by: '王科员' });
    expect(c.statusHistory[0]!.reason).toBe(
      '三年期满复核结论：保留，自2029年10月20日起重新计算三年，有效期至2032年10月19日，下次复核2032年10月20日',
    );
    expect(review).toMatchObject({
      id: 'C1-R1',
      centerId: 'C1',
      dueOn: '2029-10-12',
      kind: 'triennial',
      outcome: 'retain',
      statusBefore: 'active',
      statusAfter: 'active',
    });
    expect(review.rectifyDeadline).toBeUndefined();
  });
  it('a review more than 90 days before the due date is 提前复核; its 保留 runs three years from the decision date', () => {
    // 18 months early: the case (due 2029-10-12, decided 2028-04-12)
    const { center: c, review } = decide(center(), { decidedOn: '2028-04-12' }, { today: '2028-04-12' });
    expect(review).toMatchObject({ kind: 'early', dueOn: '2029-10-12', nextReviewDue: '2031-04-12' });
    expect(c).toMatchObject({ nextReviewDue: '2031-04-12', validUntil: '2031-04-11' });
    expect(c.statusHistory[0]!.reason).toMatch(/^提前复核结论：保留，自2028年4月12日起重新计算三年/);
    // 90 days before is still the regular 三年期满 review; 91 days is early
    expect(reviewKindOn(center(), '2029-07-14')).toEqual({ dueOn: '2029-10-12', kind: 'triennial' });
    expect(reviewKindOn(center(), '2029-07-13')).toEqual({ dueOn: '2029-10-12', kind: 'early' });
    // a rectifying center's review is always the follow-up
    expect(reviewKindOn(center({ status: 'rectifying', rectifyDeadline: '2031-06-30' }), '2029-01-01')?.kind).toBe('followUp');
    expect(nextReviewAfterRetain('2028-04-12')).toBe('2031-04-12');
  });
  it('retain decided on 29 Feb: the next review falls on 28 Feb', () => {
    const c0 = center({ designatedOn: '2029-03-01', nextReviewDue: '2032-03-01', validUntil: '2032-02-29' });
    const { center: c } = decide(c0, { decidedOn: '2032-02-29' }, { today: '2032-03-01' });
    expect(c.nextReviewDue).toBe('2035-02-28');
    expect(c.validUntil).toBe('2035-02-27');
  });
  it('rectify: status rectifying with the deadline; follow-up due at the deadline; the triennial due kept on the center', () => {
    const { center: c, review } = decide(center(), { outcome: 'rectify', rectifyDeadline: '2030-04-30' });
    expect(c).toMatchObject({ status: 'rectifying', rectifyDeadline: '2030-04-30', nextReviewDue: '2029-10-12', validUntil: '2029-10-11' });
    expect(review).toMatchObject({ outcome: 'rectify', rectifyDeadline: '2030-04-30', statusBefore: 'active', statusAfter: 'rectifying' });
    expect(c.statusHistory.at(-1)).toMatchObject({ from: 'active', to: 'rectifying', ref: 'C1-R1' });
    expect(nextReviewDueOf(c)).toEqual({ dueOn: '2030-04-30', kind: 'followUp' });

    // follow-up retain: a new cycle from the decision date
    const { center: c2, review: r2 } = decide(
      c,
      { outcome: 'retain', decidedOn: '2030-05-06' },
      { today: '2030-05-06', reviewId: 'C1-R2' },
    );
    expect(r2).toMatchObject({ dueOn: '2030-04-30', kind: 'followUp', statusBefore: 'rectifying', statusAfter: 'active' });
    expect(c2).toMatchObject({ status: 'active', nextReviewDue: '2033-05-06', validUntil: '2033-05-05' });
    expect(c2.rectifyDeadline).toBeUndefined();
    expect(c2.statusHistory.map((h) => `${h.from}>${h.to}:${h.ref}`)).toEqual(['active>rectifying:C1-R1', 'rectifying>active:C1-R2']);
  });
  it('rectify needs a deadline after the decision and within 2 years', () => {
    expect(refusal(() => decide(center(), { outcome: 'rectify' })).message).toContain('须填写整改期限');
    const same = refusal(() => decide(center(), { outcome: 'rectify', rectifyDeadline: '2029-10-20' }));
    expect(same.code).toBe('RULE_VIOLATION');
    expect(same.message).toContain('应晚于复核结论日期');
    expect(refusal(() => decide(center(), { outcome: 'rectify', rectifyDeadline: '2031-10-21' })).message).toContain(
      '整改期限不超过2年（最晚2031年10月20日）',
    );
    expect(decide(center(), { outcome: 'rectify', rectifyDeadline: '2031-10-20' }).center.rectifyDeadline).toBe('2031-10-20');
  });
  it('a rectifying center may only be retained or revoked', () => {
    const c = center({ status: 'rectifying', rectifyDeadline: '2030-04-30', statusHistory: [] });
    const e = refusal(() =>
      decide(c, { outcome: 'rectify', rectifyDeadline: '2030-10-01', decidedOn: '2030-05-01' }, { today: '2030-05-02' }),
    );
    expect(e.code).toBe('RULE_VIOLATION');
    expect(e.message).toContain('只能作出“保留”或“撤销”结论');
    expect(decide(c, { outcome: 'revoke', decidedOn: '2030-05-01' }, { today: '2030-05-02' }).center.status).toBe('revoked');
  });
  it('revoke: status revoked, certificate ended, plaque to be returned by the deadline (not yet returned); final', () => {
    const { center: c, review } = decide(center(), { outcome: 'revoke' }, { plaqueReturnDueOn: '2029-11-09' });
    expect(c).toMatchObject({
      status: 'revoked',
      certificateEndedOn: '2029-10-20',
      plaqueReturn: { dueOn: '2029-11-09', reviewId: 'C1-R1' },
    });
    expect(c.plaqueWithdrawn).toBeUndefined();
    expect(c.plaqueReturn?.returnedOn).toBeUndefined();
    expect(review.plaqueReturnDueOn).toBe('2029-11-09');
    expect(c.statusHistory.at(-1)!.reason).toContain('牌匾须于2029年11月9日前交回');
    expect(plaqueReturnText(c, '2029-10-20')).toBe('牌匾待收回（期限2029年11月9日）');
    expect(plaqueReturnText(c, '2029-11-10')).toBe('牌匾逾期未收回（期限2029年11月9日）');
    // without a computed deadline the decision date is the deadline
    expect(decide(center(), { outcome: 'revoke' }).center.plaqueReturn?.dueOn).toBe('2029-10-20');
    expect(c.statusHistory.at(-1)).toMatchObject({ from: 'active', to: 'revoked', ref: 'C1-R1' });
    expect(review.statusAfter).toBe('revoked');
    for (const outcome of ['retain', 'rectify', 'revoke'] as const) {
      const e = refusal(() => decide(c, { outcome, decidedOn: '2029-10-25', rectifyDeadline: '2030-01-01' }, { reviewId: 'C1-R2' }));
      expect(e.code).toBe('RULE_VIOLATION');
      expect(e.message).toContain('撤销为最终结论');
    }
  });
  it('the decision date may not be in the future, before designation or before the previous decision', () => {
    expect(refusal(() => decide(center(), { decidedOn: '2029-11-02' })).message).toContain('晚于今天');
    expect(refusal(() => decide(center(), { decidedOn: '2026-10-11' })).message).toContain('早于中心认定日期');
    const c = center({
      statusHistory: [
        { on: '2029-10-15', at: '2029-10-15T02:00:00.000Z', from: 'active', to: 'rectifying', reason: 'x', ref: 'C1-R1', by: 'x' },
      ],
      status: 'rectifying',
      rectifyDeadline: '2030-01-01',
    });
    expect(refusal(() => decide(c, { decidedOn: '2029-10-14' })).message).toContain('早于上一次复核结论日期');
  });
  it('does not change the center passed in', () => {
    const c0 = center();
    decide(c0, { outcome: 'revoke' });
    expect(c0.status).toBe('active');
    expect(c0.statusHistory).toEqual([]);
  });
});

describe('牌匾收回', () => {
  const calendar = { tables: new Map(), offDays: new Set<string>(), makeUpWorkDays: new Set<string>() };
  const revoked = decide(
    center(),
    { outcome: 'revoke', decidedOn: '2026-11-24' },
    { today: '2026-11-24', plaqueReturnDueOn: '2026-12-15' },
  ).center;
  const at = { today: '2026-12-20', at: '2026-12-20T02:00:00.000Z', by: '王科员' };
  it('the deadline: N working days after the decision date (the day itself not counted)', () => {
    expect(DEFAULT_PLAQUE_RETURN_WORKING_DAYS).toBe(15);
    expect(plaqueReturnDue('2026-11-24', 15, calendar)).toBe('2026-12-15'); // weekends only: Tue + 15 working days
    expect(plaqueReturnDue('2026-11-24', 1, calendar)).toBe('2026-11-25');
  });
  it('records the actual return once, on a revoked center, dated between the revocation and today', () => {
    const back = applyPlaqueReturn(revoked, { returnedOn: '2026-12-10', note: '证书一并交回' }, at);
    expect(back.plaqueReturn).toEqual({
      dueOn: '2026-12-15',
      reviewId: 'C1-R1',
      returnedOn: '2026-12-10',
      note: '证书一并交回',
      recordedAt: at.at,
      recordedBy: '王科员',
    });
    expect(plaqueReturnText(back, '2027-01-01')).toBe('牌匾已收回（2026年12月10日）');
    expect(revoked.plaqueReturn?.returnedOn).toBeUndefined(); // the center passed in is not changed
    const twice = refusal(() => applyPlaqueReturn(back, { returnedOn: '2026-12-11' }, at));
    expect(twice.code).toBe('INVALID_STATE');
    expect(twice.message).toContain('已于2026年12月10日登记收回');
    const active = refusal(() => applyPlaqueReturn(center(), { returnedOn: '2026-12-10' }, at));
    expect(active.code).toBe('INVALID_STATE');
    expect(active.message).toContain('未撤销认定');
    expect(refusal(() => applyPlaqueReturn(revoked, { returnedOn: '2026-11-23' }, at)).message).toContain('早于撤销日期');
    expect(refusal(() => applyPlaqueReturn(revoked, { returnedOn: '2026-12-21' }, at)).message).toContain('晚于今天');
  });
  it('a revocation recorded before issue 13 (plaqueWithdrawn on the decision day) reads as pending, not returned', () => {
    const old = center({ status: 'revoked', certificateEndedOn: '2026-11-24', plaqueWithdrawn: { on: '2026-11-24', reviewId: 'C1-R1' } });
    expect(plaqueReturnOf(old)).toEqual({ dueOn: '2026-11-24', reviewId: 'C1-R1' });
    expect(plaqueReturnText(old, '2026-11-24')).toBe('牌匾待收回（期限2026年11月24日）');
    expect(applyPlaqueReturn(old, { returnedOn: '2026-12-01' }, at).plaqueReturn?.returnedOn).toBe('2026-12-01');
    expect(plaqueReturnOf(center())).toBeUndefined();
  });
});

describe('中期考核结果通知 and unassessed summaries', () => {
  it('lists the centers with a submitted summary and no assessment, in center order', () => {
    const s = (centerId: string) => ({ centerId }) as never;
    expect(unassessedSummaries({ summaries: [s('C10'), s('C2'), s('C1')], assessments: [s('C1')] })).toEqual(['C2', 'C10']);
    expect(unassessedSummaries({ summaries: [s('C1')], assessments: [s('C1')] })).toEqual([]);
    expect(unassessedNoticeMessage(2026, [{ name: '甲中心' }, { name: '乙中心' }])).toContain(
      '还有2个中心已提交工作总结但尚未考核：甲中心、乙中心',
    );
  });
});

describe('共建协议 by center status', () => {
  it('is recorded for an active or rectifying center, never after 撤销 (the refusal names the state and its date)', () => {
    expect(agreementRefusal(center())).toBeUndefined();
    expect(agreementRefusal(center({ status: 'rectifying', rectifyDeadline: '2030-03-31' }))).toBeUndefined();
    expect(agreementRefusal(center({ status: 'revoked', certificateEndedOn: '2029-11-01' }))).toBe(
      '福州市纺织化纤产业知识产权协同保护与运营中心已于2029年11月1日撤销认定，不能再登记共建协议。',
    );
  });
});

describe('mid-term assessment', () => {
  it('grade bands: 优秀 ≥ excellent, 良好 ≥ good, 合格 ≥ pass, otherwise 不合格', () => {
    const bands = { excellent: 90, good: 80, pass: 60 };
    expect(gradeFor(90, bands)).toBe('excellent');
    expect(gradeFor(89.5, bands)).toBe('good');
    expect(gradeFor(80, bands)).toBe('good');
    expect(gradeFor(60, bands)).toBe('pass');
    expect(gradeFor(59.5, bands)).toBe('fail');
  });
  it('the default template: the eight work tasks summing to 100, bands 90/80/60, valid', () => {
    const t = defaultAssessmentTemplate('2027-01-01T00:00:00.000Z', '系统默认');
    expect(t.version).toBe(1);
    expect(t.criteria.map((c) => c.title)).toEqual([...WORK_TASKS]);
    expect(t.criteria.reduce((s, c) => s + c.max, 0)).toBe(100);
    expect(t.bands).toEqual({ excellent: 90, good: 80, pass: 60 });
    expect(checkAssessmentTemplate(t)).toEqual({ errors: [], warnings: [] });
  });
  it('template checks: band order, bands within the total, step, duplicates; a total other than 100 is a warning', () => {
    const criteria = [
      { key: 'a', title: '宣传培训', max: 50, step: 0.5, description: '' },
      { key: 'b', title: '维权援助', max: 40, step: 0.5, description: '' },
    ];
    const ok = checkAssessmentTemplate({ criteria, bands: { excellent: 85, good: 75, pass: 55 } });
    expect(ok.errors).toEqual([]);
    expect(ok.warnings[0]).toContain('合计为90分');
    expect(checkAssessmentTemplate({ criteria, bands: { excellent: 80, good: 80, pass: 60 } }).errors.join()).toContain(
      '优秀分数线（80）应高于良好分数线（80）',
    );
    expect(checkAssessmentTemplate({ criteria, bands: { excellent: 85, good: 50, pass: 60 } }).errors.join()).toContain(
      '良好分数线（50）应高于合格分数线（60）',
    );
    expect(checkAssessmentTemplate({ criteria, bands: { excellent: 95, good: 80, pass: 60 } }).errors.join()).toContain('高于满分合计90分');
    expect(checkAssessmentTemplate({ criteria, bands: { excellent: 85, good: 75, pass: 0 } }).errors.join()).toContain('合格分数线应大于0');
    expect(
      checkAssessmentTemplate({
        criteria: [...criteria, { ...criteria[0]!, key: 'c' }],
        bands: { excellent: 85, good: 75, pass: 55 },
      }).errors.join(),
    ).toContain('“宣传培训”重复');
    expect(
      checkAssessmentTemplate({ criteria: [{ ...criteria[0]!, max: 10.2 }], bands: { excellent: 9, good: 8, pass: 6 } }).errors.join(),
    ).toContain('不是步长0.5的整数倍');
  });
  it('scores: every criterion scored, within 0..max, on the step; total is the sum', () => {
    const t = defaultAssessmentTemplate('2027-01-01T00:00:00.000Z');
    const full = Object.fromEntries(t.criteria.map((c) => [c.key, c.max - 1]));
    expect(assessmentScoreProblems(t.criteria, full)).toEqual([]);
    expect(assessmentTotal(t.criteria, full)).toBe(92);
    const { t1: _drop, ...missing } = full;
    expect(assessmentScoreProblems(t.criteria, missing)).toEqual(['请填写“宣传培训”的得分']);
    expect(assessmentScoreProblems(t.criteria, { ...full, t2: 16 })[0]).toContain('“维权援助”的得分应在0–15分之间');
    expect(assessmentScoreProblems(t.criteria, { ...full, t2: 12.3 })[0]).toContain('应为0.5的整数倍');
    expect(assessmentScoreProblems(t.criteria, { ...full, zz: 1 })[0]).toContain('没有代码为 zz 的考核项');
  });
  it('a template version is frozen once an assessment uses it', () => {
    expect(assessmentTemplateFrozen(1, [])).toBe(false);
    expect(assessmentTemplateFrozen(1, [{ templateVersion: 1 }])).toBe(true);
    expect(assessmentTemplateFrozen(2, [{ templateVersion: 1 }])).toBe(false);
  });
});

describe('centerStatusText (rosters)', () => {
  const base = { id: 'C1', name: '福州市某中心', status: 'active', designatedOn: '2026-10-12', statusHistory: [] } as unknown as Center;
  it('says what a clerk needs next to the status', () => {
    expect(centerStatusText(base)).toBe('有效');
    expect(centerStatusText({ ...base, status: 'rectifying', rectifyDeadline: '2027-03-31' })).toBe('限期整改（至2027年3月31日）');
    expect(
      centerStatusText({
        ...base,
        status: 'revoked',
        certificateEndedOn: '2026-11-25',
        plaqueReturn: { dueOn: '2026-12-16', reviewId: 'C1-R1' },
      }),
    ).toBe('已撤销（2026年11月25日起，证书失效，牌匾待收回，期限2026年12月16日）');
    expect(
      centerStatusText({
        ...base,
        status: 'revoked',
        certificateEndedOn: '2026-11-25',
        plaqueReturn: { dueOn: '2026-12-16', reviewId: 'C1-R1', returnedOn: '2026-12-10' },
      }),
    ).toBe('已撤销（2026年11月25日起，证书失效，牌匾已于2026年12月10日收回）');
  });
});
