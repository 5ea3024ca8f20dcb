import { describe, expect, it } from 'vitest';
import { datesToText, parseDate, textToDates } from '../../../electron/core/domain/holiday-text.js';

describe('holiday text', () => {
  it('reads dates and ranges in the forms the bureau types', () => {
    expect(textToDates('2026-10-01~2026-10-03\n2026/10/7，20261008、2026年9月27日', 2026, '放假日期')).toEqual({
      dates: ['2026-09-27', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-07', '2026-10-08'],
    });
  });

  it('names the item that is wrong', () => {
    expect(textToDates('2026-02-30', 2026, '放假日期')).toEqual({
      error: '放假日期中的“2026-02-30”不是有效日期，请写成 2026-10-01 或 2026-10-01~2026-10-08。',
    });
    expect(textToDates('2026-10-08~2026-10-01', 2026, '放假日期')).toEqual({ error: '放假日期中的“2026-10-08~2026-10-01”起止颠倒。' });
    expect(textToDates('2025-12-31~2026-01-01', 2026, '调休上班日期')).toEqual({ error: '调休上班日期中的2025-12-31不在2026年内。' });
    expect(parseDate('2026-13-01')).toBeNull();
  });

  it('writes sorted dates back with consecutive days folded into ranges', () => {
    expect(datesToText(['2026-10-03', '2026-10-01', '2026-10-02', '2026-10-08', '2026-10-01'])).toBe('2026-10-01~2026-10-03\n2026-10-08');
  });
});
