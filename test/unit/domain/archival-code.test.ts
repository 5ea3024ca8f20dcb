import { describe, expect, it } from 'vitest';
import {
  archivalCode,
  DEFAULT_RETENTION,
  fondsNumberProblem,
  itemNumbers,
  retentionTable,
} from '../../../electron/core/domain/archival-code.js';
import { UpdateSettingsInput } from '../../../electron/core/contract/settings.js';

describe('档号 and 保管期限', () => {
  it('composes 全宗号-年度-保管期限代码-件号 with a 4-digit 件号', () => {
    expect(archivalCode({ fonds: 'J001', year: 2026, retention: 'permanent', itemNo: 1 })).toBe('J001-2026-Y-0001');
    expect(archivalCode({ fonds: '0123', year: 2026, retention: 'y30', itemNo: 27 })).toBe('0123-2026-D30-0027');
    expect(archivalCode({ fonds: 'X9A1', year: 2027, retention: 'y10', itemNo: 1234 })).toBe('X9A1-2027-D10-1234');
  });
  it('numbers items from 1 within each 保管期限, in order', () => {
    expect(itemNumbers(['permanent', 'y30', 'permanent', 'y10', 'y30', 'permanent'])).toEqual([1, 1, 2, 1, 2, 3]);
  });
  it('takes the bureau’s 保管期限 over the defaults', () => {
    expect(DEFAULT_RETENTION.decisionNotice).toBe('permanent');
    expect(DEFAULT_RETENTION.roster).toBe('y10');
    const t = retentionTable({ roster: 'y30', certificate: 'y30' });
    expect([t.roster, t.certificate, t.decisionNotice]).toEqual(['y30', 'y30', 'permanent']);
  });
  it('accepts a 4-character 全宗号 of digits and capitals only, naming the field when not', () => {
    expect(fondsNumberProblem('J001')).toBeNull();
    for (const bad of ['J01', 'j001', 'J-01', 'J0011', '', '全宗01']) expect(fondsNumberProblem(bad)).toContain('全宗号');
    const refused = UpdateSettingsInput.safeParse({ fondsNumber: 'j-01' });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toBe('全宗号应为4位数字或大写字母与数字的组合（如 J001），由档案馆给定');
    expect(UpdateSettingsInput.safeParse({ fondsNumber: 'J001', retentionPeriods: { roster: 'y30' } }).success).toBe(true);
    expect(UpdateSettingsInput.safeParse({ retentionPeriods: { roster: 'y5' } }).success).toBe(false);
  });
});
