import { describe, expect, it } from 'vitest';
import {
  SCORE_NUMBER_FORMAT,
  formatExpertTotal,
  formatScore,
  resultFigures,
  resultTexts,
  verdictOf,
} from '../../../electron/core/domain/result-figures.js';

const result = {
  rank: 2,
  count: 3,
  totals: [
    { expertId: 'a', total: 80 },
    { expertId: 'b', total: 82.5 },
    { expertId: 'c', total: 82.5 },
  ],
  mean: 81.666666,
  trimmedMean: null,
  final: 81.666666,
  quorumMet: true,
  passed: true,
};

describe('result figures (one rounding for screen, PDF and xlsx)', () => {
  it('rounds half up to two decimals and always prints two; totals as entered; missing as a dash', () => {
    expect(formatScore(81.666666)).toBe('81.67');
    expect(formatScore(81.005)).toBe('81.01');
    expect(formatScore(85)).toBe('85.00');
    expect(formatScore(null)).toBe('—');
    expect(formatExpertTotal(86)).toBe('86');
    expect(formatExpertTotal(81.5)).toBe('81.5');
    expect(formatExpertTotal(undefined)).toBe('—');
    expect(SCORE_NUMBER_FORMAT).toBe('0.00');
  });

  it('says 待定 below the quorum or without a final, never 未通过', () => {
    expect(verdictOf({ quorumMet: false, final: 90, passed: false })).toBe('pending');
    expect(verdictOf({ quorumMet: true, final: null, passed: false })).toBe('pending');
    expect(verdictOf({ quorumMet: true, final: 60, passed: false })).toBe('failed');
    expect(verdictOf({ quorumMet: true, final: 80, passed: true })).toBe('passed');
  });

  it('gives the figures of a row in the order of the expert columns', () => {
    const f = resultFigures(result, ['c', 'x', 'a']);
    expect(f).toEqual({ rank: 2, count: 3, totals: [82.5, null, 80], mean: 81.67, trimmedMean: null, final: 81.67, verdict: 'passed' });
    expect(resultTexts(f)).toEqual({
      rank: '2',
      count: '3',
      totals: ['82.5', '—', '80'],
      mean: '81.67',
      trimmedMean: '—',
      final: '81.67',
      verdict: '通过',
    });
    expect(resultTexts(resultFigures({ ...result, rank: null, quorumMet: false, passed: false }, [])).verdict).toBe('待定');
  });
});
