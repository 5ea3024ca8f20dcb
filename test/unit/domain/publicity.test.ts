import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAY_TABLES } from '../../../electron/core/domain/holidays-data.js';
import { buildCalendar } from '../../../electron/core/domain/working-days.js';
import {
  centerName,
  centerValidUntil,
  countedWorkingDays,
  decisionBlockers,
  formatCertificateNumber,
  objectionAcceptance,
  objectionStatus,
  plaqueDateLine,
  publicityBackdated,
  publicityEnded,
  publicityPeriod,
} from '../../../electron/core/domain/publicity.js';

const cal = buildCalendar(DEFAULT_HOLIDAY_TABLES);

describe('publicity period (start day counted as day 1 when it is a working day)', () => {
  it('2026-09-28 + 5 working days ends on 2026-10-09 (9/28, 9/29, 9/30, 10/8, 10/9)', () => {
    const p = publicityPeriod('2026-09-28', 5, cal);
    expect(p).toMatchObject({ startsOn: '2026-09-28', firstDay: '2026-09-28', endsOn: '2026-10-09', workingDays: 5 });
    expect(p.convention).toContain('2026年9月28日至2026年10月9日（5个工作日，开始当日计入');
    expect(p.warning).toBeUndefined();
    expect(countedWorkingDays(p, cal)).toBe(5);
  });
  it('counts the Spring Festival make-up Saturdays (2026-02-14, 2026-02-28) as working days', () => {
    // Thu 2/12, Fri 2/13, Sat 2/14 (调休上班), then 2/15–2/23 off, Tue 2/24 → 4th, Wed 2/25 → 5th.
    expect(publicityPeriod('2026-02-12', 5, cal).endsOn).toBe('2026-02-25');
    // Thu 2/26, Fri 2/27, Sat 2/28 (调休上班), Mon 3/2, Tue 3/3.
    expect(publicityPeriod('2026-02-26', 5, cal).endsOn).toBe('2026-03-03');
    // Starting on the make-up Saturday itself counts it as day 1.
    expect(publicityPeriod('2026-02-14', 1, cal).endsOn).toBe('2026-02-14');
  });
  it('a start on a day off counts from the next working day and says so', () => {
    const p = publicityPeriod('2026-10-03', 5, cal);
    expect(p.firstDay).toBe('2026-10-08');
    expect(p.endsOn).toBe('2026-10-13'); // 10/8, 10/9, 10/10 (调休上班), 10/12, 10/13
    expect(p.convention).toContain('开始当日非工作日，自2026年10月8日起计');
  });
  it('warns for a year with no table', () => {
    expect(publicityPeriod('2030-03-04', 5, cal).warning).toContain('2030年');
  });
});

describe('objection acceptance', () => {
  const publicity = { startsOn: '2026-09-28', endsOn: '2026-10-09' };
  it('a written objection with identity proof, in time, is accepted (last day included)', () => {
    expect(objectionAcceptance({ receivedOn: '2026-10-09', from: '福州某公司', identityProof: true }, publicity)).toEqual({
      accepted: true,
    });
  });
  it('anonymous objections (no seal/signature, or no name) are not accepted', () => {
    const a = objectionAcceptance({ receivedOn: '2026-09-29', from: '某群众', identityProof: false }, publicity);
    expect(a.accepted).toBe(false);
    expect(!a.accepted && a.reason).toContain('匿名');
    expect(objectionAcceptance({ receivedOn: '2026-09-29', from: ' ', identityProof: true }, publicity).accepted).toBe(false);
  });
  it('late objections are not accepted', () => {
    const a = objectionAcceptance({ receivedOn: '2026-10-10', from: '张三', identityProof: true }, publicity);
    expect(a.accepted).toBe(false);
    expect(!a.accepted && a.reason).toContain('逾期');
  });
  it('status follows acceptance and resolution', () => {
    expect(objectionStatus({ accepted: false })).toBe('notAccepted');
    expect(objectionStatus({ accepted: true })).toBe('open');
    expect(objectionStatus({ accepted: true, resolution: { outcome: 'upheld', reason: 'x', at: '2026-10-01T00:00:00Z', by: 'a' } })).toBe(
      'upheld',
    );
  });
});

describe('decision blockers', () => {
  const publicity = { endsOn: '2026-10-09' };
  it('blocks before the period has ended and while an accepted objection is open', () => {
    expect(decisionBlockers(undefined, [], '2026-10-12')[0]).toContain('尚未公示');
    expect(decisionBlockers(publicity, [], '2026-10-09').join('')).toContain('尚未期满');
    const open = [{ id: '2026-1-O1', accepted: true, from: '张三' }];
    expect(decisionBlockers(publicity, open, '2026-10-12').join('')).toContain('1件异议未处理');
    expect(decisionBlockers(publicity, [{ id: '2026-1-O2', accepted: false, from: '' }], '2026-10-12')).toEqual([]);
    expect(decisionBlockers(publicity, [], '2026-10-12', true).join('')).toContain('不能重复认定');
  });
});

describe('centers', () => {
  it('are valid three years less a day', () => {
    expect(centerValidUntil('2026-10-12')).toBe('2029-10-11');
    expect(centerValidUntil('2026-01-01')).toBe('2028-12-31');
    expect(centerValidUntil('2028-02-29')).toBe('2031-02-27'); // first re-review due 2031-02-28
  });
  it('certificate numbers and names', () => {
    expect(formatCertificateNumber('FZIPC', 2026, 1)).toBe('FZIPC-2026-001');
    expect(formatCertificateNumber('FZIPC', 2027, 1234)).toBe('FZIPC-2027-1234');
    expect(centerName('', '纺织化纤')).toBe('福州市纺织化纤产业知识产权协同保护与运营中心');
    expect(centerName('', '纺织化纤产业')).toBe('福州市纺织化纤产业知识产权协同保护与运营中心');
    expect(centerName(' 自拟中心 ', '软件信息')).toBe('自拟中心');
    expect(plaqueDateLine('2026-10-12')).toBe('二〇二六年十月');
    expect(plaqueDateLine('2027-12-01')).toBe('二〇二七年十二月');
    expect(plaqueDateLine('2027-03-01')).toBe('二〇二七年三月');
  });
});

describe('publicityEnded', () => {
  it('is false through the last day and true from the day after', () => {
    const p = { endsOn: '2026-10-09' };
    expect(['2026-10-08', '2026-10-09', '2026-10-10'].map((d) => publicityEnded(p, d))).toEqual([false, false, true]);
  });
});

describe('a publicity starting before today (needs a reason)', () => {
  it('is backdated only when the start is before today, across month and year ends', () => {
    expect(publicityBackdated('2026-09-27', '2026-09-28')).toBe(true);
    expect(publicityBackdated('2026-09-28', '2026-09-28')).toBe(false);
    expect(publicityBackdated('2026-09-29', '2026-09-28')).toBe(false);
    expect(publicityBackdated('2025-12-31', '2026-01-01')).toBe(true);
    expect(publicityBackdated('2026-10-01', '2026-09-30')).toBe(false);
  });
});
