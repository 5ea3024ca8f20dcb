import { describe, expect, it } from 'vitest';
import { planRows } from '../../../electron/core/documents/pdf/table-pages.js';

describe('planRows: a table row never stands alone on a page', () => {
  it('moves a row down so the last page holds two rows', () => {
    // Room for header + 3 rows on page 1; four rows in all: greedy would leave row 4 alone on page 2.
    const pages = planRows({ rows: [10, 10, 10, 10], header: 5, firstRoom: 36, fullRoom: 100 });
    expect(pages).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('starts the table on a fresh page when only one row fits at the foot', () => {
    const pages = planRows({ rows: [10, 10, 10], header: 5, firstRoom: 16, fullRoom: 100 });
    expect(pages).toEqual([[], [0, 1, 2]]);
  });

  it('keeps a tail (notes, a date line) with at least two rows', () => {
    const pages = planRows({ rows: [10, 10, 10, 10], header: 5, firstRoom: 46, fullRoom: 100, tail: 8 });
    expect(pages.at(-1)!.length).toBeGreaterThanOrEqual(2);
    expect(pages.flat()).toEqual([0, 1, 2, 3]);
  });

  it('leaves a table that fits alone', () => {
    expect(planRows({ rows: [10, 10], header: 5, firstRoom: 100, fullRoom: 100, tail: 20 })).toEqual([[0, 1]]);
  });
});
