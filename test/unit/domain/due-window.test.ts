import { describe, expect, it } from 'vitest';
import { DUE_HORIZONS, dueWithinLabel, isDueWithin } from '../../../electron/core/domain/due-window.js';

describe('“N天内到期” filters', () => {
  it('take a date at most N days ahead, overdue ones included, nothing further', () => {
    expect(isDueWithin('2026-12-03', '2026-09-04', 90)).toBe(true); // 90 days
    expect(isDueWithin('2026-12-04', '2026-09-04', 90)).toBe(false); // 91 days
    expect(isDueWithin('2026-12-31', '2026-09-04', 90)).toBe(false); // 118 days: the case
    expect(isDueWithin('2026-08-01', '2026-09-04', 90)).toBe(true); // overdue
  });
  it('the label carries the same number the filter uses', () => {
    for (const d of DUE_HORIZONS) expect(dueWithinLabel(d)).toBe(`${d}天内到期（含逾期）`);
  });
});
